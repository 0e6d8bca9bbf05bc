import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../src/config/paths.ts';

export const demoSite = resolve(projectRoot, 'tests/fixtures/migrate/hugo-site');
export const istioFixtures = resolve(projectRoot, '../shared/fixtures/istio.io');

/** A fresh directory below the OS temp dir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `meshdocs-${prefix}-`));
}

/** One hash over every file's path, mode and bytes: proves a tree was not changed. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = join(dir, rel);
    const stat = statSync(file);
    hash.update(`${rel}\0${stat.isDirectory() ? 'd' : stat.mode.toString(8)}\0`);
    if (stat.isFile()) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Runs a package script the way a user does (`npm run <name> -- …`), without failing on exit codes. */
/** Runs a script of ours as `npm run` does: Node 24 runs TypeScript (erasable syntax only, tsconfig.json). */
export const node = process.execPath;
