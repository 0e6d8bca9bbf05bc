import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkResult } from 'linkinator';
import type { ContentPaths } from '../../config/paths.ts';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.ts';
import type { Page } from '../../model/parse.ts';
import { redirectFile } from '../../site/aliases.ts';
import type { EntryStore } from '../../cache/index.ts';
import { distFileOf, lineInFile, listHtml, pageUrl, refreshTarget, siteFile, type BuiltSite } from './dist-pages.ts';
import { checkExternal } from './external.ts';
import { scanDist, urlOfDistFile, type StoredPage } from './dist-scan.ts';
import { buildLinkIndex, normalizeTarget, targetKey, type LinkIndex } from './source-lines.ts';

export interface LinkOptions {
  /** The built site. */
  dist: string;
  /** Edited pages rendered by a partial build, read instead of theirs in `dist` (scan only). */
  overlay?: BuiltSite['overlay'];
  paths: ContentPaths;
  pages: readonly Page[];
  display: (file: string) => string;
  /** Page display path → absolute path. */
  absolute: (file: string) => string;
  /** Also check links that leave the site (`CHECK_EXTERNAL_LINKS=true`). */
  external: boolean;
  /** URLs of the site itself (canonical links): skipped, the local copy is what is checked. */
  siteUrl?: string;
  externalCache?: EntryStore<{ at: number; status: number }>;
  /** What each built page links to and its anchors, by HTML text (see `scanHtmlCached`). */
  scanCache?: EntryStore<StoredPage>;
  /** `scan` (default): read the built files; `linkinator`: crawl them through its server. */
  engine?: 'scan' | 'linkinator';
}

export interface LinkReport {
  diagnostics: Diagnostic[];
  /** Links checked (internal, plus external when asked). */
  checked: number;
  pages: number;
}

/**
 * Links on the built site: every page and anchor it links to, images, and alias redirect pages.
 * By default the built HTML files are read (`scanDist`, with a cache of each page's links); with
 * `engine: 'linkinator'` (`--crawl`) linkinator crawls them through its own static server instead.
 * Findings point at the Markdown line when the link is written in the page, else at the HTML.
 */
export async function lintLinks(options: LinkOptions): Promise<LinkReport> {
  const { dist, paths } = options;
  const html = listHtml(dist);
  if (html.length === 0) throw new Error(`no HTML files in ${dist}: build the site first (npm run build)`);
  const sources = buildLinkIndex(
    options.pages.filter((p) => p.kind !== 'boilerplate').map((page) => ({ page, path: pageUrl(paths, options.absolute(page.file)) })),
  );
  const diagnostics: Diagnostic[] = [...checkAliases(options)];

  const external: { url: string; parent: string }[] = [];
  let checked: number;
  if ((options.engine ?? 'scan') === 'scan') {
    const scan = scanDist({ dir: dist, overlay: options.overlay }, html, options.siteUrl, options.scanCache);
    // Keep this build's pages and as many older ones: enough for switching between two builds.
    options.scanCache?.save(2 * html.length);
    for (const p of scan.problems) {
      const [path, hash] = p.target.split('#');
      const message =
        p.kind === 'fragment'
          ? `no anchor #${hash} on ${path} (link ${p.target})`
          : `broken link ${p.target}: ${p.kind === 'image' ? 'image' : 'page'} not found in the built site`;
      const ruleId = p.kind === 'fragment' ? 'link-fragment' : p.kind === 'image' ? 'link-image' : 'link-broken';
      diagnostics.push(...placeLink(urlOfDistFile(p.from), p.target, targetKey(p.target), ruleId, message, sources, options, p.line));
    }
    external.push(...scan.external.map((e) => ({ url: e.url, parent: urlOfDistFile(e.from) })));
    checked = scan.links;
  } else {
    if (options.overlay) throw new Error('links: a crawl needs a full build (no partial overlay)');
    checked = await crawlWithLinkinator(dist, html, sources, options, diagnostics, external);
  }
  if (options.external && external.length > 0) {
    const answers = await checkExternal(
      external.map((e) => e.url),
      { cache: options.externalCache },
    );
    options.externalCache?.save();
    const byUrl = new Map(answers.map((a) => [a.url, a]));
    checked += answers.length;
    for (const e of new Map(external.map((x) => [x.url, x])).values()) {
      const answer = byUrl.get(e.url);
      if (!answer || answer.state === 'ok') continue;
      const ruleId = answer.state === 'network' ? 'link-external-network' : 'link-external';
      const message =
        answer.state === 'network'
          ? `network error reaching ${e.url}: ${answer.detail}; the host did not answer, so this may not be a broken link`
          : `external link ${e.url} answers ${answer.detail}`;
      diagnostics.push(...placeLink(e.parent, e.url, e.url, ruleId, message, sources, options));
    }
  }
  // One URL broken on several pages is reported for each; each report names every page writing it.
  const unique = new Map(diagnostics.map((d) => [`${d.file}:${d.line}:${d.column}:${d.ruleId}:${d.message}`, d]));
  return { diagnostics: [...unique.values()], checked, pages: html.length };
}

function brokenDiagnostics(link: LinkResult, sources: LinkIndex, options: LinkOptions): Diagnostic[] {
  const target = `/${link.url.replace(/^\/+/, '')}`;
  // A bad same-page anchor comes back without a parent: the page is the URL without its fragment.
  const parent = link.parent ? localPath(link.parent) : target.split('#')[0]!;
  const fragment = link.failureDetails?.find((d): d is Error => d instanceof Error && /Fragment identifier/.test(d.message));
  const [path, hash] = target.split('#');
  const image = isImage(path!);
  const message = fragment
    ? `no anchor #${hash} on ${path} (link ${target})`
    : `broken link ${target}${link.status ? ` (HTTP ${link.status})` : ''}${image ? ': image not found' : ': page not found'}`;
  const ruleId = fragment ? 'link-fragment' : image ? 'link-image' : 'link-broken';
  return placeLink(parent, target, targetKey(target), ruleId, message, sources, options);
}

/**
 * Puts a finding on every Markdown line that writes the link; when no page writes it (the layout,
 * an included file), on the line of the HTML page it was found on.
 */
function placeLink(
  parentPath: string,
  target: string,
  key: string,
  ruleId: string,
  message: string,
  sources: LinkIndex,
  options: LinkOptions,
  htmlLine?: number,
): Diagnostic[] {
  const found = sources.get(key);
  if (found?.length) return found.map(({ page, site }) => diagnostic(page.file, site.line, ruleId, message, { column: site.column }));
  const htmlFile = siteFile({ dir: options.dist, overlay: options.overlay }, distFileOf(parentPath));
  const needle = target.startsWith('#') ? `href="${target}"` : target.split('#')[0]!.replace(/\/$/, '');
  return [diagnostic(options.display(htmlFile), htmlLine ?? lineInFile(htmlFile, needle), ruleId, `${message} (in the page layout or an included file)`)];
}

/**
 * The same checks by crawling with linkinator through its static server (`engine: 'linkinator'`).
 * Kept for comparison: on a 1,000-page Starlight build (about 140 links per page, sidebar
 * included) it takes minutes where the file scan takes seconds.
 */
async function crawlWithLinkinator(
  dist: string,
  html: string[],
  sources: LinkIndex,
  options: LinkOptions,
  diagnostics: Diagnostic[],
  external: { url: string; parent: string }[],
): Promise<number> {
  // Loaded only for a crawl: the default scan does not need it.
  const { LinkChecker, LinkState } = await import('linkinator');
  // Only the crawl's own static server is followed; everything else is collected as external.
  // Its origin is linkinator's choice (http://localhost:<port>/ up to 7, http://127.0.0.1:<port>/
  // since 8), so it is read off the roots, which linkinator passes through linksToSkip before
  // fetching anything: a link on another port of the same host is still external.
  const roots = new Set(html.map((file) => `/${file.replace(/^\/+/, '')}`));
  let origin: string | undefined;
  const result = await new LinkChecker().check({
    path: html,
    serverRoot: dist,
    recurse: true,
    checkFragments: true,
    concurrency: 50,
    timeout: 10_000,
    linksToSkip: async (link) => {
      const url = URL.canParse(link) ? new URL(link) : undefined;
      if (!url) return true;
      origin ??= roots.has(url.pathname) && isLoopback(url.hostname) ? url.origin : undefined;
      return url.origin !== origin;
    },
  });
  for (const link of result.links) {
    if (link.state === LinkState.SKIPPED) {
      if (/^https?:\/\//.test(link.url) && !(options.siteUrl && link.url.startsWith(options.siteUrl))) {
        external.push({ url: link.url, parent: localPath(link.parent ?? '') });
      }
      continue;
    }
    if (link.state === LinkState.BROKEN) diagnostics.push(...brokenDiagnostics(link, sources, options));
  }
  return result.links.filter((l) => l.state !== LinkState.SKIPPED).length;
}

/** Every `aliases:` entry must have a redirect page in dist that points to the page. */
function checkAliases(options: LinkOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const page of options.pages) {
    // Valid aliases only: one the schema refuses (`/../x`) is reported as front matter, never read.
    const aliases = page.frontmatter?.aliases;
    if (!aliases) continue;
    const url = pageUrl(options.paths, options.absolute(page.file));
    const lines = page.source.split('\n');
    for (const alias of aliases) {
      const line = lines.findIndex((l) => l.includes(alias)) + 1;
      // The file the build writes for the alias (`redirectFile`: the same rule, not a second one).
      const file = join(options.dist, redirectFile(alias));
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
        out.push(diagnostic(page.file, line, 'link-alias', `alias ${alias} has no redirect page (expected ${options.display(file)})`));
        continue;
      }
      const target = refreshTarget(readFileSync(file, 'utf8'));
      const resolved = target === undefined ? undefined : normalizeTarget(target, alias);
      if (resolved?.replace(/\/?$/, '/') !== url) {
        out.push(
          diagnostic(page.file, line, 'link-alias', `alias ${alias}: ${options.display(file)} ${target ? `redirects to ${target}` : 'has no meta refresh'}, not to this page (${url})`),
        );
      }
    }
  }
  return out;
}

/** `http://127.0.0.1:4312/docs/a/index.html` or `docs/a/index.html` → `/docs/a/index.html`. */
function localPath(url: string): string {
  return `/${url.replace(/^https?:\/\/(?:localhost|127\.0\.0\.1):\d+\//, '').replace(/^\/+/, '')}`;
}

/** The hosts linkinator's static server listens on (`localhost` up to 7, `127.0.0.1` since 8). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1';
}

function isImage(path: string): boolean {
  return /\.(png|jpe?g|gif|svg|webp|avif|ico)$/i.test(path);
}
