import { relative } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { loadAllPages } from '../model/content-tree.ts';
import type { FenceMeta } from '../model/fence-meta.ts';
import { loadVersions, substituteVersions } from '../model/versions.ts';

/** A code block as the renderer receives it (src/site/render-code.ts), with where it came from. */
export interface RenderableBlock {
  /** `path/to/index.md:12`, relative to the tree's content directory. */
  place: string;
  lang: string;
  meta: FenceMeta;
  /** Body with version values substituted, as the site renders it. */
  value: string;
}

/** Every code block of a content tree, read through the page model (the same parse the site validates). */
export function renderableBlocks(paths: ContentPaths): RenderableBlock[] {
  const versions = loadVersions(paths.data);
  return loadAllPages(paths).flatMap((page) =>
    page.codeBlocks.map((b) => ({ place: `${relative(paths.content, page.file)}:${b.line}`, lang: b.lang, meta: b.meta, value: substituteVersions(b.value, versions) })),
  );
}

/** The languages blocks ask for: their fence word and their `outputis`, sorted, without the empty word. */
export function languagesOf(blocks: readonly RenderableBlock[]): string[] {
  return [...new Set(blocks.flatMap((b) => [b.lang, b.meta.outputis ?? ''].filter(Boolean)))].sort();
}
