/**
 * Progress of a long step on stderr, shown only once the step has run for about 2 s (a quick run
 * stays quiet). On a terminal: one live line, redrawn each second and erased at the end. In CI (`CI`
 * set): plain lines, one when the step turns slow and one per change. Elsewhere (a pipe, a test): nothing.
 */
import { isCI, type Io } from './io.ts';

export interface Progress {
  /** What the step is doing now. */
  status(text: string): void;
  /** The step ended: erase the live line (or, in CI, say how long it took). */
  done(): void;
}

const clearLine = '\r\x1b[2K';
// A live line longer than the terminal wraps, and `\r` then redraws only its last part.
const maxLive = 79;

export function startProgress(io: Io, label: string, options: { afterMs?: number; tickMs?: number } = {}): Progress {
  const mode = isCI(io.env) ? 'lines' : io.isTTY ? 'live' : 'quiet';
  const started = Date.now();
  let text = '';
  let shown = false;
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
  const line = () => `${label}: ${text}`;
  const draw = () => {
    const live = `${line()} ${elapsed()}`;
    io.stderr.write(`${clearLine}${live.length > maxLive ? `${live.slice(0, maxLive - 1)}…` : live}`);
  };
  let ticker: NodeJS.Timeout | undefined;
  const show = () => {
    shown = true;
    if (mode === 'lines') io.stderr.write(`${line()} (${elapsed()} so far)\n`);
    if (mode === 'live') {
      draw();
      ticker = setInterval(draw, options.tickMs ?? 1000);
      ticker.unref();
    }
  };
  const timer = mode === 'quiet' ? undefined : setTimeout(show, options.afterMs ?? 2000);
  timer?.unref();
  return {
    status(next) {
      if (next === text) return;
      text = next;
      if (!shown) return;
      if (mode === 'lines') io.stderr.write(`${line()} (${elapsed()})\n`);
      if (mode === 'live') draw();
    },
    done() {
      clearTimeout(timer);
      clearInterval(ticker);
      if (!shown) return;
      if (mode === 'live') io.stderr.write(clearLine);
      if (mode === 'lines') io.stderr.write(`${label}: done in ${elapsed()}\n`);
      shown = false;
    },
  };
}
