import { Worker } from 'node:worker_threads';
import type { LintError } from 'markdownlint';

/**
 * Starts markdownlint's built-in rules on another thread (see workers/markdownlint-worker.mjs).
 * `files` maps the name used in results (display path) to the file to read.
 */
export function lintBuiltInInWorker(files: Record<string, string>, config: Record<string, unknown>): Promise<Record<string, LintError[]>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./workers/markdownlint-worker.mjs', import.meta.url), { workerData: { files, config } });
    worker.once('message', (message: Record<string, LintError[]> | { error: string }) => {
      void worker.terminate();
      if ('error' in message && typeof message.error === 'string') reject(new Error(`markdownlint: ${message.error}`));
      else resolve(message as Record<string, LintError[]>);
    });
    worker.once('error', reject);
  });
}
