// @ts-check
/**
 * The one markdownlint run of `npm run lint` in a worker thread, so it runs on the second core while
 * the main thread checks spelling and scripts: markdownlint's built-in rules and the registry's
 * rules, whose findings the main thread computed on the page model (see markdownlint-custom-rules.mjs).
 * Plain JavaScript, like the module it runs.
 *
 * workerData: the input of `lintWithFindings` (strings, config, rules, findings).
 * Posts: { [name: string]: LintError[] }, or { error: string }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintWithFindings } from '../markdownlint-custom-rules.mjs';

try {
  const results = await lintWithFindings(workerData);
  // `information` is a URL object on some rules: drop what structured clone cannot carry.
  parentPort?.postMessage(JSON.parse(JSON.stringify(results)));
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
}
