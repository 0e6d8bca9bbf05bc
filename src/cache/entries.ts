/** What an entry store needs of its cache (src/cache/cache.ts). */
export interface EntryFiles {
  read<T extends object>(name: string): T | undefined;
  write(name: string, value: object): void;
  file(name: string): string;
}

interface Stored<T> {
  entries: Record<string, T>;
}

/**
 * A key → value map in one JSON file of a cache (results per page text, per URL). Stored under the
 * cache's fingerprint: another tool version, config or word list reads as empty.
 */
export class EntryStore<T> {
  private entries: Record<string, T>;
  private dirty = false;
  private readonly used = new Set<string>();

  private readonly cache: EntryFiles;
  private readonly name: string;

  constructor(cache: EntryFiles, name: string) {
    this.cache = cache;
    this.name = name;
    this.entries = cache.read<Stored<T>>(name)?.entries ?? {};
  }

  get file(): string {
    return this.cache.file(this.name);
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
   * Writes the entries used in this run first, then older ones up to `limit`, so linting another
   * tree (a bench corpus, a fixture) does not evict the project's.
   */
  save(limit = 20_000): void {
    if (!this.dirty) return;
    const keys = [...this.used, ...Object.keys(this.entries).filter((k) => !this.used.has(k))].slice(0, limit);
    this.cache.write(this.name, { entries: Object.fromEntries(keys.map((k) => [k, this.entries[k]!])) } satisfies Stored<T>);
  }
}
