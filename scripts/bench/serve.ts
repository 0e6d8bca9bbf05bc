/**
 * The dev server on the synthetic corpus (BENCH_SERVE_PAGES pages, default 1,000), BENCH_RUNS times
 * (default 3): `npm run serve` with none of the tree's caches, timed from its start to the first
 * page it answers with that page's content (cold start); then five edits of that page's body, each
 * timed from the save to the first answer that holds the edit (polled every 20 ms). That is the
 * server's share of edit-to-reload; the browser's reload (Vite's HMR message, one page fetch on
 * 127.0.0.1) comes on top. Nothing here asserts a time.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPageFile, corpusPagePath, makeCorpus } from '../../src/bench/corpus.ts';
import { median } from '../../src/bench/median.ts';
import { forgetBuild } from '../../src/bench/step.ts';
import { projectRoot } from '../../src/config/paths.ts';
import { start } from '../../src/process/index.ts';

const pages = Number(process.env.BENCH_SERVE_PAGES ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const edits = 5;
const page = Math.floor(pages / 2);

/** Polls `url` until its body holds `wanted`; the milliseconds from `since`, or undefined after `seconds`. */
async function answerHolding(url: string, wanted: string, since: number, seconds: number): Promise<number | undefined> {
  const deadline = since + seconds * 1000;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok && (await res.text()).includes(wanted)) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

const content = makeCorpus(pages);
const file = corpusPageFile(content, page);
const original = readFileSync(file, 'utf8');
const firstPage: number[] = [];
const reloads: number[] = [];
try {
  for (let r = 0; r < runs; r++) {
    forgetBuild(content, join(content, '..', 'dist'));
    // The dev server keeps its content store in <project>/.astro, not in the tree's cache: without it
    // every run after the first would start with this corpus's pages already rendered.
    rmSync(join(projectRoot, '.astro', 'data-store.json'), { force: true });
    writeFileSync(file, original);
    const port = 44000 + Math.floor(Math.random() * 2000);
    const url = `http://127.0.0.1:${port}/${corpusPagePath(page)}/`;
    const began = performance.now();
    const server = start('npm', ['run', 'serve', '--', '--port', String(port)], { cwd: projectRoot, env: { MESHDOCS_CONTENT: content, NO_COLOR: '1' }, stdin: 'ignore' });
    try {
      const first = await answerHolding(url, `Generated page ${page}`, began, 300);
      if (first === undefined) throw new Error(`serve: no answer from ${url} within 300 s\n${server.output()}`);
      firstPage.push(first);
      for (let e = 0; e < edits; e++) {
        const marker = `edited-${r}-${e}-${Date.now()}`;
        const saved = performance.now();
        writeFileSync(file, original.replace('This page explains how', `This page (${marker}) explains how`));
        const reload = await answerHolding(url, marker, saved, 60);
        if (reload === undefined) throw new Error(`serve: the edit ${marker} was not served within 60 s\n${server.output()}`);
        reloads.push(reload);
      }
    } finally {
      await server.stop();
    }
  }
  console.log(
    `serve: ${pages.toLocaleString('en-US')} pages: first page ${(median(firstPage) / 1000).toFixed(1)} s cold (median of ${runs}); ` +
      `edit to served page ${median(reloads).toFixed(0)} ms (median of ${reloads.length} edits)`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(join(content, '..'), { recursive: true, force: true });
}
