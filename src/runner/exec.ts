import { run } from '../process/index.ts';

export { onPath } from '../process/index.ts';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Stops the command (SIGTERM, then SIGKILL): an interrupt during `kind create`. */
  signal?: AbortSignal;
}

/**
 * Runs one command and returns its result, never throwing on a non-zero exit. Everything the
 * runner does to a cluster goes through this, so tests can record and fail calls.
 */
export type Exec = (command: string, args: string[], opts?: ExecOptions) => Promise<ExecResult>;

export const realExec: Exec = async (command, args, opts = {}) => {
  const r = await run(command, args, { env: opts.env, inheritEnv: false, timeoutMs: opts.timeoutMs, signal: opts.signal });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr || (r.error ?? '') };
};
