/**
 * Two rules of the code's shape, read off the imports of every source file: child processes are
 * started from `src/process/` only, and nothing in `src/` or `scripts/` imports itself round a cycle
 * (type-only imports count: a cycle of types is still two modules that cannot be read apart).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { cycles, importGraph, importsOf, shown, sourceFiles } from '../helpers/import-graph.ts';

const processModules = new Set(['child_process', 'node:child_process', 'execa']);
const processDir = join(projectRoot, 'src/process') + '/';

describe('imports', () => {
  test('the scan sees every way of importing a module', () => {
    const text = [
      "import { spawn } from 'node:child_process';",
      "import type { Options } from 'execa';",
      "export { execa } from 'execa';",
      "const cp = require('child_process');",
      "const later = await import('execa');",
      "// import { execa } from 'not-this-one'",
      "const s = \"import x from 'nor-this'\";",
    ].join('\n');
    expect(importsOf(text)).toEqual(['node:child_process', 'execa', 'execa', 'child_process', 'execa']);
  });

  test('only src/process/ imports child_process or execa (src, scripts, tests)', () => {
    const files = ['src', 'scripts', 'tests'].flatMap((d) => sourceFiles(join(projectRoot, d)));
    expect(files.length).toBeGreaterThan(100);
    const { external } = importGraph(files);
    const offenders = [...external]
      .filter(([file, specs]) => !file.startsWith(processDir) && specs.some((s) => processModules.has(s)))
      .map(([file]) => file);
    expect(shown(projectRoot, offenders)).toEqual([]);
    // The rule is not empty: src/process is where they are imported.
    expect([...external].some(([file, specs]) => file.startsWith(processDir) && specs.includes('execa'))).toBe(true);
  });

  test('no import cycle in src/ or scripts/, type-only imports included', () => {
    const files = ['src', 'scripts'].flatMap((d) => sourceFiles(join(projectRoot, d)));
    const graph = importGraph(files);
    expect(cycles(graph.edges).map((c) => shown(projectRoot, c))).toEqual([]);
  });

  test('the cycle finder finds a cycle, a self-import, and none in a chain', () => {
    const g = (pairs: [string, string[]][]) => new Map(pairs);
    expect(cycles(g([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(g([['a', ['a']]]))).toEqual([['a']]);
    expect(cycles(g([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});
