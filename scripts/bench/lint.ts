/**
 * `npm run lint` on a generated 1,000-page corpus (src/bench/corpus.ts, MESHDOCS_CONTENT in a temp
 * dir): each page has sections, bash blocks, a tabset, a table, a tip, a glossary term, a link to the
 * next page and a cross-page #anchor; one page in ten is `test: yes` with a test.sh and generated snips.
 *
 * Times (median of BENCH_RUNS, default 3, whole processes, start-up included):
 *   - `lint:fast` with empty caches, with nothing changed, and after a one-page edit;
 *   - the link check on an existing build with empty caches (`--only links --dist`: the built files
 *     are read, not crawled);
 *   - the full `npm run lint`, when the site builds this corpus (BENCH_LINT_BUILD=0 skips it): with
 *     the build current (it is reused), after a page body edit (that page alone is rendered by a
 *     partial build), after a front matter edit (the whole site is rebuilt, in parallel with the
 *     checks), and with nothing cached and no build.
 * istio.io's chain (mdspell, mdl, htmlproofer, linkinator under make) cannot run here (no Ruby mdl,
 * no mdspell, no Hugo); the baseline is what can run: the same tools' CLIs as separate processes
 * (markdownlint-cli2, cspell, shellcheck, linkinator) over the same corpus, one after the other.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { clearCache as clearToolCache, type Tool } from '../../src/cache/index.ts';
import { stampName } from '../../src/site/build-stamp.ts';
import { findSnipsFiles, findTestScripts } from '../../src/lint/scripts/discover.ts';
import { generateTreeSnips, writeTreeSnips } from '../../src/snips/index.ts';
import { corpusPageFile, makeCorpus } from '../../src/bench/corpus.ts';
import { median } from '../../src/bench/median.ts';
import { run } from '../../src/process/index.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const pages = Number(process.env.BENCH_LINT_PAGES ?? 1000);
const content = makeCorpus(pages, { testEvery: 10 });
const work = dirname(content);
const bin = (name: string) => join(projectRoot, 'node_modules/.bin', name);

async function time(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  before?: () => void,
  cwd = projectRoot,
  limit: { runs?: number; timeoutMs?: number } = {},
): Promise<number | undefined> {
  const times: number[] = [];
  for (let r = 0; r < (limit.runs ?? runs); r++) {
    before?.();
    const start = performance.now();
    const result = await run(command, args, {
      cwd,
      timeoutMs: limit.timeoutMs,
      env: { MESHDOCS_CONTENT: content, NO_COLOR: '1', ...env },
    });
    times.push(performance.now() - start);
    if (result.timedOut) {
      console.log(`lint: ${label.padEnd(52)} > ${((limit.timeoutMs ?? 0) / 1000).toFixed(0)} s (stopped)`);
      return limit.timeoutMs;
    }
    if (result.exitCode !== 0 && result.exitCode !== 1) {
      console.log(`lint: ${label}: exit ${result.exitCode}: ${(result.stderr || result.stdout).split('\n').slice(-3).join(' | ')}`);
      return undefined;
    }
    if (r === 0 && result.exitCode === 1) console.log(`lint: note: ${label} reported findings: ${result.stdout.trim().split('\n').at(-1)}`);
  }
  const m = median(times);
  console.log(`lint: ${label.padEnd(52)} ${(m / 1000).toFixed(2)} s (median of ${times.length})`);
  return m;
}

/** Lint's caches (parsed pages, markdownlint, spelling, shellcheck, link scans, the site check, partial builds); Astro's stays. */
const lintCaches: readonly Tool[] = ['pages', 'markdownlint', 'spelling', 'shellcheck', 'links-scan', 'links-external', 'site-check', 'partial-build'];
const clearCache = (): void => lintCaches.forEach((tool) => clearToolCache(tool));
const lint = (...args: string[]): string[] => [join(projectRoot, 'scripts/lint.ts'), ...args];
/** One page changed between runs, as after a contributor's quick edit (a new line each time). */
let edits = 0;
const editOnePage = (): void => appendFileSync(corpusPageFile(content, 7), `\nEdit number ${++edits} of this page.\n`);
/** One page's front matter changed (its weight): every page's sidebar may change, so a full rebuild. */
const editFrontmatter = (): void => {
  const file = corpusPageFile(content, 8);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^weight: .*$/m, `weight: ${5000 + ++edits}`));
};

try {
  writeTreeSnips(generateTreeSnips(resolveContentPaths(content)));
  const paths = resolveContentPaths(content);
  const shellFiles = [...findTestScripts(paths), ...findSnipsFiles(paths)];
  console.log(`lint: corpus of ${pages} pages (${shellFiles.length} shell files) in ${work}; 2 cores`);

  const fastCold = await time('lint:fast, empty caches', process.execPath, lint('--fast'), {}, clearCache);
  const fastWarm = await time('lint:fast, nothing changed', process.execPath, lint('--fast'));
  await time('lint:fast, one page edited', process.execPath, lint('--fast'), {}, editOnePage);

  const dist = join(work, 'dist');
  let linksTime: number | undefined;
  let reused: number | undefined;
  let edited: number | undefined;
  let rebuilt: number | undefined;
  if (process.env.BENCH_LINT_BUILD !== '0') {
    // Build once (the build's own time belongs to the site bench; this one fills Astro's content cache).
    const start = performance.now();
    const build = await run(process.execPath, [join(projectRoot, 'scripts/site.ts'), 'build'], {
      cwd: projectRoot,
      env: { MESHDOCS_CONTENT: content, MESHDOCS_DIST: dist },
    });
    if (build.exitCode === 0) {
      console.log(`lint: (site build alone, once: ${((performance.now() - start) / 1000).toFixed(2)} s)`);
      linksTime = await time('links on the built site, empty caches (--only links --dist)', process.execPath, lint('--only', 'links', '--dist', dist), {}, clearCache);
      const env = { MESHDOCS_DIST: dist };
      reused = await time('npm run lint, build current (after npm run build)', process.execPath, lint(), env);
      edited = await time('npm run lint, one page body edited (partial build)', process.execPath, lint(), env, editOnePage);
      rebuilt = await time('npm run lint, one front matter edited (full build)', process.execPath, lint(), env, editFrontmatter);
      await time('npm run lint, empty caches, no build', process.execPath, lint(), env, () => {
        clearCache();
        rmSync(join(dist, stampName), { force: true });
      });
    } else {
      console.log(`lint: the site does not build this corpus (exit ${build.exitCode}); link and full-lint timings skipped`);
    }
  }

  // Baseline: the tools' own CLIs, one process each, one after the other (as a make chain runs them).
  const baseline: (number | undefined)[] = [];
  // Run from the corpus directory with the project's configs (the custom rules bundle included).
  const mdConfig = join(projectRoot, '.markdownlint-cli2.jsonc');
  baseline.push(await time('baseline: markdownlint-cli2 CLI', bin('markdownlint-cli2'), ['--config', mdConfig, 'content/**/*.md'], {}, undefined, work));
  const spellConfig = join(projectRoot, 'cspell.config.yaml');
  baseline.push(await time('baseline: cspell CLI (no cache)', bin('cspell'), ['lint', '--no-progress', '--config', spellConfig, 'content/**/*.md'], {}, undefined, work));
  baseline.push(await time('baseline: shellcheck', 'shellcheck', ['-s', 'bash', '-e', 'SC1091', ...shellFiles]));
  if (linksTime !== undefined) {
    baseline.push(
      // One run, stopped after 3 minutes: a crawl of a full-sidebar build is slow.
      await time(
        'baseline: linkinator CLI on dist (crawl)',
        bin('linkinator'),
        ['**/*.html', '--server-root', dist, '--recurse', '--check-fragments', '--skip', '^(?!http://localhost)'],
        {},
        undefined,
        projectRoot,
        { runs: 1, timeoutMs: 180_000 },
      ),
    );
  }
  const chain = baseline.every((b) => b !== undefined) ? baseline.reduce<number>((a, b) => a + b!, 0) : undefined;
  const ours = fastCold !== undefined ? fastCold + (linksTime ?? 0) : undefined;
  if (chain !== undefined && ours !== undefined) {
    console.log(`lint: baseline chain, sum of the CLIs above                      ${(chain / 1000).toFixed(2)} s`);
    console.log(`lint: ours, same checks (lint:fast cold${linksTime !== undefined ? ' + links' : ''})                  ${(ours / 1000).toFixed(2)} s  ratio ${(chain / ours).toFixed(2)}x`);
  }
  if (fastWarm !== undefined && fastCold !== undefined) console.log(`lint: warm cache speed-up of lint:fast ${(fastCold / fastWarm).toFixed(2)}x`);
  if (reused !== undefined && edited !== undefined && rebuilt !== undefined) {
    console.log(
      `lint: full npm run lint ${(reused / 1000).toFixed(2)} s with the build current, ${(edited / 1000).toFixed(2)} s after a page body edit, ${(rebuilt / 1000).toFixed(2)} s when the whole site is rebuilt (goal < 15 s on 2 cores)`,
    );
  }
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
}
