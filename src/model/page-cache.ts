import { keyOf, openCache, type Cache } from '../cache/index.ts';
import type { PageKind } from './frontmatter.ts';
import { parsePage, readPageSource, type Page } from './parse.ts';

interface Stored {
  pages: Map<string, Page>;
}

const file = 'pages.v8';

/**
 * Parsed pages kept between runs. micromark parses about 0.5 MB/s on these machines (3–5 s for
 * 1,000 pages); reading the same trees back with `v8.deserialize` takes about 0.3 s, and keeps
 * the code blocks' `node` pointing into their page's tree. A page is found again by its text,
 * kind and display path; anything else (the model's code, the parsers: src/cache/tools.ts) changes
 * the fingerprint and drops the whole cache.
 */
export class PageCache {
  private readonly old: Map<string, Page>;
  private readonly used = new Map<string, Page>();
  private parsed = 0;

  private readonly cache: Cache;

  private constructor(cache: Cache, stored: Map<string, Page>) {
    this.cache = cache;
    this.old = stored;
  }

  /** The parsed pages in node_modules/.cache/meshdocs/pages/, or below `root`. */
  static open(root?: string): PageCache {
    const cache = openCache('pages', { root });
    const pages = cache.read<Stored>(file, 'v8')?.pages;
    return new PageCache(cache, pages instanceof Map ? pages : new Map());
  }

  /** The file the pages are kept in. */
  get file(): string {
    return this.cache.file(file);
  }

  /** Reads and parses `path`, or returns the page parsed from the same text before. */
  load(path: string, kind: PageKind, display: string): Page {
    return this.page(readPageSource(path), kind, display);
  }

  /** `parsePage(source, kind, display)`, or the page parsed from the same text before. */
  page(source: string, kind: PageKind, display: string): Page {
    const { key, page } = this.find(source, kind, display);
    this.used.set(key, page);
    return page;
  }

  /**
   * `page(…)`, but the page is no longer kept (not saved, not handed out again): the caller may change
   * its tree, and a caller that takes every page once (the site's renderer) does not hold them all.
   */
  take(source: string, kind: PageKind, display: string): Page {
    const { key, page } = this.find(source, kind, display);
    this.used.delete(key);
    this.old.delete(key);
    return page;
  }

  /** The page of this text, kind and display path: kept from before, or parsed now. */
  private find(source: string, kind: PageKind, display: string): { key: string; page: Page } {
    const key = keyOf(kind, display, source);
    const kept = this.used.get(key) ?? this.old.get(key);
    if (kept) return { key, page: kept };
    this.parsed++;
    return { key, page: parsePage(source, kind, display) };
  }

  /** Pages parsed (not found in the cache) so far. */
  get misses(): number {
    return this.parsed;
  }

  /**
   * Writes the pages used in this run, plus older entries of other files up to `limit` (so
   * linting a bench corpus does not evict the project's own pages; an edited page keeps only its
   * newest text).
   */
  save(limit = 3_000): void {
    // Nothing parsed: every page used came from the file, which stays as it is.
    if (this.parsed === 0) return;
    const pages = new Map(this.used);
    const files = new Set([...this.used.values()].map((p) => p.file));
    for (const [key, page] of this.old) {
      if (pages.size >= limit) break;
      if (!pages.has(key) && !files.has(page.file)) pages.set(key, page);
    }
    this.cache.write(file, { pages } satisfies Stored, 'v8');
  }
}
