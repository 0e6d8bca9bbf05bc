import type { EntryStore } from '../../cache/index.ts';

export interface ExternalResult {
  url: string;
  /** `ok`, `broken` (the server answered with an error), `network` (no answer after retries). */
  state: 'ok' | 'broken' | 'network';
  status?: number;
  detail: string;
}

export interface ExternalOptions {
  /** Parallel requests per host (a flaky or rate-limiting host sees at most this many). */
  perHost?: number;
  /** Parallel requests overall. */
  concurrency?: number;
  /** Attempts per URL for network errors, 429 and 5xx. */
  attempts?: number;
  timeoutMs?: number;
  /** Delay before retry n is `backoffMs * 2^(n-1)`. */
  backoffMs?: number;
  cache?: EntryStore<{ at: number; status: number }>;
  /** How long a good answer is trusted. */
  cacheTtlMs?: number;
}

/**
 * Checks external URLs with retries and a per-host limit. A host that cannot be reached is
 * reported as a network error, never as a broken link: the author can tell which one to fix.
 */
export async function checkExternal(urls: readonly string[], options: ExternalOptions = {}): Promise<ExternalResult[]> {
  const perHost = options.perHost ?? 2;
  const attempts = options.attempts ?? 3;
  const ttl = options.cacheTtlMs ?? 24 * 3600 * 1000;
  const hosts = new Map<string, string[]>();
  for (const url of new Set(urls)) {
    const host = new URL(url).host;
    hosts.set(host, [...(hosts.get(host) ?? []), url]);
  }
  const results: ExternalResult[] = [];
  const slots = { free: options.concurrency ?? 16, waiting: [] as (() => void)[] };
  const acquire = async (): Promise<void> => {
    if (slots.free > 0) {
      slots.free--;
      return;
    }
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
  };
  const release = (): void => {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  };

  await Promise.all(
    [...hosts.values()].map(async (list) => {
      const queue = [...list];
      await Promise.all(
        Array.from({ length: Math.min(perHost, queue.length) }, async () => {
          for (let url = queue.shift(); url; url = queue.shift()) {
            const cached = options.cache?.get(url);
            if (cached && Date.now() - cached.at < ttl) {
              results.push({ url, state: 'ok', status: cached.status, detail: 'cached' });
              continue;
            }
            await acquire();
            try {
              const result = await checkOne(url, attempts, options.timeoutMs ?? 10_000, options.backoffMs ?? 500);
              if (result.state === 'ok') options.cache?.set(url, { at: Date.now(), status: result.status ?? 200 });
              results.push(result);
            } finally {
              release();
            }
          }
        }),
      );
    }),
  );
  return results;
}

async function checkOne(url: string, attempts: number, timeoutMs: number, backoffMs: number): Promise<ExternalResult> {
  let last: ExternalResult = { url, state: 'network', detail: 'not tried' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 2)));
    try {
      let response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      // Many servers do not implement HEAD; ask again with GET before calling the link broken.
      if (response.status === 405 || response.status === 403 || response.status === 501) {
        response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
      }
      if (response.ok) return { url, state: 'ok', status: response.status, detail: '' };
      last = { url, state: 'broken', status: response.status, detail: `HTTP ${response.status}` };
      if (response.status !== 429 && response.status < 500) return last;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).name ?? String(error);
      last = { url, state: 'network', detail: reason === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : reason };
    }
  }
  return { ...last, detail: `${last.detail} (after ${attempts} attempts)` };
}
