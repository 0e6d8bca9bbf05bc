import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { openCache, type Cache } from '../cache/index.ts';
import type { ContentPaths } from '../config/paths.ts';
import { buildContentIndex, kindOf, pageFilesOf, pageSlug, sitePagesOf, walkContent, type ContentIndex } from '../model/content-tree.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { PageKind } from '../model/frontmatter.ts';
import { PageCache } from '../model/page-cache.ts';
import { readPageSource } from '../model/parse.ts';
import { breaksBuild, validatePage } from '../model/validate.ts';
import { unsafeUrlPath } from './aliases.ts';

/** What the site needs to know of a page before Astro renders it. */
export interface PageRecord {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages (relative to the working directory). */
  file: string;
  kind: PageKind;
  aliases: string[];
  /** Digest of the page's front matter: what the layout of every page may depend on (titles, weights…). */
  frontmatter: string;
  /** The `layout:` it asks for, when it is a string. */
  layout?: string;
  /** A bundle resource (an FAQ question…): shown on its bundle's page, no URL of its own. */
  resource: boolean;
}

export interface TreeCheck {
  pages: PageRecord[];
  /** Problems that make a page render wrong: the build fails on them. */
  errors: Diagnostic[];
}

interface CachedPage {
  hash: string;
  kind: PageKind;
  aliases: string[];
  frontmatter: string;
  layout?: string;
  /** Errors without their `file` (re-attached on read: the working directory may differ). */
  errors: Omit<Diagnostic, 'file'>[];
}

interface Stored {
  pages: Record<string, CachedPage>;
}

const recordsFile = 'records.json';

/**
 * Parses every page of the tree with the page model and keeps the problems that break the site.
 * Runs before Astro renders anything, so a malformed page fails fast with file and line,
 * and runs on every build (Astro's content cache would otherwise skip unchanged pages).
 *
 * Results are cached by page content, in the tree's own cache (tests, benchmarks and migrations
 * build other trees in between), under a fingerprint of everything else a result depends on (the
 * boilerplates, glossary and version values that exist, and the page model's own code), so an
 * unchanged page is not parsed again.
 */
export function checkTreeForSite(paths: ContentPaths, cwd = process.cwd()): TreeCheck {
  const index = buildContentIndex(paths);
  const store = siteCheckCache(paths, index);
  const cache = store.read<Stored>(recordsFile)?.pages ?? {};
  const next: Record<string, CachedPage> = {};
  const pages: PageRecord[] = [];
  const errors: Diagnostic[] = [];
  const walk = walkContent(paths);
  // What the walk refused (links to directories or out of the tree, `foo.md/` directories) breaks the build.
  for (const p of walk.problems) errors.push({ ...p, file: relative(cwd, p.file) || p.file });
  const files = pageFilesOf(paths, walk);
  const resources = new Set(sitePagesOf(paths, walk).resources);
  /** URL path → the page file that has it: `docs/a.md` and `docs/a/index.md` are one page. */
  const urls = new Map<string, string>();
  // Opened on the first page to parse: a build with every record cached reads no parsed pages.
  let parsed: PageCache | undefined;
  for (const path of files) {
    const source = readPageSource(path);
    const hash = createHash('sha256').update(source).digest('hex');
    const file = relative(cwd, path) || path;
    let entry = cache[path];
    if (!entry || entry.hash !== hash) {
      const kind = kindOf(paths, path);
      // Kept in the page cache: the site's loader renders from this parse (src/site/page-render.ts),
      // in Astro's process, rather than parsing the page again.
      const page = (parsed ??= PageCache.open()).page(source, kind, file);
      entry = {
        hash,
        kind,
        aliases: page.frontmatter?.aliases ?? [],
        frontmatter: frontmatterDigest(page.rawFrontmatter),
        layout: typeof page.rawFrontmatter.layout === 'string' ? page.rawFrontmatter.layout : undefined,
        // The registry's build-breaking rules (src/model/rules/), under their codes, where they apply.
        errors: validatePage(page, index)
          .filter((d) => breaksBuild(d, page))
          .map(({ file: _file, ...rest }) => rest),
      };
    }
    next[path] = entry;
    const resource = resources.has(path);
    if ((entry.kind === 'docs' || entry.kind === 'page') && !resource) {
      // The page's URL is written into HTML and redirect pages: a path that would need escaping is refused.
      const bad = unsafeUrlPath(relative(paths.lang, path).split(sep).join('/'));
      if (bad) errors.push(diagnostic(file, 0, 'page-path', `the page's path holds ${bad}: use letters, digits and . _ ~ + @ - only`));
      const slug = pageSlug(relative(paths.lang, path));
      const other = urls.get(slug);
      if (other) errors.push(diagnostic(file, 0, 'page-path', `is the same page as ${other} (both /${slug}${slug ? '/' : ''}): keep one`));
      else urls.set(slug, file);
    }
    pages.push({ path, file, kind: entry.kind, aliases: entry.aliases, frontmatter: entry.frontmatter, layout: entry.layout, resource });
    for (const e of entry.errors) errors.push({ ...e, file });
  }
  store.write(recordsFile, { pages: next } satisfies Stored);
  parsed?.save();
  return { pages, errors };
}

/** Two pages with the same digest have the same front matter, key order included. */
export function frontmatterDigest(raw: Record<string, unknown>): string {
  return createHash('sha1').update(JSON.stringify(raw)).digest('hex');
}

function siteCheckCache(paths: ContentPaths, index: ContentIndex): Cache {
  const names = [[...index.boilerplates.keys()].sort(), [...index.glossary.values()].map((g) => [g.slug, g.title]).sort(), index.versions];
  // 'records-v3': the cached record's shape.
  return openCache('site-check', { tree: paths.content, inputs: { values: ['records-v3', names] } });
}
