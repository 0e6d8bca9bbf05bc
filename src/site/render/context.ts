import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Root } from 'mdast';
import type { Highlighter } from 'shiki';
import type { VFile } from 'vfile';
import type { ContentPaths } from '../../config/paths.ts';
import { buildContentIndex, type ContentIndex } from '../../model/content-tree.ts';
import { createCodeHighlighter } from '../highlighter.ts';
import { loadRepositories, type Repositories } from '../repositories.ts';

/** `file:line` of a node, for errors. */
export type Place = (node: { position?: { start: { line: number } } }) => string;

/**
 * What the render plugins share, made once per site (one integration, one process): the content tree's
 * index, its repositories, one Shiki instance, and what was read of glossary entries. Each is made on
 * first use, so a build that renders no code never starts Shiki. Passed to every plugin explicitly:
 * the plugins keep no state of their own between pages.
 */
export interface RenderContext {
  readonly paths: ContentPaths;
  index(): ContentIndex;
  repositories(): Repositories;
  highlighter(): Promise<Highlighter>;
  /** Glossary definitions read so far, by entry file and modification time (src/site/render/glossary.ts). */
  readonly glossaryDefinitions: Map<string, string>;
  /** `file:line` for nodes of this page (the same function for every plugin on one page). */
  placeOf(file: VFile): Place;
}

export function createRenderContext(paths: ContentPaths): RenderContext {
  let index: ContentIndex | undefined;
  let repos: Repositories | undefined;
  let highlighter: Promise<Highlighter> | undefined;
  const places = new WeakMap<VFile, Place>();
  return {
    paths,
    index: () => (index ??= buildContentIndex(paths)),
    repositories: () => (repos ??= loadRepositories(paths.data)),
    highlighter: () => (highlighter ??= createCodeHighlighter()),
    glossaryDefinitions: new Map(),
    placeOf(file) {
      let place = places.get(file);
      if (!place) {
        place = placeIn(file);
        places.set(file, place);
      }
      return place;
    },
  };
}

/** `vfile.data` of a page rendered from the page model's tree (src/site/page-render.ts): its positions are lines of the file. */
export const fileLines = 'meshdocsFileLines';

/**
 * `file:line` for errors. The page model's tree (src/site/page-render.ts) has the file's lines; a tree
 * Astro parsed from the body only gets the front matter's lines added back.
 */
function placeIn(file: VFile): Place {
  const path = file.path ?? '<unknown>';
  let offset = 0;
  if (!(file.data as Record<string, unknown>)[fileLines]) {
    try {
      const raw = readFileSync(path, 'utf8');
      const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(raw);
      if (m) offset = m[0].split('\n').length - 1;
    } catch {
      // not a file on disk (rendered from a string): lines are body-relative
    }
  }
  const shown = relative(process.cwd(), path) || path;
  return (node) => `${shown}:${(node.position?.start.line ?? 0) + offset}`;
}

/** An error in a page the renderer cannot render (the site check reports it first, with its rule). */
export class DirectiveError extends Error {}

/** Makes an mdast node render as the given HTML element. */
export function setElement(node: { data?: unknown }, hName: string, hProperties: Record<string, unknown>): void {
  node.data = { ...(node.data as object | undefined), hName, hProperties };
}

/** One concern of the renderer: a remark plugin whose option is the shared context. */
export type RenderPlugin = (ctx: RenderContext) => (tree: Root, file: VFile) => void | Promise<void>;
