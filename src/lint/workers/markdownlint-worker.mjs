// @ts-check
/**
 * markdownlint's built-in rules in a worker thread, so they run on the second core while the main
 * thread parses the pages for our rules and spelling. Plain JavaScript on purpose: worker threads do
 * not inherit tsx's loader, and this file needs nothing of ours.
 *
 * workerData: { strings: { [name: string]: string /* page text *\/ }, config: object }
 * Posts: { [name: string]: LintError[] }, or { error: string }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lint } from 'markdownlint/promise';

try {
  /** @type {{ strings: Record<string, string>, config: Record<string, unknown> }} */
  const { strings, config } = workerData;
  const results = await lint({ strings, config: /** @type {any} */ (config), handleRuleFailures: true });
  // `information` is a URL object on some rules: drop what structured clone cannot carry.
  parentPort?.postMessage(JSON.parse(JSON.stringify(results)));
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
}
