import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentPaths } from '../../config/paths.ts';
import { pageSlug } from '../../model/content-tree.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { walkTree } from '../../model/tree-walk.ts';

/**
 * The built site lint checks: a build directory, and optionally a partial build of edited pages
 * whose HTML replaces theirs (`overlay.files`: paths relative to both directories).
 */
export interface BuiltSite {
  dir: string;
  overlay?: { dir: string; files: ReadonlySet<string> };
  /** Pages the build left out because the site check refuses them (see `siteForLinks`). */
  leftOut?: readonly LeftOutPage[];
}

/** A page a build without the malformed pages left out: links to it are not broken, its own are not checked. */
export interface LeftOutPage {
  /** Absolute path. */
  path: string;
  /** As shown in findings. */
  file: string;
  /** Its URL path (`/docs/x/`). */
  url: string;
  aliases: readonly string[];
  /** What the site check refuses in it. */
  errors: Diagnostic[];
}

/** The file lint reads for a page of the site: the partial build's when it has the page. */
export function siteFile(site: BuiltSite, rel: string): string {
  return site.overlay?.files.has(rel) ? join(site.overlay.dir, rel) : join(site.dir, rel);
}

/** Every HTML file of the built site, relative to `dist` with `/` separators. */
export function listHtml(dist: string): string[] {
  return walkTree(dist)
    .files.filter((f) => f.endsWith('.html'))
    .map((f) => relative(dist, f).split(sep).join('/'))
    .sort();
}

/** URL path of a page: `content/en/docs/x/index.md` → `/docs/x/`, `content/en/index.md` → `/`. */
export function pageUrl(paths: ContentPaths, file: string): string {
  const slug = pageSlug(relative(paths.lang, file));
  return slug === '' ? '/' : `/${slug}/`;
}

/** The dist file that serves a URL path (`/docs/x/` → `docs/x/index.html`, `/a.html` → `a.html`). */
export function distFileOf(urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!).replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  if (/\.[a-z0-9]+$/i.test(clean)) return clean;
  return `${clean}/index.html`;
}

/** `<meta http-equiv="refresh" content="0;url=/docs/x/">` → `/docs/x/`. */
export function refreshTarget(html: string): string | undefined {
  const meta = /<meta\b[^>]*http-equiv=["']?refresh["']?[^>]*>/i.exec(html)?.[0];
  const content = meta && /content=["']([^"']*)["']/i.exec(meta)?.[1];
  return content ? /url=(.*)$/i.exec(content)?.[1]?.trim() : undefined;
}

/** First line of an HTML file that contains a string (for findings that come from the layout). */
export function lineInFile(file: string, needle: string): number {
  try {
    const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
    return index + 1;
  } catch {
    return 0;
  }
}

