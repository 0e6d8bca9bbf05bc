import type { LoaderContext } from 'astro/loaders';
import { keyOf, openCache, type Cache } from '../cache/index.ts';
import type { ContentPaths } from '../config/paths.ts';

/** What Astro stores as an entry's `rendered` (its HTML and metadata: headings, front matter, images). */
export type Rendered = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

interface Stored {
  /** Key (page path and text) → its page path and what Astro stores as its `rendered`. */
  pages: Map<string, { file: string; rendered: Rendered }>;
}

const name = 'rendered.v8';

/**
 * The HTML (and metadata) of every page rendered, kept between builds by the page's path and text,
 * in the tree's own cache under a fingerprint of the site's code (the renderer, Starlight and Astro
 * by their versions in package-lock.json: src/cache/tools.ts) and of what pages include
 * (`includesDigest`): a change to either renders every page again. v8, not JSON: front matter may
 * hold dates, which Astro hands on as `Date`s.
 */
export class RenderedPages {
  private old: Stored['pages'] | undefined;
  private readonly used: Stored['pages'] = new Map();
  private changed = false;
  private readonly cache: Cache;

  constructor(paths: ContentPaths, includes: string) {
    this.cache = openCache('rendered', { tree: paths.content, inputs: { values: [includes] } });
  }

  get(file: string, source: string): Rendered | undefined {
    const key = keyOf(file, source);
    const hit = this.used.get(key) ?? this.stored().get(key);
    if (hit) this.used.set(key, hit);
    return hit?.rendered;
  }

  set(file: string, source: string, rendered: Rendered): void {
    this.used.set(keyOf(file, source), { file, rendered });
    this.changed = true;
  }

  /**
   * Writes the pages rendered or found in this run, and those of other files kept before (a partial
   * build renders a few pages: the others stay), up to `limit`; an edited page keeps its newest text.
   */
  save(limit = 20_000): void {
    if (!this.changed) return;
    const pages = new Map(this.used);
    const files = new Set([...this.used.values()].map((p) => p.file));
    for (const [key, page] of this.stored()) {
      if (pages.size >= limit) break;
      if (!pages.has(key) && !files.has(page.file)) pages.set(key, page);
    }
    this.cache.write(name, { pages } satisfies Stored, 'v8');
    this.old = pages;
    this.changed = false;
  }

  /** What was kept before, read on first use (a build whose pages Astro's store holds reads nothing). */
  private stored(): Stored['pages'] {
    if (!this.old) {
      const pages = this.cache.read<Stored>(name, 'v8')?.pages;
      this.old = pages instanceof Map ? pages : new Map();
    }
    return this.old;
  }
}
