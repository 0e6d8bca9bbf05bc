/**
 * Doc-test runner overhead on pages that need no cluster: N copies of a small profile=none page
 * (a snip call and two verifies each), run (a) by the runner, in process, with step recording,
 * xtrace, artifacts and reports, and (b) as istio.io runs a script: plain `bash` over the same
 * assembled text without our step wrappers. Median of BENCH_RUNS (default 3); prints the ratio.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { assembleScripts } from '../../src/runner/assemble.ts';
import { discoverTests } from '../../src/runner/discover.ts';
import { runDocTests } from '../../src/runner/run.ts';
import { loadSetups } from '../../src/runner/setups.ts';
import { createSnipsLocator } from '../../src/runner/snip-locations.ts';
import { median } from '../../src/bench/median.ts';
import { runOrThrow } from '../../src/process/index.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const pages = Number(process.env.BENCH_PAGES ?? 20);
const work = mkdtempSync(join(tmpdir(), 'bench-doctest-'));
const fixture = join(projectRoot, 'tests/fixtures/doctest/site');

cpSync(join(fixture, 'data'), join(work, 'data'), { recursive: true });
for (let i = 0; i < pages; i++) cpSync(join(fixture, 'content/en/docs/pass'), join(work, `content/en/docs/page-${i}`), { recursive: true });
const paths = resolveContentPaths(join(work, 'content'));
const config = loadSetups(join(projectRoot, 'config/setups.yml'));
const { tests } = discoverTests(paths, { selectors: [], cwd: work });
const libDir = join(projectRoot, 'tests/util');

const runner: number[] = [];
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  const report = await runDocTests({
    paths,
    config,
    tests,
    provider: undefined,
    install: false,
    exec: async () => ({ exitCode: 0, stdout: '', stderr: '' }),
    libDir,
    reportDir: join(work, `report-${r}`),
    jobs: 1,
    skipCleanup: false,
    ci: false,
    runId: 'bench',
    signal: new AbortController().signal,
    locate: createSnipsLocator(paths),
    env: { ...process.env, MARKER_DIR: work },
  });
  runner.push(performance.now() - start);
  if (report.tests.some((t) => t.status !== 'passed')) throw new Error('a bench test failed');
}

// Baseline: the same scripts with istio.io's prefix (no runner.sh), one bash per script and cleanup.
const plain = join(work, 'plain');
mkdirSync(plain, { recursive: true });
const scripts = tests.flatMap((t, i) => {
  const a = assembleScripts(t.script, { root: paths.root, libDir });
  const strip = (s: string) => s.replace(/^source '.*runner\.sh'\n/m, '');
  writeFileSync(join(plain, `${i}.sh`), strip(a.test.text));
  writeFileSync(join(plain, `${i}_cleanup.sh`), strip(a.cleanup.text));
  return [join(plain, `${i}.sh`), join(plain, `${i}_cleanup.sh`)];
});
const baseline: number[] = [];
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  for (const s of scripts) await runOrThrow('bash', [s], { inheritEnv: false, env: { MARKER_DIR: work, PATH: process.env.PATH } });
  baseline.push(performance.now() - start);
}

const a = median(runner);
const b = median(baseline);
console.log(`doctest: ${tests.length} profile=none tests, ${runs} runs`);
console.log(`  runner (steps, xtrace, reports)   median ${a.toFixed(0)} ms  (${(a / tests.length).toFixed(1)} ms/test)`);
console.log(`  plain bash, istio.io's prefix     median ${b.toFixed(0)} ms  (${(b / tests.length).toFixed(1)} ms/test)`);
console.log(`  ratio runner / plain              ${(a / b).toFixed(2)}`);
