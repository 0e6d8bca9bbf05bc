import { parseArgs } from 'node:util';

/** `npm run bench -- [suite…] [--runs N] [--sizes 100,1000]`, parsed; a usage error is thrown as such. */
export interface BenchOptions {
  suites: string[];
  /** Runs per workload (medians of these); undefined: each entry's default. */
  runs?: number;
  /** Synthetic corpus sizes for the site entry. */
  sizes: number[];
}

export const defaultSizes = [100, 1000, 5000];

export class BenchUsageError extends Error {}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { runs: { type: 'string' }, sizes: { type: 'string' } } });
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const { runs, sizes } = parsed.values;
  const count = (text: string, what: string): number => {
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new BenchUsageError(`${what} must be a whole number of at least 1, not "${text}"`);
    return Number(text);
  };
  return {
    suites: parsed.positionals,
    runs: runs === undefined ? undefined : count(runs, '--runs'),
    sizes: sizes === undefined ? defaultSizes : sizes.split(',').map((s) => count(s.trim(), '--sizes')),
  };
}
