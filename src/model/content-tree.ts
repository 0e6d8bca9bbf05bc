import { basename, join, relative, sep } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import type { PageKind } from './frontmatter.ts';
import { loadPage, type Page } from './parse.ts';
import { walkTree, type TreeWalk } from './tree-walk.ts';
import { loadVersions, type VersionValues } from './versions.ts';

/**
 * Every `.md` file below `dir`, sorted, as absolute paths (see `walkTree`: links to directories are
 * not followed; what the walk refuses is reported by `walkTree(...).problems`, once per command).
 */
export function listMarkdown(dir: string, within = dir): string[] {
  return markdownOf(walkTree(dir, within).files);
}

/** The Markdown files of a walk. */
export function markdownOf(files: readonly string[]): string[] {
  return files.filter((f) => f.endsWith('.md'));
}

/** Every file of `<content>/en` and what the walk refused: walked once by each command, which reports the problems. */
export function walkContent(paths: ContentPaths): TreeWalk {
  return walkTree(paths.lang, paths.content);
}

/** The Markdown files of a content walk that are pages, boilerplates or glossary entries (not generated snips). */
export function pageFilesOf(paths: ContentPaths, walk: TreeWalk): string[] {
  return markdownOf(walk.files).filter((f) => !relative(paths.lang, f).startsWith(`boilerplates${sep}snips${sep}`));
}

/** What a Markdown file is, from where it sits below `<content>/en`. */
export function kindOf(paths: ContentPaths, file: string): PageKind {
  const rel = relative(paths.lang, file).split(sep);
  if (rel[0] === 'docs') return 'docs';
  if (rel[0] === 'boilerplates') return 'boilerplate';
  if (rel[0] === 'glossary') return 'glossary';
  return 'page';
}

/**
 * Whether a page-kind Markdown file is an entry shown on another page rather than a page of its own,
 * as Hugo reads istio.io's tree: a plain `.md` file inside a leaf bundle (a folder at or above it, below
 * `<content>/en`, that holds an `index.md`) is a resource of that bundle (the FAQ's questions beside
 * `about/faq/<category>/index.md`, the event banners below `events/index.md`); and an FAQ question
 * (`about/faq/<category>/<question>.md`) is one beside an `_index.md` too. `exists` is injected so
 * the rule stays a pure function of the tree.
 */
export function isBundleResource(paths: ContentPaths, file: string, exists: (path: string) => boolean): boolean {
  const rel = relative(paths.lang, file).split(sep);
  const name = rel.at(-1) ?? '';
  if (!name.endsWith('.md') || name === 'index.md' || name === '_index.md') return false;
  if (rel[0] === 'boilerplates' || rel[0] === 'glossary') return false;
  if (rel.length === 4 && rel[0] === 'about' && rel[1] === 'faq') return true;
  for (let depth = rel.length - 1; depth >= 1; depth--) {
    if (exists(join(paths.lang, ...rel.slice(0, depth), 'index.md'))) return true;
  }
  return false;
}

/**
 * The FAQ's questions as a glob below `<content>/en` (the rule of `isBundleResource` for
 * `about/faq/<category>/<question>.md`): the content loaders match a file added while serving against
 * it, without walking the tree again. (picomatch reads `!(index|_index)` as "not starting with either",
 * so a question named `index-….md` is told apart only by the walk, at start.)
 */
export const faqQuestionGlob = 'about/faq/*/!(index|_index).md';

/**
 * The Markdown files of a content walk that are pages (rendered at their own URL) and those that are
 * bundle resources (entries shown on their bundle's page, see `isBundleResource`).
 */
export function sitePagesOf(paths: ContentPaths, walk: TreeWalk): { pages: string[]; resources: string[] } {
  const files = new Set(walk.files);
  const pages: string[] = [];
  const resources: string[] = [];
  for (const file of pageFilesOf(paths, walk)) {
    const kind = kindOf(paths, file);
    if (kind !== 'docs' && kind !== 'page') continue;
    (isBundleResource(paths, file, (f) => files.has(f)) ? resources : pages).push(file);
  }
  return { pages, resources };
}

/** The site path of a page: `docs/tasks/foo/index.md` → `docs/tasks/foo`. */
export function pageSlug(relativeToLang: string): string {
  return relativeToLang
    .split(sep)
    .join('/')
    .replace(/(^|\/)_?index\.md$/, '')
    .replace(/\.md$/, '');
}

/** A boilerplate's name: its file name without `.md`. */
export function boilerplateName(file: string): string {
  return basename(file, '.md');
}

export interface GlossaryEntry {
  /** File name without `.md`, e.g. `envoy`. */
  slug: string;
  title: string;
  file: string;
}

/**
 * The cross-page facts a page is checked against: which boilerplates and glossary terms exist and
 * the version values. Built once per run.
 */
export interface ContentIndex {
  paths: ContentPaths;
  boilerplates: Map<string, string>;
  glossary: Map<string, GlossaryEntry>;
  versions: VersionValues;
}

export function buildContentIndex(paths: ContentPaths): ContentIndex {
  const boilerplates = new Map<string, string>();
  for (const file of listMarkdown(paths.boilerplates, paths.content)) {
    if (relative(paths.boilerplates, file).includes(sep)) continue; // snips/ and others
    const name = boilerplateName(file);
    if (name !== 'index' && name !== '_index') boilerplates.set(name, file);
  }
  const glossary = new Map<string, GlossaryEntry>();
  for (const file of listMarkdown(paths.glossary, paths.content)) {
    const slug = basename(file, '.md');
    if (slug === 'index' || slug === '_index') continue;
    const page = loadPage(file, 'glossary');
    const title = typeof page.rawFrontmatter.title === 'string' ? page.rawFrontmatter.title : slug;
    glossary.set(slug, { slug, title, file });
  }
  return { paths, boilerplates, glossary, versions: loadVersions(paths.data) };
}

/**
 * Finds the glossary entry for `:gloss[Envoy's]{term="envoy"}`: the `term` attribute or the label,
 * matched against entry file names and titles, case-insensitively (as istio.io's `gloss` does).
 */
export function findGlossaryEntry(index: ContentIndex, label: string, term?: string): GlossaryEntry | undefined {
  const wanted = (term ?? label).trim().toLowerCase();
  const asSlug = wanted.replace(/\s+/g, '-');
  return index.glossary.get(asSlug) ?? [...index.glossary.values()].find((e) => e.title.toLowerCase() === wanted);
}

/** Loads every docs page, boilerplate and other page of the tree. */
export function loadAllPages(paths: ContentPaths, display: (file: string) => string = (f) => f): Page[] {
  return pageFilesOf(paths, walkContent(paths)).map((file) => loadPage(file, kindOf(paths, file), display(file)));
}
