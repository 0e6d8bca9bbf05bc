import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { ContentPaths } from '../config/paths.ts';
import { kindOf } from '../model/content-tree.ts';
import { PageCache } from '../model/page-cache.ts';
import { readPageSource } from '../model/parse.ts';
import { fileLines } from './render/context.ts';
import type { Rendered, RenderedPages } from './rendered-cache.ts';

/** What Astro's loaders hand a content type's render function. */
export interface RenderEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
}

/** A content entry type as Astro's glob loader uses it (its `.md` type: vite-plugin-markdown/content-entry-type.js). */
export interface EntryType {
  getRenderFunction?(config: AstroConfig): Promise<(entry: RenderEntry) => Promise<Rendered>>;
  [key: string]: unknown;
}

/**
 * Parse once: Astro's `.md` rendering, but from the page model's tree instead of a second parse.
 *
 * The processor is the site's own (`markdown.processor`: our remark plugins, src/site/render, and
 * what Starlight added to it), made the way Astro's own `.md` content type makes it, with one more
 * plugin that replaces remark's parser by the page model's parse of the same file (the parsed-pages
 * cache, filled by the site check; src/model/page-cache.ts). The model parses with the same
 * extensions (GFM, directives) plus front matter, whose node is dropped: Astro hands remark the body
 * only. Every transform after the parse is the one Astro would run, so the HTML is the same.
 *
 * Rendered pages are kept by text (src/site/rendered-cache.ts): an unchanged page is neither parsed
 * nor rendered, even when Astro's content store is gone (another output, a partial build).
 */
export async function createPageRenderer(config: AstroConfig, paths: ContentPaths, rendered: RenderedPages): Promise<((entry: RenderEntry) => Promise<Rendered>) | undefined> {
  const { markdown, image } = config;
  // Another processor (Sätteri) parses by itself: Astro's own rendering is kept.
  if (!isUnifiedProcessor(markdown.processor)) return undefined;
  const trees = new Map<string, Root>();
  const processor = await unified({
    ...markdown.processor.options,
    remarkPlugins: [...markdown.processor.options.remarkPlugins, [modelTree, trees]],
  }).createRenderer({
    // As Astro's `.md` content type passes them (astro/dist/vite-plugin-markdown/content-entry-type.js).
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
  let pages: PageCache | undefined;
  return async (entry) => {
    const path = entry.filePath;
    if (!path) throw new Error(`entry ${entry.id} has no file to render`);
    const source = readPageSource(path);
    const display = relative(process.cwd(), path) || path;
    const hit = rendered.get(display, source);
    if (hit) return hit;
    const kind = kindOf(paths, path);
    // Taken, not shared: the renderer changes the tree it is given, and each page is rendered once.
    const tree = (pages ??= PageCache.open()).take(source, kind, display).tree;
    if (tree.children[0]?.type === 'yaml') tree.children.shift();
    trees.set(path, tree);
    try {
      const result = await processor.render(entry.body ?? '', { frontmatter: entry.data, fileURL: pathToFileURL(path) });
      const out: Rendered = {
        html: result.code,
        metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) },
      };
      rendered.set(display, source, out);
      return out;
    } finally {
      trees.delete(path);
    }
  };
}

/** The remark plugin that makes the processor's parser hand out the page model's tree of the file. */
function modelTree(this: Processor, trees: Map<string, Root>): void {
  this.parser = (_text: string, file: VFile) => {
    const tree = file.path ? trees.get(file.path) : undefined;
    if (!tree) throw new Error(`no parsed page for ${file.path ?? 'a file without a path'}`);
    (file.data as Record<string, unknown>)[fileLines] = true;
    return tree;
  };
}
