import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fragmentSchema, type Fragment, type Machine } from './results.ts';

/**
 * How a bench entry (a separate process) hands its measurements to `npm run bench`: a JSON file in
 * the directory named by BENCH_RESULTS_DIR, one per suite. An entry run alone (no variable) writes nothing.
 */
export const resultsDirEnv = 'BENCH_RESULTS_DIR';

export function writeFragment(fragment: Fragment, env: NodeJS.ProcessEnv = process.env): void {
  const dir = env[resultsDirEnv];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${fragment.suite}.json`), `${JSON.stringify(fragmentSchema.parse(fragment), null, 2)}\n`);
}

/** Every fragment in `dir`; a file that does not match the schema is an error naming it. */
export function readFragments(dir: string): Fragment[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = fragmentSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${join(dir, f)}: not a bench fragment: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    });
}

/** This machine, for the results file. `loadStart` is the 1-minute load average when the bench began. */
export function describeMachine(loadStart: number): Machine {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { start: loadStart, end: loadavg()[0]! },
  };
}
