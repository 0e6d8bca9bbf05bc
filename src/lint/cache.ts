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

  /** Writes the entries used in this run (so the file does not grow forever), atomically. */
  save(keepUnused = false): void {
    if (!this.dirty && (keepUnused || this.used.size === Object.keys(this.entries).length)) return;
    const entries = keepUnused ? this.entries : Object.fromEntries([...this.used].map((k) => [k, this.entries[k]]));
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: this.version, entries }));
    renameSync(tmp, this.file);
  }
}
