/**
 * Site builds of the synthetic corpus at each size (BENCH_SITE_SIZES, default 100,1000,5000), each
 * BENCH_RUNS times (default 3): a cold build (no cache of the tree, no parsed pages, no output), then a warm
 * one (nothing changed); wall time, peak memory of the build's process tree, and HTML bytes per page.
 * Flat per-page size as the corpus grows is the point of our own sidebar (Starlight's default puts
 * the whole tree in every page). Reports its measurements to `npm run bench` (src/bench/fragments.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeCorpus } from '../../src/bench/corpus.ts';
import { writeFragment } from '../../src/bench/fragments.ts';
import { median } from '../../src/bench/median.ts';
import { syntheticId, type BuildMeasurement } from '../../src/bench/results.ts';
import { forgetBuild, StepError, timedStep, type StepResult } from '../../src/bench/step.ts';

const sizes = (process.env.BENCH_SITE_SIZES ?? '100,1000,5000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);

function htmlPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/** One `npm run build` of the tree into `dist`: wall seconds and peak RSS of its process tree. */
function build(content: string, dist: string): Promise<StepResult> {
  return timedStep(['scripts/site.ts', 'build'], { MESHDOCS_CONTENT: content, MESHDOCS_DIST: dist });
}

const rows: { pages: number; cold: number; warm: number; peakMB: number; bytesPerPage: number; sidebarBytes: number }[] = [];
const measurements: BuildMeasurement[] = [];
for (const pages of sizes) {
  const content = makeCorpus(pages);
  const dist = `${content}-dist`;
  const m: BuildMeasurement = { id: syntheticId(pages), label: `synthetic, ${pages.toLocaleString('en-US')} pages`, pages, coldSeconds: [], warmSeconds: [], peakBytes: [], notes: [] };
  try {
    for (let r = 0; r < runs; r++) {
      forgetBuild(content, dist);
      const cold = await build(content, dist);
      m.coldSeconds.push(cold.seconds);
      m.peakBytes.push(cold.peakBytes);
      m.warmSeconds.push((await build(content, dist)).seconds);
    }
  } catch (error) {
    if (error instanceof StepError) console.error(error.output);
    console.error((error as Error).message);
    m.notes.push((error as Error).message);
    process.exitCode = 1;
  }
  if (m.coldSeconds.length > 0) {
    const files = htmlPages(join(dist, 'docs')).filter((f) => /page-\d+/.test(f));
    const bytes = files.map((f) => statSync(f).size);
    const sample = readFileSync(files[0]!, 'utf8');
    const navStart = sample.indexOf('class="mesh-nav"');
    const nav = sample.slice(navStart, sample.indexOf('</nav>', navStart));
    rows.push({
      pages,
      cold: median(m.coldSeconds),
      warm: median(m.warmSeconds),
      peakMB: median(m.peakBytes) / 1024 / 1024,
      bytesPerPage: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length),
      sidebarBytes: nav.length,
    });
  }
  measurements.push(m);
  rmSync(join(content, '..'), { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
}
writeFragment({ suite: 'site', measurements });

for (const r of rows) {
  console.log(
    `site: ${r.pages} pages  cold ${r.cold.toFixed(1)} s  warm ${r.warm.toFixed(1)} s  peak ${r.peakMB.toFixed(0)} MB (medians of ${runs})  ${(r.bytesPerPage / 1024).toFixed(1)} KB/page  sidebar ${(r.sidebarBytes / 1024).toFixed(1)} KB/page`,
  );
}
if (rows.length >= 2) {
  const [a, b] = [rows[0]!, rows.at(-1)!];
  console.log(`site: x${b.pages / a.pages} pages: cold time x${(b.cold / a.cold).toFixed(2)}, per-page size x${(b.bytesPerPage / a.bytesPerPage).toFixed(2)} (Starlight's default sidebar: ~175 KB/page at 1,000 pages, dependencies.md)`);
}
