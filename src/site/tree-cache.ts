import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot, type ContentPaths } from '../config/paths.ts';

const base = join(projectRoot, 'node_modules/.astro');
const treesDir = join(base, 'trees');

/**
 * Astro's cache directory for a content tree: the project's own tree uses Astro's default; any other
 * (MESHDOCS_CONTENT) gets its own, so switching trees never mixes their rendered pages. Caches of
 * trees that no longer exist (temporary trees of tests and benchmarks) are removed on the way.
 */
export function treeCacheDir(paths: ContentPaths): string {
  if (paths.content === join(projectRoot, 'content')) return base;
  pruneTreeCaches();
  const dir = join(treesDir, createHash('sha256').update(paths.content).digest('hex').slice(0, 16));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'content-path'), paths.content);
  return dir;
}

/**
 * Astro's cache directory for a build of a tree into an output directory. Astro writes its content
 * store there through one fixed temporary name, so two builds at once (different MESHDOCS_DIST, or
 * two lints) must not share one: each output directory gets its own below the tree's. Those of
 * outputs gone for a day (temporary outputs of tests) are removed on the way.
 */
export function buildCacheDir(paths: ContentPaths, out: string): string {
  const tree = treeCacheDir(paths);
  const outs = join(tree, 'outputs');
  pruneOutputCaches(outs);
  const dir = join(outs, createHash('sha256').update(resolve(out)).digest('hex').slice(0, 16));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'output-path'), resolve(out));
  return dir;
}

function pruneTreeCaches(): void {
  if (!existsSync(treesDir)) return;
  for (const name of readdirSync(treesDir)) {
    const marker = join(treesDir, name, 'content-path');
    const content = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
    if (!content || !existsSync(content)) rmSync(join(treesDir, name), { recursive: true, force: true });
  }
}

function pruneOutputCaches(outs: string): void {
  if (!existsSync(outs)) return;
  for (const name of readdirSync(outs)) {
    const marker = join(outs, name, 'output-path');
    try {
      const out = readFileSync(marker, 'utf8');
      if (!existsSync(out) && Date.now() - statSync(marker).mtimeMs > 86_400_000) rmSync(join(outs, name), { recursive: true, force: true });
    } catch {
      // being written by another build
    }
  }
}
