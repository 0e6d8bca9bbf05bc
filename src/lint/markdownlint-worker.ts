import { Worker } from 'node:worker_threads';
import type { LintError } from 'markdownlint';
import { keyOf, openCache } from '../cache/index.ts';
import { lintWithFindings, type Finding, type RuleInfo } from './markdownlint-custom-rules.mjs';

/** A page for the one markdownlint run: its name in results (display path), text, and registry findings by rule id. */
export interface MarkdownlintPage {
  name: string;
  source: string;
  findings: Record<string, Finding[]>;
}

type Input = Parameters<typeof lintWithFindings>[0];

/** The one markdownlint run on another thread (see workers/markdownlint-worker.mjs). */
function lintInWorker(input: Input): Promise<Record<string, LintError[]>> {
  if (Object.keys(input.strings).length === 0) return Promise.resolve({});
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./workers/markdownlint-worker.mjs', import.meta.url), { workerData: input });
    worker.once('message', (message: Record<string, LintError[]> | { error: string }) => {
      void worker.terminate();
      if ('error' in message && typeof message.error === 'string') reject(new Error(`markdownlint: ${message.error}`));
      else resolve(message as Record<string, LintError[]>);
    });
    worker.once('error', reject);
  });
}

/**
 * markdownlint over pages, built-in and registry rules in one run: on a worker thread (`worker`),
 * else in this thread. Results are kept per page text and findings, under a key of markdownlint's
 * version, the config and the rules (in the caches' directory `cacheRoot`, optional): only pages
 * that changed are linted.
 */
export async function lintPagesCached(
  pages: readonly MarkdownlintPage[],
  config: Record<string, unknown>,
  rules: readonly RuleInfo[],
  options: { cacheRoot?: string; worker?: boolean } = {},
): Promise<Record<string, LintError[]>> {
  const { cacheRoot, worker = false } = options;
  // markdownlint's version is the tool's code (its package.json, src/cache/tools.ts): importing
  // markdownlint for `getVersion()` would load the whole library in this thread for nothing.
  const cache = cacheRoot ? openCache('markdownlint', { root: cacheRoot, inputs: { values: [config, rules] } }).entries<LintError[]>() : undefined;
  const results: Record<string, LintError[]> = {};
  const missing: Input = { strings: {}, config, rules, findings: {} };
  const keys = new Map<string, string>();
  for (const { name, source, findings } of pages) {
    // The name is part of the key: some findings (MD041's front matter title, …) do not depend on it,
    // but results carry no file, and two files with one text must not share a mutable array.
    const key = keyOf(name, source, JSON.stringify(findings));
    keys.set(name, key);
    const hit = cache?.get(key);
    if (hit) results[name] = hit;
    else {
      missing.strings[name] = source;
      missing.findings[name] = findings;
    }
  }
  const fresh = worker ? await lintInWorker(missing) : ((await lintWithFindings(missing)) as Record<string, LintError[]>);
  for (const [name, errors] of Object.entries(fresh)) {
    results[name] = errors;
    cache?.set(keys.get(name)!, errors);
  }
  cache?.save();
  return results;
}
