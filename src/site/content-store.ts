import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '../cache/index.ts';
import type { ContentPaths } from '../config/paths.ts';
import { listMarkdown } from '../model/content-tree.ts';

/**
 * The fingerprint of what a page's HTML depends on besides its own file: what pages include
 * (boilerplates, glossary, version values, repositories) and the site's code, components and styles
 * included (src/cache/tools.ts), not only its `.ts` modules.
 */
export function includesDigest(paths: ContentPaths): string {
  const files = [...listMarkdown(paths.boilerplates, paths.content), ...listMarkdown(paths.glossary, paths.content), join(paths.data, 'args.yml'), join(paths.data, 'repositories.yml')];
  return fingerprint('astro', { files });
}

/**
 * Astro caches rendered Markdown by the page file's own content, so a page does not re-render when a
 * boilerplate it includes, a glossary entry, `data/args.yml` or our own renderer changes. We hash
 * those inputs and drop Astro's content store when the hash moves.
 */
export function invalidateCacheOnIncludeChange(paths: ContentPaths, cacheDir: string, logger: { info(m: string): void }): void {
  const digest = includesDigest(paths);
  const stamp = join(cacheDir, 'meshdocs-includes.sha256');
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
  if (previous === digest) return;
  const store = join(cacheDir, 'data-store.json');
  // No stamp yet but a store: it may predate an include change, so it goes too.
  if (existsSync(store)) {
    rmSync(store);
    logger.info('boilerplates, glossary, version values or the renderer changed: re-rendering every page');
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stamp, digest);
}
