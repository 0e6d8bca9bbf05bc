import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ContentPaths } from '../config/paths.ts';
import { ContentError, type Diagnostic } from '../model/diagnostic.ts';
import { checkSite } from './check-site.ts';

type Checked = { errors: Diagnostic[]; warnings: Diagnostic[] };
type Answer = { ok: Checked } | { contentError: { diagnostics: Diagnostic[]; title: string } } | { failed: string };

const marker = 'meshdocs-check-site';

/**
 * `checkSite` on a worker thread, for `npm run build`. The check parses every changed page and keeps
 * the trees in the page cache, from which Astro's loader renders them in the build's own process;
 * on this thread the trees (about 380 MB at 1,000 pages) would stay in the heap of the process that
 * waits for the whole build. A worker's heap goes when it ends.
 */
export function checkSiteInWorker(paths: ContentPaths): Promise<Checked> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { [marker]: paths } });
    let answered = false;
    worker.once('message', (answer: Answer) => {
      answered = true;
      if ('ok' in answer) resolve(answer.ok);
      else if ('contentError' in answer) reject(new ContentError(answer.contentError.diagnostics, answer.contentError.title));
      else reject(new Error(answer.failed));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the page check stopped (exit ${code}) before it answered`));
    });
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[marker]) {
  const paths = (workerData as Record<string, ContentPaths>)[marker]!;
  let answer: Answer;
  try {
    const { errors, warnings } = checkSite(paths);
    answer = { ok: { errors, warnings } };
  } catch (error) {
    answer =
      error instanceof ContentError
        ? { contentError: { diagnostics: error.diagnostics, title: error.message.split(':\n')[0]! } }
        : { failed: (error as Error).message };
  }
  parentPort!.postMessage(answer);
}
