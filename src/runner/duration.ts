/** `90s`, `5m`, `1h30m`, `250ms`, or a bare number of seconds → milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== s) return undefined;
  return Math.round(parts.reduce((ms, p) => ms + Number(p[1]) * unit[p[2]!]!, 0));
}

/** 1234 → `1.2s`, 95000 → `1m35s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  return `${m}m${Math.round((ms % 60_000) / 1000)}s`;
}

/**
 * `--timeout 0`: no time limit. The longest delay a Node timer takes (about 24.8 days; a longer
 * one fires at once), so the timer code needs no special case.
 */
export const noTimeout = 2 ** 31 - 1;
