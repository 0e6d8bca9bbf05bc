import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function pruneTreeCaches(): void {
  if (!existsSync(treesDir)) return;
  for (const name of readdirSync(treesDir)) {
    const marker = join(treesDir, name, 'content-path');
    const content = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
    if (!content || !existsSync(content)) rmSync(join(treesDir, name), { recursive: true, force: true });
  }
}
