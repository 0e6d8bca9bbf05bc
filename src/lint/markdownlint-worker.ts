import { Worker } from 'node:worker_threads';
import type { LintError } from 'markdownlint';
import { keyOf, openCache } from '../cache/index.ts';

/**
 * Starts markdownlint's built-in rules on another thread (see workers/markdownlint-worker.mjs).
 * `strings` maps the name used in results (display path) to the page text.
 */
export function lintBuiltInInWorker(strings: Record<string, string>, config: Record<string, unknown>): Promise<Record<string, LintError[]>> {
  if (Object.keys(strings).length === 0) return Promise.resolve({});
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./workers/markdownlint-worker.mjs', import.meta.url), { workerData: { strings, config } });
    worker.once('message', (message: Record<string, LintError[]> | { error: string }) => {
      void worker.terminate();
      if ('error' in message && typeof message.error === 'string') reject(new Error(`markdownlint: ${message.error}`));
      else resolve(message as Record<string, LintError[]>);
    });
    worker.once('error', reject);
  });
}

/**
 * The built-in rules' results, kept per page text under a key of markdownlint's version and the
 * config (in the caches' directory `cacheRoot`, optional): only pages whose text changed go to the worker.
 */
export async function lintBuiltInCached(
  pages: readonly { name: string; source: string }[],
  config: Record<string, unknown>,
  cacheRoot?: string,
): Promise<Record<string, LintError[]>> {
  // markdownlint's version is the tool's code (its package.json, src/cache/tools.ts): importing
  // markdownlint for `getVersion()` would load the whole library in this thread for nothing.
  const cache = cacheRoot ? openCache('markdownlint', { root: cacheRoot, inputs: { values: [config] } }).entries<LintError[]>() : undefined;
  const results: Record<string, LintError[]> = {};
  const missing: Record<string, string> = {};
  const keys = new Map<string, string>();
  for (const { name, source } of pages) {
    // The name is part of the key: some findings (MD041's front matter title, …) do not depend on it,
    // but results carry no file, and two files with one text must not share a mutable array.
    const key = keyOf(name, source);
    keys.set(name, key);
    const hit = cache?.get(key);
    if (hit) results[name] = hit;
    else missing[name] = source;
  }
  const fresh = await lintBuiltInInWorker(missing, config);
  for (const [name, errors] of Object.entries(fresh)) {
    results[name] = errors;
    cache?.set(keys.get(name)!, errors);
  }
  cache?.save();
  return results;
}
