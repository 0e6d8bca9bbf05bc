import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { buildContentIndex, markdownOf } from '../model/content-tree.ts';
import { walkTree } from '../model/tree-walk.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { PageKind } from '../model/frontmatter.ts';
import type { PageCache } from '../model/page-cache.ts';
import { parsePage, readPageSource, type Page } from '../model/parse.ts';
import type { VersionValues } from '../model/versions.ts';
import type { SnipRewrite } from './lines.ts';
import { generatePageSnips, snipsTarget, type BoilerplateStatus, type SnipsContext } from './page.ts';
import { isGeneratedSnips } from './render.ts';
import type { PageSnips, SnipsFileProblem, SnipsWriteResult, TreeSnips } from './types.ts';

export interface TreeOptions {
  /** How a file is named in diagnostics; default: relative to the docs repo root (`content/en/…`). */
  display?: (file: string) => string;
  /** Default: `siteConfig.snipRewrites`. */
  rewrites?: readonly SnipRewrite[];
  /**
   * Pages a caller has already parsed (lint does), by absolute path: used instead of parsing again.
   * Files not in the map are read and parsed as usual.
   */
  parsed?: ReadonlyMap<string, Page>;
  /** Parses a page, or finds it parsed from the same text before (the page cache); default: parses. */
  pages?: Pick<PageCache, 'page'>;
}

/**
 * Everything one run needs besides the pages: version values, and every boilerplate's snips,
 * generated once and shared by the pages that include them.
 */
export interface SnipsSession {
  paths: ContentPaths;
  display: (file: string) => string;
  /** The page of a file's text. */
  parse(source: string, kind: PageKind, file: string): Page;
  /** The page of a file: the caller's parse, the cache's, or a new one. */
  read(file: string, kind: PageKind): Page;
  context: SnipsContext;
  /** Boilerplate snips by name, in name order. */
  boilerplates: Map<string, PageSnips>;
}

export function openSnipsSession(paths: ContentPaths, options: TreeOptions = {}): SnipsSession {
  const display = options.display ?? ((file: string) => relative(paths.root, file));
  const parse = (source: string, kind: PageKind, file: string): Page => (options.pages ? options.pages.page(source, kind, display(file)) : parsePage(source, kind, display(file)));
  const read = (file: string, kind: PageKind): Page => options.parsed?.get(file) ?? parse(readPageSource(file), kind, file);
  const index = buildContentIndex(paths); // throws ContentError on bad data/args.yml
  const files = [...index.boilerplates.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const results = new Map<string, PageSnips>();
  const inProgress = new Set<string>();
  const context: SnipsContext = {
    paths,
    versions: index.versions as VersionValues,
    rewrites: options.rewrites ?? siteConfig.snipRewrites,
    boilerplate: (name) => boilerplateStatus(name),
  };

  // Boilerplates may include boilerplates: each is generated on first need, so a boilerplate
  // sources another whatever their alphabetical order (istio.io's driver depends on it).
  const boilerplateStatus = (name: string): BoilerplateStatus => {
    const file = index.boilerplates.get(name);
    if (file === undefined) return 'unknown';
    if (inProgress.has(name)) return 'cycle';
    let result = results.get(name);
    if (!result) {
      inProgress.add(name);
      result = generatePageSnips(read(file, 'boilerplate'), context, file);
      inProgress.delete(name);
      results.set(name, result);
    }
    return result.content === undefined ? 'empty' : 'snips';
  };

  for (const [name] of files) boilerplateStatus(name);
  const boilerplates = new Map(files.map(([name]) => [name, results.get(name)!]));
  return { paths, display, parse, read, context, boilerplates };
}

/** The snips of one Markdown file of the session's tree; `force` ignores `test:`. */
export function generateFileSnips(session: SnipsSession, file: string, force = false): PageSnips {
  const markdown = resolve(file);
  const name = basename(markdown, '.md');
  if (dirname(markdown) === session.paths.boilerplates && session.boilerplates.has(name)) return session.boilerplates.get(name)!;
  const page = session.read(markdown, 'docs');
  return generatePageSnips(page, { ...session.context, force }, markdown);
}

/**
 * One pass over the whole tree, in one process: every boilerplate and every docs page with
 * `test: yes`, plus the generated files on disk that no page accounts for any more.
 */
export function generateTreeSnips(paths: ContentPaths, options: TreeOptions = {}): TreeSnips {
  const session = openSnipsSession(paths, options);
  const pages: PageSnips[] = [...session.boilerplates.values()];
  const diagnostics: Diagnostic[] = [];
  /** Generated files kept whatever happens: those of pages whose front matter cannot be read. */
  const keep = new Set<string>();
  const walk = walkTree(paths.docs, paths.content);
  // What the walk refused (link loops, links out of the tree, `foo.md/` directories) is bad input.
  for (const p of walk.problems) diagnostics.push({ ...p, file: session.display(p.file) });
  for (const file of markdownOf(walk.files)) {
    let page = options.parsed?.get(file);
    if (!page) {
      const source = readPageSource(file);
      if (!mayBeTested(source)) continue;
      page = session.parse(source, 'docs', file);
    }
    if (page.rawFrontmatter.test !== 'yes') {
      const unreadable = page.diagnostics.find((d) => d.ruleId === 'frontmatter' && Object.keys(page.rawFrontmatter).length === 0);
      if (unreadable) {
        // A typo in the front matter must not delete the page's snips as if it were untested.
        keep.add(snipsTarget(paths, 'docs', file));
        diagnostics.push(diagnostic(page.file, unreadable.line, 'snip-frontmatter', `cannot tell whether the page is tested: ${unreadable.message}`));
      }
      continue;
    }
    pages.push(generatePageSnips(page, session.context, file));
  }
  // A page with errors keeps the file it has (it is neither rewritten nor removed as stale).
  for (const page of pages) if (hasErrors(page)) keep.add(page.target);
  const expected = new Set(pages.filter((p) => p.content !== undefined).map((p) => p.target));
  const stale = existingGeneratedFiles(paths).filter((file) => !expected.has(file) && !keep.has(file));
  return { pages, stale, diagnostics: [...pages.flatMap((p) => p.diagnostics), ...diagnostics] };
}

/**
 * Generated files present on disk: every `.sh` in `boilerplates/snips/`, and under docs each
 * `snips.sh` / `*_snips.sh` that carries the generated banner (a hand-written file is never touched).
 */
export function existingGeneratedFiles(paths: ContentPaths): string[] {
  const found: string[] = [];
  if (existsSync(paths.boilerplateSnips)) {
    for (const name of readdirSync(paths.boilerplateSnips)) if (name.endsWith('.sh')) found.push(join(paths.boilerplateSnips, name));
  }
  for (const file of walkTree(paths.docs, paths.content).files) {
    const name = basename(file);
    if (name !== 'snips.sh' && !name.endsWith('.md_snips.sh')) continue;
    if (isGeneratedSnips(readFileSync(file, 'utf8'))) found.push(file);
  }
  return found.sort();
}

/** True when the generator reported an error on the page: its generated text is not to be trusted. */
export function hasErrors(page: PageSnips): boolean {
  return page.diagnostics.some((d) => d.severity === 'error');
}

/**
 * Files on disk that differ from the generation result: missing, outdated, stale. Pages with errors
 * are not compared: their errors are the finding, and `npm run snips` does not write them.
 */
export function compareTreeSnips(tree: TreeSnips): SnipsFileProblem[] {
  const problems: SnipsFileProblem[] = [];
  for (const page of tree.pages) {
    if (page.content === undefined || hasErrors(page)) continue;
    const current = readIfExists(page.target);
    if (current === undefined) problems.push({ file: page.target, status: 'missing', source: page.source });
    else if (current !== page.content) problems.push({ file: page.target, status: 'outdated', source: page.source });
  }
  for (const file of tree.stale) problems.push({ file, status: 'stale' });
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Generates the tree and compares it with the files on disk; changes nothing. */
export function checkTreeSnips(paths: ContentPaths, options: TreeOptions = {}): SnipsFileProblem[] {
  return compareTreeSnips(generateTreeSnips(paths, options));
}

export interface WriteOptions {
  /**
   * `skip` (default): a page with errors is left as it is on disk, and listed in `refused`; the
   * good pages are written. `write`: its generated text is written too (the importer does, as
   * istio.io's generator would, and reports the errors as warnings).
   */
  pagesWithErrors?: 'skip' | 'write';
}

/**
 * Writes every generated file whose text changed and deletes the stale ones. Unchanged files are
 * not rewritten, so their timestamps stay. One bad page does not stop the others being written.
 */
export function writeTreeSnips(tree: TreeSnips, options: WriteOptions = {}): SnipsWriteResult {
  const result: SnipsWriteResult = { written: [], removed: [], unchanged: 0, refused: [] };
  for (const page of tree.pages) {
    if (options.pagesWithErrors !== 'write' && hasErrors(page)) {
      result.refused.push(page.source);
      continue;
    }
    if (page.content === undefined) continue;
    if (readIfExists(page.target) === page.content) {
      result.unchanged += 1;
      continue;
    }
    mkdirSync(dirname(page.target), { recursive: true });
    writeFileSync(page.target, page.content);
    result.written.push(page.target);
  }
  for (const file of tree.stale) {
    rmSync(file, { force: true });
    result.removed.push(file);
  }
  return result;
}

/**
 * Parsing is most of the cost, and most docs pages are not tested, so a page whose text cannot
 * hold a `test: yes` key is skipped unparsed. Only a filter: the parsed front matter decides.
 */
function mayBeTested(source: string): boolean {
  return /^["']?test["']?[ \t]*:.*\byes\b/m.test(source);
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
