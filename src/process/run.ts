import { constants } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { execa, execaSync, type Options, type Result, type SyncOptions, type SyncResult } from 'execa';
import { forgetGroup, rememberGroup, signalGroup } from './group.ts';

/** Time between SIGTERM and SIGKILL when a process is stopped (timeout, abort, `stop()`). */
export const DEFAULT_KILL_GRACE_MS = 5000;

/** Large enough for shellcheck's JSON over a whole docs tree; execa's own default is 100 MB. */
const MAX_BUFFER = 256 * 1024 * 1024;

export interface RunOptions {
  cwd?: string;
  /** Added to this process's environment, or the whole environment with `inheritEnv: false`. */
  env?: NodeJS.ProcessEnv;
  /** Start from this process's environment (default true). */
  inheritEnv?: boolean;
  /** Text written to the process's stdin (then closed). */
  input?: string;
  /** stdin when there is no `input`: nothing, or the terminal (the default with `output: 'inherit'`). */
  stdin?: 'ignore' | 'inherit';
  /** Find `command` in `node_modules/.bin` first (as `npm run` does). */
  preferLocal?: boolean;
  /**
   * `capture` (default): stdout and stderr are returned, each and interleaved (`all`).
   * `inherit`: they go to this process's stdout and stderr, nothing is returned.
   */
  output?: 'capture' | 'inherit';
  /** Remove one final newline from what is captured (default true, as a shell's `$(…)` does). */
  stripFinalNewline?: boolean;
  /** Stops the process after this long (SIGTERM, then SIGKILL after `killGraceMs`). */
  timeoutMs?: number;
  /** Aborting stops the process the same way. */
  signal?: AbortSignal;
  killGraceMs?: number;
  /**
   * The process leads a process group of its own, and stopping it (timeout, abort, `stop()`, this
   * process exiting) signals the whole group, so its children stop with it: killing only the
   * direct child (`npx` → `sh` → `node`) leaves the rest running, holding the output pipes open.
   * Default true, except with `output: 'inherit'`: an interactive command stays in the terminal's
   * group, so Ctrl-C reaches it as it reaches us.
   */
  group?: boolean;
}

export interface RunResult {
  /** The exit code; 128 + the signal's number when a signal ended it (as a shell reports it); 127 when it could not start. */
  exitCode: number;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | undefined;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came. */
  all: string;
  timedOut: boolean;
  /** Stopped by `signal` or `stop()`. */
  cancelled: boolean;
  /** Why it did not run or did not finish (could not start, timed out), for a message; undefined when it exited by itself. */
  error: string | undefined;
}

function execaOptions(opts: RunOptions, group: boolean) {
  const inherit = opts.output === 'inherit';
  return {
    cwd: opts.cwd,
    env: opts.env,
    extendEnv: opts.inheritEnv ?? true,
    reject: false,
    stripFinalNewline: opts.stripFinalNewline ?? true,
    maxBuffer: MAX_BUFFER,
    preferLocal: opts.preferLocal ?? false,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: opts.stdin ?? (inherit ? 'inherit' : 'ignore') }),
    ...(inherit ? { stdout: 'inherit', stderr: 'inherit' } : { all: true }),
    detached: group,
  } as const;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.join('\n') : '');

function toResult(r: Result | SyncResult, why: { timedOut: boolean; cancelled: boolean }): RunResult {
  const signal = r.signal as NodeJS.Signals | undefined;
  const started = !(r.failed && r.exitCode === undefined && signal === undefined && !r.isTerminated);
  const exitCode = r.exitCode ?? (signal ? 128 + (constants.signals[signal] ?? 0) : started ? 1 : 127);
  const timedOut = why.timedOut || r.timedOut;
  const error = timedOut ? 'timed out' : !started ? (r.originalMessage ?? r.shortMessage ?? 'could not start') : undefined;
  return {
    exitCode,
    signal,
    stdout: text(r.stdout),
    stderr: text(r.stderr),
    all: text(r.all),
    timedOut,
    cancelled: why.cancelled || r.isCanceled,
    error,
  };
}

/** A process started by `start`: read its output as it comes, stop it, await its result. */
export interface Running {
  readonly pid: number | undefined;
  /** Its output streams (undefined with `output: 'inherit'`). */
  readonly stdout: Readable | undefined;
  readonly stderr: Readable | undefined;
  /** Both, interleaved, as they come. */
  readonly all: Readable | undefined;
  /** stdout and stderr interleaved, so far. */
  output(): string;
  /** True once it has exited. */
  readonly exited: boolean;
  /** Sends `sig` to the process itself (not its group): what a terminal's Ctrl-C or a `kill` does. */
  kill(sig?: NodeJS.Signals): void;
  /** Stops it and its group: SIGTERM, then SIGKILL after the grace time; resolves with its result. */
  stop(): Promise<RunResult>;
  /** Resolves when it has exited and its output is read; never rejects. */
  readonly result: Promise<RunResult>;
}

/**
 * Starts `command args` (no shell in between) and returns at once. The one way this project starts
 * a child process, with `run` and `runSync` built on it.
 */
export function start(command: string, args: readonly string[], opts: RunOptions = {}): Running {
  const group = opts.group ?? opts.output !== 'inherit';
  const grace = opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const child = execa(command, args, execaOptions(opts, group) as Options);
  const node = (child as unknown as { nodeChildProcess: ChildProcess }).nodeChildProcess;
  const pid = child.pid;
  if (group && pid !== undefined) rememberGroup(pid);
  let exited = false;
  let all = '';
  child.all?.on('data', (chunk: Buffer | string) => (all += chunk.toString()));
  const why = { timedOut: false, cancelled: false };
  let forceTimer: NodeJS.Timeout | undefined;
  const terminate = () => {
    if (exited || forceTimer) return;
    const send = (sig: NodeJS.Signals) => {
      if (group && pid !== undefined) signalGroup(pid, sig);
      else node.kill(sig);
    };
    send('SIGTERM');
    forceTimer = setTimeout(() => send('SIGKILL'), grace);
  };
  const timer =
    opts.timeoutMs !== undefined
      ? setTimeout(() => {
          why.timedOut = true;
          terminate();
        }, opts.timeoutMs)
      : undefined;
  const onAbort = () => {
    why.cancelled = true;
    terminate();
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  node.on('exit', () => {
    exited = true;
  });
  const result = (child as unknown as Promise<Result>).then(
    (r) => r,
    (e: unknown) => e as Result, // reject: false already; a failure of execa itself still carries a result
  );
  const settled = result.then((r) => {
    exited = true;
    clearTimeout(timer);
    clearTimeout(forceTimer);
    opts.signal?.removeEventListener('abort', onAbort);
    if (group && pid !== undefined) forgetGroup(pid);
    return toResult(r, why);
  });
  return {
    pid,
    stdout: child.stdout ?? undefined,
    stderr: child.stderr ?? undefined,
    all: child.all ?? undefined,
    output: () => all,
    get exited() {
      return exited;
    },
    kill: (sig: NodeJS.Signals = 'SIGTERM') => {
      if (!exited) node.kill(sig);
    },
    stop: () => {
      why.cancelled = true;
      terminate();
      return settled;
    },
    result: settled,
  };
}

/** Runs `command args` to its end and returns what it did; a non-zero exit is a result, not an error. */
export function run(command: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return start(command, args, opts).result;
}

/**
 * `run`, blocking: for the few places that cannot wait (a version string while a cache key is
 * computed). No group, cancellation or streaming: keep it to short commands.
 */
export function runSync(command: string, args: readonly string[], opts: Omit<RunOptions, 'signal' | 'group' | 'killGraceMs'> = {}): RunResult {
  const { detached: _detached, ...options } = execaOptions(opts, false);
  const r = execaSync(command, args, { ...options, timeout: opts.timeoutMs } as SyncOptions);
  return toResult(r, { timedOut: false, cancelled: false });
}

/** `run`, for a command that must succeed: anything but exit 0 throws, naming the command and its last words. */
export async function runOrThrow(command: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return checked(command, args, await run(command, args, opts));
}

function checked(command: string, args: readonly string[], r: RunResult): RunResult {
  if (r.exitCode !== 0) {
    const said = (r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n');
    throw new Error(`${command} ${args.join(' ')}: ${r.error ?? `exit ${r.exitCode}`}${said ? `\n${said}` : ''}`);
  }
  return r;
}

/** `runSync`, for a command that must succeed: anything but exit 0 throws, naming the command and its last words. */
export function runSyncOrThrow(command: string, args: readonly string[], opts: Parameters<typeof runSync>[2] = {}): RunResult {
  return checked(command, args, runSync(command, args, opts));
}
