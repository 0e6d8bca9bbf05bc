import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';

export interface Redirect {
  /** Old URL path, e.g. `/docs/tasks/request-routing.html` or `/docs/welcome/`. */
  from: string;
  /** Page URL path, e.g. `/docs/tasks/traffic-management/request-routing/`. */
  to: string;
}

/** Redirects from every page's `aliases`; two pages claiming one alias is an error. */
export function collectRedirects(pages: { file: string; aliases: string[]; url: string }[]): { redirects: Redirect[]; errors: Diagnostic[] } {
  const seen = new Map<string, string>();
  const redirects: Redirect[] = [];
  const errors: Diagnostic[] = [];
  for (const { file, aliases, url } of pages) {
    for (const alias of aliases) {
      const from = alias.startsWith('/') ? alias : `/${alias}`;
      const owner = seen.get(from);
      if (owner && owner !== file) {
        errors.push(diagnostic(file, 0, 'frontmatter', `alias ${from} is also claimed by ${owner}`));
        continue;
      }
      seen.set(from, file);
      redirects.push({ from, to: url });
    }
  }
  return { redirects, errors };
}

/** Where a redirect page goes in the build output: `x.html` stays a file, anything else becomes `x/index.html`. */
export function redirectFile(from: string): string {
  const clean = from.replace(/^\/+/, '');
  return /\.html?$/.test(clean) ? clean : `${clean.replace(/\/+$/, '')}/index.html`;
}

export function redirectHtml(to: string, site: string): string {
  const canonical = new URL(to, site).href;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting to ${to}</title>` +
    `<meta http-equiv="refresh" content="0; url=${to}"><link rel="canonical" href="${canonical}">` +
    `<meta name="robots" content="noindex"></head><body><a href="${to}">Redirecting to ${to}</a></body></html>\n`;
}
