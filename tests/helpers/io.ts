import type { Io } from '../../src/cli/io.ts';

/** An `io` for `main(argv, io)` that keeps what the command writes. */
export function memoryIo(options: { cwd: string; env?: NodeJS.ProcessEnv; isTTY?: boolean }): Io & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    out: () => stdout,
    err: () => stderr,
  };
}
