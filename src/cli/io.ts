/**
 * What a command's `main(argv, io)` may touch of the outside world. The shims in scripts/ pass the
 * real process (`processIo`); tests pass strings they can read back. Nothing below src/ other than
 * the `cli` modules writes to these.
 */
export interface Output {
  write(text: string): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stderr is a terminal: progress is one live line instead of plain lines. */
  isTTY: boolean;
  /** Aborted on the first SIGINT, SIGTERM or SIGHUP, for commands that stop cleanly (test:docs). */
  signal?: AbortSignal;
  /** Aborted on the second one: stop the cleanups too. */
  forceSignal?: AbortSignal;
}

/** `out(io)('line')`: one line on stdout; `err(io)` the same on stderr. */
export const out =
  (io: Pick<Io, 'stdout'>) =>
  (line: string): void => {
    io.stdout.write(`${line}\n`);
  };
export const err =
  (io: Pick<Io, 'stderr'>) =>
  (line: string): void => {
    io.stderr.write(`${line}\n`);
  };

/**
 * True when `CI` is set to anything but an empty string, `0` or `false` (GitHub Actions sets `true`,
 * other services `1`); CI gets plain progress lines and runs the setups marked `ciOnly`.
 */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
