import { appendFileSync, closeSync, openSync } from 'node:fs';
import { ProcessTree } from './process-tree.ts';

export interface ScriptOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr of the script and everything it starts are appended here. */
  outputFile: string;
  timeoutMs: number;
  /** Aborting stops the script and everything it started (SIGINT handling). */
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** Use a cgroup of its own where one can be made (default true; tests turn it off to check the rest). */
  cgroup?: boolean;
}

export interface ScriptRun {
  exitCode: number | undefined;
  signal: string | undefined;
  timedOut: boolean;
  interrupted: boolean;
  durationMs: number;
  pid: number | undefined;
  /** Processes still running after SIGKILL (empty unless something is badly wrong). */
  survivors: number[];
}

/**
 * Runs `bash <file>` and waits for it. On timeout or abort, every process of the script gets
 * SIGTERM, then SIGKILL; after a normal exit, whatever the script left running (background jobs,
 * `nohup`, `setsid` daemons, double forks) gets the same. So when this resolves, nothing of the
 * script is left running. "Of the script" is decided by `ProcessTree`: its process group, the
 * marker in its environment, its descendants, and its cgroup where there is one.
 *
 * Reasoning: killing only `bash` (what execa's `timeout` does) leaves its children running, and
 * when they hold its stdout pipe the wait never ends. Output goes to a file, not a pipe, for the
 * same reason, and so the step recorder can read its size.
 */
export async function runScript(file: string, opts: ScriptOptions): Promise<ScriptRun> {
  const start = performance.now();
  const tree = new ProcessTree({ cgroup: opts.cgroup ?? true });
  const fd = openSync(opts.outputFile, 'a');
  let timedOut = false;
  let interrupted = false;
  const child = tree.spawn(file, { cwd: opts.cwd, env: opts.env, output: fd });
  closeSync(fd);
  const pid = child.pid;
  const exited = child.exited;
  const grace = opts.killGraceMs ?? 3000;
  const survivors = new Set<number>();
  const stopAll = async () => {
    for (const p of await tree.stop(grace)) survivors.add(p);
  };
  let killing: Promise<void> | undefined;
  const stop = (why: string) => {
    appendFileSync(opts.outputFile, `\n[doctest] ${why}: stopping the script and every process it started\n`);
    killing ??= stopAll();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop(`timed out after ${Math.round(opts.timeoutMs / 1000)}s`);
  }, opts.timeoutMs);
  const onAbort = () => {
    interrupted = true;
    stop('interrupted');
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  const { code, signal } = await exited;
  clearTimeout(timer);
  opts.signal?.removeEventListener('abort', onAbort);
  await killing;
  // What the script started and did not wait for: background jobs, daemons.
  await stopAll();
  await tree.dispose();
  if (survivors.size > 0) {
    appendFileSync(opts.outputFile, `\n[doctest] still running after SIGKILL: ${[...survivors].join(' ')}\n`);
  }
  return {
    exitCode: code ?? undefined,
    signal: signal ?? undefined,
    timedOut,
    interrupted,
    durationMs: performance.now() - start,
    pid,
    survivors: [...survivors],
  };
}
