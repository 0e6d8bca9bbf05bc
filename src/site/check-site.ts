import { join, relative } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { pageSlug } from '../model/content-tree.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { collectRedirects, type Redirect } from './aliases.ts';
import { leftOutPages } from './partial-build.ts';
import { checkTreeForSite } from './validate-tree.ts';
import { unknownLayoutWarnings } from './layouts.ts';
import { readSiteFile } from '../config/site-file.ts';

/**
 * Everything the site refuses before Astro renders: the page checks (`checkTreeForSite`) and two
 * pages claiming one alias. `npm run build` runs it first (exit 2, no Astro trace), the integration
 * again (the dev server, a bare `astro build`).
 */
export function checkSite(paths: ContentPaths, leftOut: readonly string[] = leftOutPages()): { redirects: Redirect[]; errors: Diagnostic[]; warnings: Diagnostic[] } {
  const { pages, errors } = checkTreeForSite(paths);
  // A build without some pages (lint's, when they are malformed) neither checks nor redirects to them.
  const out = new Set(leftOut.map((rel) => join(paths.lang, rel)));
  const outFiles = new Set(pages.filter((p) => out.has(p.path)).map((p) => p.file));
  // Bundle resources (FAQ questions) have no URL of their own.
  const docs = pages.filter((p) => (p.kind === 'docs' || p.kind === 'page') && !p.resource && !out.has(p.path));
  const aliasResult = collectRedirects(docs.map((p) => ({ file: p.file, aliases: p.aliases, url: urlOf(paths, p.path) })));
  // data/site.yml (title, header navigation): an invalid one fails the build, naming file, line and key.
  const siteFile = readSiteFile(paths.data);
  return {
    redirects: aliasResult.redirects,
    errors: [...errors.filter((e) => !outFiles.has(e.file)), ...aliasResult.errors, ...siteFile.problems],
    warnings: unknownLayoutWarnings(docs),
  };
}

/** The URL path of a page file: `<lang>/docs/x/index.md` → `/docs/x/`. */
export function urlOf(paths: ContentPaths, file: string): string {
  const slug = pageSlug(relative(paths.lang, file));
  return slug ? `/${slug}/` : '/';
}
