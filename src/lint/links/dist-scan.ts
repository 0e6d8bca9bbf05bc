import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { keyOf } from '../../cache/index.ts';
import { lineStartsOf, positionOf } from '../text-position.ts';
import { refreshTarget, siteFile, type BuiltSite } from './dist-pages.ts';

export interface HtmlLink {
  url: string;
  line: number;
  kind: 'page' | 'resource';
}

export interface HtmlPage {
  /** Anchors a `#fragment` may name: `id` attributes and `<a name>`. */
  ids: Set<string>;
  links: HtmlLink[];
}

/**
 * What a page's HTML yields, kept between runs by the text's hash (`links-scan.json`): after a
 * one-page edit only that page is parsed again. Resolving links is not cached; it depends on the
 * whole site.
 */
export interface ScanCache {
  get(key: string): StoredPage | undefined;
  set(key: string, value: StoredPage): void;
}
export interface StoredPage {
  ids: string[];
  /** `[url, line, 1 if a page link else 0]`: compact, a sidebar holds a thousand of them. */
  links: [string, number, number][];
}

/** `scanHtml`, or its stored result for the same text. */
export function scanHtmlCached(html: string, cache: ScanCache | undefined): HtmlPage {
  if (!cache) return scanHtml(html);
  const key = keyOf(html);
  const hit = cache.get(key);
  if (hit) return { ids: new Set(hit.ids), links: hit.links.map(([url, line, page]) => ({ url, line, kind: page ? 'page' : 'resource' })) };
  const page = scanHtml(html);
  cache.set(key, { ids: [...page.ids], links: page.links.map((l) => [l.url, l.line, l.kind === 'page' ? 1 : 0]) });
  return page;
}

/** Attributes that link, per tag; `srcset` holds several URLs. */
const linking: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};

/** Reads one built page: its anchors and every URL it links to, with lines. */
export function scanHtml(html: string): HtmlPage {
  const ids = new Set<string>();
  const links: HtmlLink[] = [];
  const lineStarts = lineStartsOf(html);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = positionOf(lineStarts, parser.startIndex).line;
        if (attributes.id) ids.add(attributes.id);
        if (name === 'a' && attributes.name) ids.add(attributes.name);
        if (name === 'link' && /\b(canonical|alternate|preconnect|dns-prefetch)\b/.test(attributes.rel ?? '')) return;
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') {
          const target = refreshTarget(`<meta http-equiv="refresh" content="${attributes.content ?? ''}">`);
          if (target) links.push({ url: target, line, kind: 'page' });
          return;
        }
        for (const attribute of linking[name] ?? []) {
          const value = attributes[attribute];
          if (!value) continue;
          const urls = attribute === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean) : [value.trim()];
          for (const url of urls) links.push({ url, line, kind: name === 'a' || name === 'area' ? 'page' : 'resource' });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids, links };
}

/** The URL path a dist file is served at: `docs/a/index.html` → `/docs/a/`. */
export function urlOfDistFile(rel: string): string {
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The dist file serving a site path, if any (`/docs/a/` → `docs/a/index.html`, `/docs/a` too). */
export function resolveDistFile(dist: string, path: string): string | undefined {
  const clean = path.replace(/^\/+/, '');
  const candidates = clean === '' || clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`, `${clean}.html`];
  return candidates.find((c) => existsSync(join(dist, c)));
}

export interface InternalProblem {
  /** The page (dist file) the link is on, and the line in its HTML. */
  from: string;
  line: number;
  /** The link as a site path, `#fragment` included. */
  target: string;
  kind: 'broken' | 'fragment' | 'image';
}

export interface ScanResult {
  problems: InternalProblem[];
  /** External links, with the page they are on. */
  external: { url: string; from: string; line: number }[];
  links: number;
}

const ignoredSchemes = /^(mailto|tel|javascript|data|blob):/i;

/**
 * Checks every link of every built page against the files of `dist`, without a server: targets
 * exist, `#fragments` name an anchor of their page, images and other resources exist. One read
 * and one parse per page (a crawler re-fetches a page per fragment and per linking page).
 */
export function scanDist(site: BuiltSite, htmlFiles: readonly string[], siteUrl?: string, cache?: ScanCache): ScanResult {
  const dist = site.dir;
  const pages = new Map<string, HtmlPage>();
  const load = (rel: string): HtmlPage | undefined => {
    let page = pages.get(rel);
    if (!page && existsSync(siteFile(site, rel))) {
      page = scanHtmlCached(readFileSync(siteFile(site, rel), 'utf8'), cache);
      pages.set(rel, page);
    }
    return page;
  };
  const problems: InternalProblem[] = [];
  const external: ScanResult['external'] = [];
  let links = 0;
  // A sidebar repeats the same ~1,000 links on every page: resolve each distinct URL once.
  const files = new Map<string, string | undefined>();
  const resolved = new Map<string, Omit<InternalProblem, 'from' | 'line'> | { external: string } | null>();
  const check = (raw: string, base: string): Omit<InternalProblem, 'from' | 'line'> | { external: string } | null => {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      return { target: raw, kind: 'broken' };
    }
    if (url.host !== 'site.invalid') {
      return /^https?:$/.test(url.protocol) && !(siteUrl && url.href.startsWith(siteUrl)) ? { external: url.href } : null;
    }
    const path = decodeURIComponent(url.pathname);
    const target = path + url.hash;
    // A partial build's pages load its own bundles (`/_astro/…`, hashed per build): look there too.
    if (!files.has(path)) files.set(path, resolveDistFile(dist, path) ?? (site.overlay && resolveDistFile(site.overlay.dir, path)));
    const file = files.get(path);
    if (!file) return { target, kind: /\.(png|jpe?g|gif|svg|webp|avif|ico)$/i.test(path) ? 'image' : 'broken' };
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && fragment !== 'top' && file.endsWith('.html') && !load(file)?.ids.has(fragment)) return { target, kind: 'fragment' };
    return null;
  };
  for (const rel of htmlFiles) {
    const page = load(rel)!;
    const base = `http://site.invalid${urlOfDistFile(rel)}`;
    for (const link of page.links) {
      if (ignoredSchemes.test(link.url)) continue;
      links++;
      // Site-absolute URLs resolve the same from every page; relative ones depend on the page.
      const key = link.url.startsWith('/') && !link.url.startsWith('//') ? link.url : `${base} ${link.url}`;
      if (!resolved.has(key)) resolved.set(key, check(link.url, base));
      const result = resolved.get(key)!;
      if (result === null) continue;
      if ('external' in result) external.push({ url: result.external, from: rel, line: link.line });
      else problems.push({ ...result, from: rel, line: link.line });
    }
  }
  return { problems, external, links };
}
