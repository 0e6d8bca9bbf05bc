import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ScriptOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr of the script and everything it starts are appended here. */
  outputFile: string;
  timeoutMs: number;
  /** Aborting kills the process group (SIGINT handling). */
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
}

export interface ScriptRun {
  exitCode: number | undefined;
  signal: string | undefined;
  timedOut: boolean;
  interrupted: boolean;
  durationMs: number;
  pid: number | undefined;
}

/**
 * Runs `bash <file>` in its own process group and waits for it. On timeout or abort the whole
 * group gets SIGTERM, then SIGKILL; after a normal exit, whatever the script left running in
 * the background gets the same. So when this resolves, nothing of the script is left running
 * (short of a process that made its own session with setsid).
 *
 * Reasoning: killing only `bash` (what execa's `timeout` does) leaves its children running, and
 * when they hold its stdout pipe the wait never ends. Output goes to a file, not a pipe, for the
 * same reason, and so the step recorder can read its size.
 */
export async function runScript(file: string, opts: ScriptOptions): Promise<ScriptRun> {
  const start = performance.now();
  const fd = openSync(opts.outputFile, 'a');
  let timedOut = false;
  let interrupted = false;
  const child = spawn('bash', [file], { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const pid = child.pid;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.on('exit', (code, signal) => done({ code, signal }));
    child.on('error', () => done({ code: 127, signal: null }));
  });
  const grace = opts.killGraceMs ?? 3000;
  let killing: Promise<void> | undefined;
  const stop = (why: string) => {
    appendFileSync(opts.outputFile, `\n[doctest] ${why}: stopping process group ${pid}\n`);
    killing ??= pid === undefined ? Promise.resolve() : killGroup(pid, grace);
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
  // Background jobs the script started and did not wait for.
  if (pid !== undefined) await killGroup(pid, grace);
  return {
    exitCode: code ?? undefined,
    signal: signal ?? undefined,
    timedOut,
    interrupted,
    durationMs: performance.now() - start,
    pid,
  };
}

/** SIGTERM to the group, SIGKILL to whatever is still there after `graceMs`; resolves when it is empty. */
export async function killGroup(pgid: number, graceMs: number): Promise<void> {
  if (!signalGroup(pgid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(50);
    if (!signalGroup(pgid, 0)) return;
  }
  signalGroup(pgid, 'SIGKILL');
  // Killed processes linger as zombies until reaped (by us, or by init for orphans): give it a
  // moment, but never hang on an init that does not reap.
  const reaped = Date.now() + 5000;
  while (signalGroup(pgid, 0) && Date.now() < reaped) await sleep(20);
}

/** False when the group no longer exists. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
}
