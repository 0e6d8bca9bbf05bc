import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where lint keeps results between runs (`node_modules/.cache/meshdocs`, like other tools' caches). */
export function cacheDir(projectRoot: string): string {
  return join(projectRoot, 'node_modules', '.cache', 'meshdocs');
}

export function hashOf(...parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/**
 * A JSON map from key to value in one file. `version` invalidates everything (tool version, config
 * and word list hashes); unreadable or foreign files are treated as empty.
 */
export class JsonCache<T> {
  private entries: Record<string, T> = {};
  private dirty = false;
  private used = new Set<string>();

  constructor(
    readonly file: string,
    readonly version: string,
  ) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; entries?: Record<string, T> };
      if (data.version === version && data.entries) this.entries = data.entries;
    } catch {
      // no cache yet
    }
  }

  get(key: string): T | undefined {
    const value = this.entries[key];
    if (value !== undefined) this.used.add(key);
    return value;
  }

  set(key: string, value: T): void {
    this.entries[key] = value;
    this.used.add(key);
    this.dirty = true;
  }

  /**
   * Writes the cache atomically: the entries used in this run first, then older ones up to
   * `limit`, so linting another tree (a bench corpus, a fixture) does not evict the project's.
   */
  save(limit = 20_000): void {
    if (!this.dirty) return;
    const keys = [...this.used, ...Object.keys(this.entries).filter((k) => !this.used.has(k))].slice(0, limit);
    const entries = Object.fromEntries(keys.map((k) => [k, this.entries[k]]));
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: this.version, entries }));
    renameSync(tmp, this.file);
  }
}
