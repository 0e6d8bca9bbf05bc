import { rmSync } from 'node:fs';
import { clearCache, openCache } from '../cache/index.ts';
import { projectRoot } from '../config/paths.ts';
import { start } from '../process/index.ts';
import { samplePeakTreeRss } from './process-tree.ts';

export interface StepResult {
  seconds: number;
  /** Peak summed RSS of the step's whole process tree (bytes). */
  peakBytes: number;
  exitCode: number;
  /** stdout and stderr, interleaved. */
  output: string;
}

/** A step that failed: the message says which and how, `output` what it printed. */
export class StepError extends Error {
  readonly output: string;

  constructor(message: string, output: string) {
    super(message);
    this.output = output;
  }
}

/**
 * One step of a benchmark as a user runs it: a whole `node <script> <args>` process in the project,
 * start-up included. Wall seconds and the peak memory of its process tree (sampled every 200 ms).
 * An exit code outside `okExitCodes` throws, with the step's output: a failed step has no figure.
 */
export async function timedStep(args: readonly string[], env: NodeJS.ProcessEnv, okExitCodes: readonly number[] = [0]): Promise<StepResult> {
  const began = performance.now();
  const child = start(process.execPath, [...args], { cwd: projectRoot, env, stdin: 'ignore' });
  const memory = samplePeakTreeRss(child.pid!);
  const result = await child.result;
  const peakBytes = memory.stop();
  const output = result.all ?? '';
  if (!okExitCodes.includes(result.exitCode)) throw new StepError(`\`node ${args.join(' ')}\` failed (exit ${result.exitCode})`, output);
  return { seconds: (performance.now() - began) / 1000, peakBytes, exitCode: result.exitCode, output };
}

/** `12.3 s, 940 MB` */
export function describeStep(step: Pick<StepResult, 'seconds' | 'peakBytes'>): string {
  return `${step.seconds.toFixed(1)} s, ${(step.peakBytes / 1024 / 1024).toFixed(0)} MB`;
}

/**
 * Makes the next build of `content` into `dist` cold: no output, none of the tree's build caches
 * (Astro's content store, the site check) and no parsed pages (a cache shared by every tree).
 */
export function forgetBuild(content: string, dist: string): void {
  rmSync(dist, { recursive: true, force: true });
  for (const tool of ['astro', 'site-check'] as const) rmSync(openCache(tool, { tree: content }).dir, { recursive: true, force: true });
  clearCache('pages');
}
