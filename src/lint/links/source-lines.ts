import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Page } from '../../model/parse.ts';

export interface LinkSite {
  url: string;
  line: number;
  column: number;
}

/** Every URL a page's Markdown links to: links, images, definitions, and `src` of directives. */
export function linkSites(page: Page): LinkSite[] {
  const sites: LinkSite[] = [];
  visit(page.tree, (node: Nodes) => {
    const at = { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') sites.push({ url: node.url, ...at });
    if ((node.type === 'leafDirective' || node.type === 'containerDirective' || node.type === 'textDirective') && node.attributes?.src) {
      sites.push({ url: node.attributes.src, ...at });
    }
  });
  return sites;
}

/** Path and fragment of a URL as seen from a page URL (`../b/#x` from `/docs/a/` → `/docs/b/#x`). */
export function normalizeTarget(url: string, fromPath: string): string | undefined {
  try {
    const u = new URL(url, `http://site.invalid${fromPath}`);
    if (u.host !== 'site.invalid') return undefined;
    return decodeURIComponent(u.pathname) + u.hash;
  } catch {
    return undefined;
  }
}

/** The Markdown place of a link to `target` (a path, optionally with `#fragment`), if the page has one. */
export function findLinkSite(page: Page, pagePath: string, target: string): LinkSite | undefined {
  const wanted = stripSlash(target);
  return linkSites(page).find((s) => {
    const n = normalizeTarget(s.url, pagePath);
    return n !== undefined && stripSlash(n) === wanted;
  });
}

function stripSlash(path: string): string {
  const [p, hash] = path.split('#');
  const clean = p!.replace(/\/index\.html$/, '/').replace(/\/+$/, '');
  return hash === undefined ? clean : `${clean}#${hash}`;
}
