import { existsSync, readFileSync } from 'node:fs';
import { formatDuration } from './duration.ts';
import type { ScriptRun } from './process.ts';
import type { DocTest, Step, TestFailure } from './types.ts';

/**
 * Decides whether a test failed and says so in one line naming the step, the page line of its
 * snip and the test-script line: interrupt, timeout, a failing step (or the last command outside
 * any step, from the xtrace), then leaks.
 */
export function judge(
  t: DocTest,
  run: ScriptRun,
  steps: Step[],
  leaks: string[],
  snapshotError: string | undefined,
  timeoutMs: number,
  outputFile: string,
  debugFile: string,
): TestFailure | undefined {
  const testSteps = steps.filter((s) => s.part === 'test');
  const bad = testSteps.find((s) => s.status === 'failed') ?? [...testSteps].reverse().find((s) => s.status === 'unfinished');
  const where = (s: Step | undefined) => {
    const places = [];
    if (s?.pageLine) places.push(`${s.pageLine.file}:${s.pageLine.line}`);
    if (s?.scriptLine) places.push(`${t.id}:${s.scriptLine}`);
    else if (s?.calledFrom) places.push(`${s.calledFrom.file}:${s.calledFrom.line}`);
    return places.length > 0 ? ` (${places.join(', ')})` : '';
  };
  const detail = (s: Step | undefined) =>
    s?.kind === 'verify'
      ? `received:\n${s.output}\nexpected:\n${s.expected ?? ''}`
      : tail(s?.output ?? '', 4000) || tail(readText(outputFile), 4000);
  const what = (s: Step | undefined) => (s ? (s.kind === 'verify' ? `${s.name} ${s.func}` : s.name) : 'the script');
  if (run.interrupted) {
    return { reason: 'interrupted', message: `interrupted while running ${what(bad)}${where(bad)}`, step: bad, detail: detail(bad) };
  }
  if (run.timedOut) {
    return {
      reason: 'timeout',
      message: `timed out after ${formatDuration(timeoutMs)} in ${what(bad)}${where(bad)}`,
      step: bad,
      detail: detail(bad),
    };
  }
  if (run.exitCode !== 0 && !bad) {
    // Outside any step: the xtrace's last command is the best pointer to the failing line.
    const last = readText(debugFile)
      .split('\n')
      .filter((l) => l.startsWith('+'))
      .at(-1);
    return {
      reason: 'exit',
      message: `${t.id} exited with ${run.exitCode ?? run.signal} outside any snip or verify step${last ? `; last command: ${last.replace(/^\++/, '').trim()}` : ''}`,
      step: undefined,
      detail: detail(undefined),
    };
  }
  if (run.exitCode !== 0) {
    const how =
      bad?.kind === 'verify'
        ? `failed after ${bad.attempts} attempt${bad.attempts === 1 ? '' : 's'}`
        : `failed: the script exited with ${run.exitCode ?? run.signal}`;
    return { reason: 'exit', message: `${what(bad)} ${how}${where(bad)}`, step: bad, detail: detail(bad) };
  }
  if (snapshotError) return { reason: 'leak', message: snapshotError, step: undefined, detail: '' };
  if (leaks.length > 0) {
    return {
      reason: 'leak',
      message: `left the cluster changed: ${leaks.slice(0, 5).join('; ')}${leaks.length > 5 ? ` (+${leaks.length - 5} more)` : ''}`,
      step: undefined,
      detail: leaks.join('\n'),
    };
  }
  return undefined;
}

function readText(file: string): string {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

function tail(s: string, n: number): string {
  return s.length > n ? `…${s.slice(-n)}` : s;
}
