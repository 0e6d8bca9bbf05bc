/**
 * What every shim in scripts/ does: run a command's `main(argv, io)` on the real process and set
 * the exit code from it. The only place that hands the process (argv, streams, env, signals) to a command.
 */
import type { Io } from './io.ts';

export type Main = (argv: string[], io: Io) => number | Promise<number>;

/** The signals that stop a command that stops cleanly: Ctrl-C, `kill`, a closed terminal or SSH session. */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface RunMainOptions {
  /**
   * The command stops cleanly on `io.signal` (first signal) and `io.forceSignal` (second one), so
   * the signals are handled instead of ending the process at once. Only for commands that honour them.
   */
  stoppable?: { message: (signal: NodeJS.Signals) => string };
  argv?: string[];
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), isTTY: process.stderr.isTTY === true };
}

export async function runMain(main: Main, options: RunMainOptions = {}): Promise<void> {
  const io = processIo();
  if (options.stoppable) {
    const stop = new AbortController();
    const force = new AbortController();
    const message = options.stoppable.message;
    const onSignal = (signal: NodeJS.Signals) => {
      if (!stop.signal.aborted) {
        process.stderr.write(`\n${message(signal)}\n`);
        stop.abort();
      } else {
        force.abort();
      }
    };
    for (const s of stopSignals) process.on(s, onSignal);
    // After SIGHUP the terminal is gone and writes to it fail (EIO): ignored, or the error would end
    // the process before the cleanups ran and the report was written.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
    io.signal = stop.signal;
    io.forceSignal = force.signal;
  }
  process.exitCode = await main(options.argv ?? process.argv.slice(2), io);
}
