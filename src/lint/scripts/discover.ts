import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentPaths } from '../../config/paths.ts';

function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => keep(f.split(/[\\/]/).pop()!))
    .map((f) => join(dir, f))
    .sort();
}

/** Every doc test: files under docs whose name ends in `test.sh` (`test.sh`, `gtwapi_test.sh`…), as istio.io. */
export function findTestScripts(paths: ContentPaths): string[] {
  return walk(paths.docs, (name) => name.endsWith('test.sh'));
}

/** Generated snips on disk: each page's `snips.sh` and the boilerplate snips. */
export function findSnipsFiles(paths: ContentPaths): string[] {
  return [...walk(paths.docs, (name) => name === 'snips.sh'), ...walk(paths.boilerplateSnips, (name) => name.endsWith('.sh'))];
}
