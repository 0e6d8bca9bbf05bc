/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or those named: `npm run bench -- site snips`).
 * Each prints medians and ratios; nothing here asserts a time. When the site builds were run (`site`,
 * `istio-site`), the table of builds is printed and written to bench/results.json (src/bench/results.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { defineCommand, exitCode, runCommand, UsageError } from '../cli/command.ts';
import { out, type Io } from '../cli/io.ts';
import { projectRoot } from '../config/paths.ts';
import { run as runProcess } from '../process/index.ts';
import { describeMachine, readFragments, resultsDirEnv } from './fragments.ts';
import { BenchUsageError, parseBenchArgs } from './options.ts';
import { collectRows, istioSiteId, plannedRows, resultsSchema } from './results.ts';
import { formatTable } from './table.ts';

const dir = join(projectRoot, 'scripts/bench');
/** The suites: one script each in scripts/bench/. */
export const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();

export const command = defineCommand('bench', {
  summary: 'Runs the benchmarks (all, or the suites named) and prints their medians and ratios; the table of site builds goes to bench/results.json.',
  options: {
    runs: { type: 'string', value: '<n>', help: 'runs of each workload (medians of these); default: each suite its own (site, istio-site: 3)' },
    sizes: { type: 'string', value: '<n,n,…>', help: 'synthetic corpus sizes for the site suite; default 100,1000,5000' },
  },
  positionals: [{ name: '<suite>', variadic: true }],
  notes: [
    `Suites: ${suites.join(', ')} (scripts/bench/<suite>.ts; each reads its own BENCH_* variables).`,
    'Exit codes: 0 every suite ran, 1 a suite failed, 2 bad invocation (an unknown suite).',
  ],
});

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, async ({ positionals, values }) => {
    const unknown = positionals.filter((s) => !suites.includes(s));
    if (unknown.length > 0) throw new UsageError(`no benchmark ${unknown.join(', ')} (have: ${suites.join(', ')})`);
    let options;
    try {
      options = parseBenchArgs([...(values.runs ? ['--runs', values.runs] : []), ...(values.sizes ? ['--sizes', values.sizes] : [])]);
    } catch (error) {
      if (error instanceof BenchUsageError) throw new UsageError(error.message);
      throw error;
    }
    const chosen = positionals.length ? suites.filter((s) => positionals.includes(s)) : suites;
    const loadStart = loadavg()[0]!;
    const fragments = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const env = { [resultsDirEnv]: fragments, BENCH_SITE_SIZES: options.sizes.join(','), ...(options.runs ? { BENCH_RUNS: String(options.runs) } : {}) };
    let failed = 0;
    try {
      for (const suite of chosen) {
        out(io)(`\n== ${suite} ==`);
        const run = await runProcess(process.execPath, [join(dir, `${suite}.ts`)], { cwd: projectRoot, env, output: 'inherit' });
        if (run.exitCode !== 0) failed++;
      }
      if (chosen.includes('site') || chosen.includes('istio-site')) {
        const measurements = readFragments(fragments).flatMap((f) => f.measurements);
        const missing = (id: string): string =>
          id === istioSiteId
            ? chosen.includes('istio-site')
              ? 'the istio-site entry reported no figures (fixture absent or a step failed; see its output above)'
              : suites.includes('istio-site')
                ? 'not asked (npm run bench -- istio-site)'
                : 'no istio-site entry in scripts/bench/ in this checkout'
            : chosen.includes('site')
              ? 'the site entry reported no figures for this size (see its output above)'
              : 'not asked (npm run bench -- site)';
        const results = resultsSchema.parse({
          date: new Date().toISOString(),
          machine: describeMachine(loadStart),
          runs: options.runs ?? 3,
          rows: collectRows(plannedRows(options.sizes), measurements, missing),
        });
        out(io)(`\n== builds ==\n${formatTable(results)}`);
        mkdirSync(join(projectRoot, 'bench'), { recursive: true });
        writeFileSync(join(projectRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
        out(io)('written to bench/results.json');
      }
    } finally {
      rmSync(fragments, { recursive: true, force: true });
    }
    return failed > 0 ? exitCode.findings : exitCode.ok;
  });
}
