/**
 * istio.io's whole English site (`../shared/fixtures/istio.io-site`), moved over as a docs team would:
 * `npm run import:hugo` into a new directory, then, BENCH_RUNS times (default 3), a cold
 * `npm run build` of the output with no edit and a warm one (nothing changed); last `npm run lint`
 * of the tree with that build in place (lint reuses it). For each step: wall time and peak memory of
 * its whole process tree. Then the pages rendered (redirect pages apart), the pages showing a
 * shortcode as text, and which of the site's landmark pages exist. Reports the builds to
 * `npm run bench` (src/bench/fragments.ts); nothing here asserts a time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBuiltSite } from '../../src/bench/built-site.ts';
import { writeFragment } from '../../src/bench/fragments.ts';
import { istioSiteId, type BuildMeasurement } from '../../src/bench/results.ts';
import { describeStep, forgetBuild, StepError, timedStep } from '../../src/bench/step.ts';
import { projectRoot } from '../../src/config/paths.ts';

const fixture = join(projectRoot, '../shared/fixtures/istio.io-site');
const landmarks = ['/', '/blog/', '/news/', '/about/', '/about/faq/', '/docs/reference/config/networking/virtual-service/', '/news/releases/1.25.x/announcing-1.25/'];
const runs = Number(process.env.BENCH_RUNS ?? 3);

if (!existsSync(fixture)) {
  console.log(`istio-site: ${fixture} does not exist; nothing to time`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'bench-istio-site-'));
const out = join(work, 'import');
const content = join(out, 'content');
const dist = join(work, 'dist');
const env = { MESHDOCS_CONTENT: content, MESHDOCS_DIST: dist };
const m: BuildMeasurement = { id: istioSiteId, label: 'istio.io site (imported)', pages: 0, coldSeconds: [], warmSeconds: [], peakBytes: [], notes: [] };
try {
  const imported = await timedStep(['scripts/import-hugo.ts', fixture, out], {});
  console.log(`istio-site: import ${describeStep(imported)}`);
  m.notes.push(`import: ${describeStep(imported)}`);
  for (let r = 0; r < runs; r++) {
    forgetBuild(content, dist);
    const cold = await timedStep(['scripts/site.ts', 'build'], env);
    const warm = await timedStep(['scripts/site.ts', 'build'], env);
    console.log(`istio-site: run ${r + 1} of ${runs}: cold build ${describeStep(cold)}; warm build ${describeStep(warm)}`);
    m.coldSeconds.push(cold.seconds);
    m.peakBytes.push(cold.peakBytes);
    m.warmSeconds.push(warm.seconds);
  }
  // Findings are lint's verdict on istio.io's pages (exit 1), not a failed step.
  const lint = await timedStep(['scripts/lint.ts'], env, [0, 1]);
  const summary = lint.output.trim().split('\n').at(-1) ?? '';
  console.log(`istio-site: lint with the build in place ${describeStep(lint)}  [${summary}]`);
  m.notes.push(`lint with the build in place: ${describeStep(lint)}`);

  const site = readBuiltSite(dist);
  m.pages = site.pages.length;
  const missing = landmarks.filter((p) => !site.pages.includes(p));
  console.log(`istio-site: ${site.pages.length} pages rendered, ${site.redirects.length} redirect pages, ${site.shortcodeText.length} page(s) showing a shortcode as text`);
  for (const s of site.shortcodeText) console.log(`  ${s.path}: ${s.text}`);
  console.log(`istio-site: landmarks ${missing.length === 0 ? 'all present' : `missing ${missing.join(' ')}`} (${landmarks.join(' ')})`);
  process.exitCode = site.shortcodeText.length > 0 || missing.length > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof StepError) console.error(error.output);
  console.error(`istio-site: ${(error as Error).message}`);
  m.notes.push((error as Error).message);
  process.exitCode = 1;
} finally {
  if (m.coldSeconds.length > 0) writeFragment({ suite: 'istio-site', measurements: [m] });
  // The tree's caches go with the tree (caches of trees gone are pruned).
  rmSync(work, { recursive: true, force: true });
}
