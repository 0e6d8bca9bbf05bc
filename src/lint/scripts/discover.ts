import { basename } from 'node:path';
import type { ContentPaths } from '../../config/paths.ts';
import { walkTree } from '../../model/tree-walk.ts';

/** Files below `dir` by name, walked as every command walks the tree (the walk's problems are reported with the pages'). */
function walk(dir: string, keep: (name: string) => boolean, within: string): string[] {
  return walkTree(dir, within).files.filter((f) => keep(basename(f)));
}

/** Every doc test: files under docs whose name ends in `test.sh` (`test.sh`, `gtwapi_test.sh`…), as istio.io. */
export function findTestScripts(paths: ContentPaths): string[] {
  return walk(paths.docs, (name) => name.endsWith('test.sh'), paths.content);
}

/** Generated snips on disk: each page's `snips.sh` and the boilerplate snips. */
export function findSnipsFiles(paths: ContentPaths): string[] {
  return [...walk(paths.docs, (name) => name === 'snips.sh', paths.content), ...walk(paths.boilerplateSnips, (name) => name.endsWith('.sh'), paths.content)];
}
