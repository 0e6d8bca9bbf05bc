import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { isInside } from '../model/tree-walk.ts';
import { normalizeAlias } from '../model/url-safety.ts';
import { escapeAttr, escapeHtml } from './html-escape.ts';

export { unsafeUrlPath } from '../model/url-safety.ts';

export interface Redirect {
  /** Old URL path, normalised (`normalizeAlias`), e.g. `/docs/tasks/request-routing.html` or `/docs/welcome`. */
  from: string;
  /** Page URL path, e.g. `/docs/tasks/traffic-management/request-routing/`. */
  to: string;
}

/**
 * Redirects from every page's `aliases` (already checked by the front matter schema); two pages
 * claiming one alias is an error. Aliases are compared normalised: `/old` and `/old/` are one
 * redirect page, so which page would win must not depend on the order pages are read.
 */
export function collectRedirects(pages: { file: string; aliases: string[]; url: string }[]): { redirects: Redirect[]; errors: Diagnostic[] } {
  const seen = new Map<string, { file: string; alias: string }>();
  const redirects: Redirect[] = [];
  const errors: Diagnostic[] = [];
  for (const { file, aliases, url } of pages) {
    for (const alias of aliases) {
      const from = normalizeAlias(alias);
      const owner = seen.get(from);
      if (owner) {
        if (owner.file !== file) {
          const same = owner.alias === alias ? '' : ` (as ${owner.alias})`;
          errors.push(diagnostic(file, 0, 'frontmatter', `alias ${alias} is also claimed by ${owner.file}${same}`));
        }
        continue;
      }
      seen.set(from, { file, alias });
      redirects.push({ from, to: url });
    }
  }
  return { redirects, errors };
}

/** Where a redirect page goes in the build output: `x.html` stays a file, anything else becomes `x/index.html`. */
export function redirectFile(from: string): string {
  const clean = normalizeAlias(from).replace(/^\/+/, '');
  return /\.html?$/.test(clean) ? clean : `${clean ? `${clean}/` : ''}index.html`;
}

/**
 * `rel` resolved below the output directory `out`, or undefined when it would land anywhere else.
 * The schema refuses such aliases already; this is the last check before a file is written.
 */
export function outputPath(out: string, rel: string): string | undefined {
  const file = resolve(out, rel);
  return file !== resolve(out) && isInside(resolve(out), file) ? file : undefined;
}

export function redirectHtml(to: string, site: string): string {
  const canonical = new URL(to, site).href;
  const url = escapeAttr(to);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting to ${escapeHtml(to)}</title>` +
    `<meta http-equiv="refresh" content="0; url=${url}"><link rel="canonical" href="${escapeAttr(canonical)}">` +
    `<meta name="robots" content="noindex"></head><body><a href="${url}">Redirecting to ${escapeHtml(to)}</a></body></html>\n`;
}
