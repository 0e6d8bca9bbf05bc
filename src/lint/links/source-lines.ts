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

/** Where a target is linked from: `/docs/b#x` → every page and line that links there. */
export type LinkIndex = Map<string, { page: Page; site: LinkSite }[]>;

/**
 * Every link of every page, by target: site paths normalised (`../b/` from `/docs/a/` → `/docs/b`,
 * with `#fragment`), external URLs as written. A check of the built site reports a broken URL where
 * it met it (linkinator: once, on whichever page came first); this finds every page that links to it.
 */
export function buildLinkIndex(pages: readonly { page: Page; path: string }[]): LinkIndex {
  const index: LinkIndex = new Map();
  for (const { page, path } of pages) {
    for (const site of linkSites(page)) {
      const key = /^https?:\/\//.test(site.url) ? site.url : normalizeTarget(site.url, path);
      if (key === undefined) continue;
      const k = /^https?:/.test(key) ? key : targetKey(key);
      index.set(k, [...(index.get(k) ?? []), { page, site }]);
    }
  }
  return index;
}

/** The key of a site path in a LinkIndex: no trailing slash or index.html, fragment kept. */
export function targetKey(path: string): string {
  const [p, hash] = path.split('#');
  const clean = p!.replace(/\/index\.html$/, '/').replace(/\/+$/, '');
  return hash === undefined ? clean : `${clean}#${hash}`;
}
