import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { projectRoot } from '../config/paths.ts';
import { EntryStore } from './entries.ts';
import { fingerprint, shortHash, type Inputs } from './fingerprint.ts';
import type { Tool } from './tools.ts';

/** Where every cache lives unless told otherwise (like other tools' caches). */
export const defaultCacheRoot = join(projectRoot, 'node_modules', '.cache', 'meshdocs');

export interface CacheOptions {
  /**
   * The content directory the results are of: the cache is that tree's own (<tool>/<hash of the
   * path>/), so switching trees never mixes or evicts results, and it goes once the tree is gone
   * (the temporary trees of tests and benchmarks).
   */
  tree?: string;
  /** What the results depend on besides the tool's code (tools.ts). */
  inputs?: Inputs;
  /** Another directory than node_modules/.cache/meshdocs (`runLint({ cache: dir })`, tests). */
  root?: string;
}

export type Format = 'json' | 'v8';

/** Removes a tool's cache (every tree's): benchmarks measure runs with empty caches. */
export function clearCache(tool: Tool, root = defaultCacheRoot): void {
  rmSync(join(root, tool), { recursive: true, force: true });
}

/** A tool's cache directory, with its fingerprint and atomic reads and writes of its files. */
export interface Cache {
  readonly tool: Tool;
  /** The directory (created on open). */
  readonly dir: string;
  /** The tool's code and the inputs: what was stored under another is not read back. */
  readonly fingerprint: string;
  file(name: string): string;
  /**
   * A directory of this cache for one output directory (`out`), made on first use; those of
   * outputs gone for `graceMs` go on the way (an output appears only when its build finishes).
   */
  forOutput(out: string, graceMs?: number): string;
  /** What `write` stored under `name` with this fingerprint; undefined when missing, unreadable or stale. */
  read<T extends object>(name: string, format?: Format): T | undefined;
  /** Stores `value` (with the fingerprint) atomically. A cache that cannot be written only costs time: never throws. */
  write(name: string, value: object, format?: Format): void;
  /** A key → value map in one JSON file (results per page text, per URL…). */
  entries<T>(name?: string): EntryStore<T>;
}

/**
 * The one way to open a cache: `openCache(tool, { tree, inputs })`. Where it lives and how it is
 * keyed is decided here: `<root>/<tool>/` (or `<root>/<tool>/<tree>/` for one tree's), fingerprinted
 * with the tool's code (tools.ts) and the inputs.
 */
export function openCache(tool: Tool, options: CacheOptions = {}): Cache {
  const base = join(options.root ?? defaultCacheRoot, tool);
  const dir = options.tree ? scopedDir(base, resolve(options.tree), 0) : base;
  mkdirSync(dir, { recursive: true });
  let key: string | undefined;
  const cache: Cache = {
    tool,
    dir,
    get fingerprint() {
      return (key ??= fingerprint(tool, options.inputs));
    },
    file: (name) => join(dir, name),
    forOutput: (out, graceMs = 86_400_000) => scopedDir(join(dir, 'outputs'), resolve(out), graceMs),
    read<T extends object>(name: string, format: Format = 'json'): T | undefined {
      try {
        const raw = readFileSync(join(dir, name));
        const data = (format === 'v8' ? deserialize(raw) : JSON.parse(raw.toString('utf8'))) as { fingerprint?: unknown };
        return data.fingerprint === cache.fingerprint ? (data as T) : undefined;
      } catch {
        return undefined; // none yet, or written by another Node version
      }
    },
    write(name, value, format = 'json') {
      const data = { ...value, fingerprint: cache.fingerprint };
      writeAtomic(join(dir, name), format === 'v8' ? serialize(data) : JSON.stringify(data));
    },
    entries: <T>(name = 'entries.json') => new EntryStore<T>(cache, name),
  };
  return cache;
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomic(file: string, data: string | Buffer): void {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    // read-only checkout or full disk: the next run computes again
  }
}

/**
 * `<base>/<hash of path>/`, marked with the path it is for. Those of paths gone for `graceMs` are
 * removed on the way: a tree's at once (trees exist before their caches), an output's after a while.
 */
function scopedDir(base: string, path: string, graceMs: number): string {
  if (existsSync(base)) {
    for (const name of readdirSync(base)) {
      const marker = join(base, name, 'for');
      try {
        if (!existsSync(readFileSync(marker, 'utf8')) && Date.now() - statSync(marker).mtimeMs >= graceMs) rmSync(join(base, name), { recursive: true, force: true });
      } catch {
        // not a scoped directory, or being made by another process
      }
    }
  }
  const dir = join(base, shortHash(path));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'for'), path);
  return dir;
}
