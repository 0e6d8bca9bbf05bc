import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { execa, type Options } from 'execa';

export interface LeaderOptions {
  cwd: string;
  /** The whole environment (nothing is inherited). */
  env: NodeJS.ProcessEnv;
  /** A file descriptor that receives both stdout and stderr. */
  output: number;
  /** Open a pipe on the child's fd 3, for it to report on (`said`). */
  reportPipe?: boolean;
}

export interface Leader {
  pid: number | undefined;
  /** Resolves when the process exits (127 when it could not start). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The child's fd 3, with `reportPipe`. */
  said: Readable | undefined;
}

/**
 * Starts a process as the leader of a new process group whose lifetime the caller manages (the
 * runner's `ProcessTree`, which finds and stops its processes by more than the group): no timeout,
 * no output capture, and not stopped when this process exits, since the caller stops it itself.
 */
export function startGroupLeader(command: string, args: readonly string[], opts: LeaderOptions): Leader {
  const child = execa(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    extendEnv: false,
    detached: true,
    cleanup: false,
    buffer: false,
    reject: false,
    stdio: ['ignore', opts.output, opts.output, ...(opts.reportPipe ? ['pipe' as const] : [])],
  } as Options);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    (child as unknown as { nodeChildProcess: ChildProcess }).nodeChildProcess.on('exit', (code, signal) => done({ code, signal }));
    void (child as unknown as Promise<{ failed: boolean; exitCode?: number; signal?: string }>).then(
      (r) => {
        if (r.failed && r.exitCode === undefined && r.signal === undefined) done({ code: 127, signal: null });
      },
      () => done({ code: 127, signal: null }),
    );
  });
  const said = opts.reportPipe ? ((child.stdio[3] as Readable | null) ?? undefined) : undefined;
  return { pid: child.pid, exited, said };
}
