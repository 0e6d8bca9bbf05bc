/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or those named: `npm run bench -- site snips`).
 * Each prints medians and ratios; nothing here asserts a time. `--runs N` sets every entry's run count,
 * `--sizes 100,1000` the synthetic corpus sizes. When the site builds were run (`site`, `istio-site`),
 * the table of builds is printed and written to bench/results.json (src/bench/results.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { projectRoot } from '../src/config/paths.ts';
import { describeMachine, readFragments, resultsDirEnv } from '../src/bench/fragments.ts';
import { BenchUsageError, parseBenchArgs, type BenchOptions } from '../src/bench/options.ts';
import { collectRows, istioSiteId, measurementFromIstioSiteOutput, plannedRows, resultsSchema } from '../src/bench/results.ts';
import { formatTable } from '../src/bench/table.ts';

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  console.error(`bench: ${error.message}\nusage: npm run bench -- [suite…] [--runs N] [--sizes 100,1000,5000]`);
  process.exit(2);
}
const dir = join(projectRoot, 'scripts/bench');
const wanted = options.suites;
const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (suites.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ')} (have: ${readdirSync(dir).join(', ')})`);
  process.exit(2);
}
const loadStart = loadavg()[0]!;
const fragments = mkdtempSync(join(tmpdir(), 'bench-results-'));
const env = { [resultsDirEnv]: fragments, BENCH_SITE_SIZES: options.sizes.join(','), ...(options.runs ? { BENCH_RUNS: String(options.runs) } : {}) };
const istioOutputs: string[] = [];
let failed = 0;
for (const suite of suites) {
  // The istio-site entry builds once per process: run it once per run asked, reading its printed figures.
  const times = suite === 'istio-site' ? (options.runs ?? 3) : 1;
  for (let r = 0; r < times; r++) {
    console.log(`\n== ${suite}${times > 1 ? ` (run ${r + 1} of ${times})` : ''} ==`);
    const run = await execa('npx', ['tsx', join(dir, `${suite}.ts`)], { cwd: projectRoot, env, stdout: ['inherit', 'pipe'], stderr: 'inherit', reject: false });
    if (run.exitCode !== 0) failed++;
    if (suite === 'istio-site') istioOutputs.push(String(run.stdout));
  }
}

if (suites.includes('site') || suites.includes('istio-site')) {
  const measurements = readFragments(fragments).flatMap((f) => f.measurements);
  const istio = measurementFromIstioSiteOutput(istioOutputs);
  if (istio) measurements.push(istio);
  const missing = (id: string): string =>
    id === istioSiteId
      ? suites.includes('istio-site')
        ? 'the istio-site entry printed no build figures (fixture absent or the build failed; see its output above)'
        : readdirSync(dir).includes('istio-site.ts')
          ? 'not asked (npm run bench -- istio-site)'
          : 'no istio-site entry in scripts/bench/ in this checkout'
      : suites.includes('site')
        ? 'the site entry reported no figures for this size (see its output above)'
        : 'not asked (npm run bench -- site)';
  const results = resultsSchema.parse({
    date: new Date().toISOString(),
    machine: describeMachine(loadStart),
    runs: options.runs ?? 3,
    rows: collectRows(plannedRows(options.sizes), measurements, missing),
  });
  console.log(`\n== builds ==\n${formatTable(results)}`);
  mkdirSync(join(projectRoot, 'bench'), { recursive: true });
  writeFileSync(join(projectRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench/results.json');
}
rmSync(fragments, { recursive: true, force: true });
process.exitCode = failed > 0 ? 1 : 0;
