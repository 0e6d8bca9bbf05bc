import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';

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
  const r = await execa(command, args, {
    reject: false,
    env: opts.env,
    extendEnv: false,
    timeout: opts.timeoutMs,
    cancelSignal: opts.signal,
    forceKillAfterDelay: 5000,
    stdin: 'ignore',
  });
  const code = typeof r.exitCode === 'number' ? r.exitCode : r.failed ? 1 : 0;
  return { exitCode: code, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? r.shortMessage ?? '') };
};

/** True when `name` is an executable on PATH. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}
