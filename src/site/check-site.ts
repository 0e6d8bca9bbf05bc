import { relative } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { pageSlug } from '../model/content-tree.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { collectRedirects, type Redirect } from './aliases.ts';
import { checkTreeForSite } from './validate-tree.ts';

/**
 * Everything the site refuses before Astro renders: the page checks (`checkTreeForSite`) and two
 * pages claiming one alias. `npm run build` runs it first (exit 2, no Astro trace), the integration
 * again (the dev server, a bare `astro build`).
 */
export function checkSite(paths: ContentPaths): { redirects: Redirect[]; errors: Diagnostic[] } {
  const { pages, errors } = checkTreeForSite(paths);
  const docs = pages.filter((p) => p.kind === 'docs' || p.kind === 'page');
  const aliasResult = collectRedirects(docs.map((p) => ({ file: p.file, aliases: p.aliases, url: urlOf(paths, p.path) })));
  return { redirects: aliasResult.redirects, errors: [...errors, ...aliasResult.errors] };
}

/** The URL path of a page file: `<lang>/docs/x/index.md` → `/docs/x/`. */
export function urlOf(paths: ContentPaths, file: string): string {
  const slug = pageSlug(relative(paths.lang, file));
  return slug ? `/${slug}/` : '/';
}
