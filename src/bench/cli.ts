/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or those named: `npm run bench -- site snips`).
 * Each prints medians and ratios; nothing here asserts a time.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defineCommand, exitCode, runCommand, UsageError } from '../cli/command.ts';
import { out, type Io } from '../cli/io.ts';
import { projectRoot } from '../config/paths.ts';
import { run as runProcess } from '../process/index.ts';

const dir = join(projectRoot, 'scripts/bench');
/** The suites: one script each in scripts/bench/. */
export const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();

export const command = defineCommand({
  name: 'bench',
  invocation: 'npm run bench --',
  summary: 'Runs the benchmarks (all, or the suites named) and prints their medians and ratios.',
  positionals: [{ name: '<suite>', variadic: true }],
  options: {},
  notes: [
    `Suites: ${suites.join(', ')} (scripts/bench/<suite>.ts; each reads its own BENCH_* variables).`,
    'Exit codes: 0 every suite ran, 1 a suite failed, 2 bad invocation (an unknown suite).',
  ],
});

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, async ({ positionals }) => {
    const unknown = positionals.filter((s) => !suites.includes(s));
    if (unknown.length > 0) throw new UsageError(`no benchmark ${unknown.join(', ')} (have: ${suites.join(', ')})`);
    let failed = 0;
    for (const suite of positionals.length ? suites.filter((s) => positionals.includes(s)) : suites) {
      out(io)(`\n== ${suite} ==`);
      const run = await runProcess('npx', ['tsx', join(dir, `${suite}.ts`)], { cwd: projectRoot, output: 'inherit' });
      if (run.exitCode !== 0) failed++;
    }
    return failed > 0 ? exitCode.findings : exitCode.ok;
  });
}
