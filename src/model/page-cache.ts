import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { projectRoot } from '../config/paths.ts';
import type { PageKind } from './frontmatter.ts';
import { parsePage, readPageSource, type Page } from './parse.ts';

/**
 * What a parse result depends on besides the page: the page model's code and the parsers'
 * versions (package-lock.json). Computed once per process.
 */
let fingerprint: string | undefined;
export function modelFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const model = join(projectRoot, 'src/model');
  // Recursive: the rule registry (src/model/rules/) decides findings too.
  const files = readdirSync(model, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  for (const f of files.map((e) => join(e.parentPath, e.name)).sort()) hash.update(f.slice(model.length)).update(readFileSync(f));
  try {
    hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  } catch {
    // no lock file: the model's code alone
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

interface Stored {
  fingerprint: string;
  pages: Map<string, Page>;
}

/**
 * Parsed pages kept between runs. micromark parses about 0.5 MB/s on these machines (3–5 s for
 * 1,000 pages); reading the same trees back with `v8.deserialize` takes about 0.3 s, and keeps
 * the code blocks' `node` pointing into their page's tree. A page is found again by its text,
 * kind and display path; anything else (the model's code, the parsers) changes the fingerprint
 * and drops the whole cache.
 */
export class PageCache {
  private readonly old: Map<string, Page>;
  private readonly used = new Map<string, Page>();
  private parsed = 0;

  private constructor(
    readonly file: string,
    stored: Map<string, Page>,
  ) {
    this.old = stored;
  }

  static open(file: string): PageCache {
    try {
      const data = deserialize(readFileSync(file)) as Stored;
      if (data.fingerprint === modelFingerprint() && data.pages instanceof Map) return new PageCache(file, data.pages);
    } catch {
      // no cache yet, or one written by another Node version: start empty
    }
    return new PageCache(file, new Map());
  }

  /** Reads and parses `path`, or returns the page parsed from the same text before. */
  load(path: string, kind: PageKind, display: string): Page {
    return this.page(readPageSource(path), kind, display);
  }

  /** `parsePage(source, kind, display)`, or the page parsed from the same text before. */
  page(source: string, kind: PageKind, display: string): Page {
    const key = createHash('sha1').update(kind).update('\0').update(display).update('\0').update(source).digest('hex');
    let page = this.used.get(key) ?? this.old.get(key);
    if (!page) {
      page = parsePage(source, kind, display);
      this.parsed++;
    }
    this.used.set(key, page);
    return page;
  }

  /** Pages parsed (not found in the cache) so far. */
  get misses(): number {
    return this.parsed;
  }

  /**
   * Writes the pages used in this run, plus older entries of other files up to `limit` (so
   * linting a bench corpus does not evict the project's own pages; an edited page keeps only its
   * newest text). Atomic; a cache that cannot be written only costs time.
   */
  save(limit = 3_000): void {
    if (this.parsed === 0 && this.used.size === this.old.size) return;
    const pages = new Map(this.used);
    const files = new Set([...this.used.values()].map((p) => p.file));
    for (const [key, page] of this.old) {
      if (pages.size >= limit) break;
      if (!pages.has(key) && !files.has(page.file)) pages.set(key, page);
    }
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialize({ fingerprint: modelFingerprint(), pages } satisfies Stored));
      renameSync(tmp, this.file);
    } catch {
      // read-only checkout or full disk: the next run parses again
    }
  }
}
