import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { walkTree } from '../model/tree-walk.ts';
import { parseTestScript } from './test-script.ts';
import type { DocTest } from './types.ts';

export interface Selection {
  /** Test files or directories, absolute or relative to `cwd`; none means every test. */
  selectors: string[];
  /** Keeps tests whose id (path relative to the docs directory) matches. */
  run?: RegExp;
  /** Exact ids to keep (`--rerun-failed`). */
  ids?: Set<string>;
  cwd: string;
}

export interface Discovery {
  tests: DocTest[];
  /** Bad selectors and malformed scripts: the CLI exits 2 on any. */
  diagnostics: Diagnostic[];
}

/** Every file below `dir` whose name ends with `test.sh` (istio.io's rule), sorted. Walked as every command walks the tree. */
export function listTestScripts(dir: string, within = dir): string[] {
  return walkTree(dir, within).files.filter((f) => basename(f).endsWith('test.sh'));
}

export const toPosix = (p: string): string => p.split(sep).join('/');

/** Finds the selected tests and parses them; scripts that break the contract become diagnostics. */
export function discoverTests(paths: ContentPaths, selection: Selection): Discovery {
  const diagnostics: Diagnostic[] = [];
  const files = new Set<string>();
  const roots = selection.selectors.length > 0 ? selection.selectors : [paths.docs];
  for (const sel of roots) {
    const abs = isAbsolute(sel) ? sel : resolve(selection.cwd, sel);
    if (!existsSync(abs)) {
      diagnostics.push(diagnostic(sel, 0, 'doctest-selection', 'no such test file or directory'));
      continue;
    }
    const rel = relative(paths.docs, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      diagnostics.push(
        diagnostic(sel, 0, 'doctest-selection', `not inside the docs directory ${paths.docs} (set MESHDOCS_CONTENT or --content)`),
      );
      continue;
    }
    if (statSync(abs).isDirectory()) {
      for (const f of listTestScripts(abs, paths.content)) files.add(f);
    } else if (abs.endsWith('test.sh')) {
      files.add(abs);
    } else {
      diagnostics.push(diagnostic(sel, 0, 'doctest-selection', `not a test script (its name must end with 'test.sh')`));
    }
  }
  const tests: DocTest[] = [];
  for (const file of [...files].sort()) {
    const id = toPosix(relative(paths.docs, file));
    if (selection.run && !selection.run.test(id)) continue;
    if (selection.ids && !selection.ids.has(id)) continue;
    const script = parseTestScript(file, undefined, toPosix(relative(selection.cwd, file)) || file);
    diagnostics.push(...script.diagnostics);
    const dir = dirname(file);
    const page = ['index.md', '_index.md'].map((n) => join(dir, n)).find((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
    tests.push({ file, id, pageDir: toPosix(relative(paths.docs, dir)), page, script });
  }
  return { tests, diagnostics };
}

/** Groups tests by their exact `# @setup` string, in name order within each group. */
export function groupBySetup(tests: DocTest[]): Map<string, DocTest[]> {
  const groups = new Map<string, DocTest[]>();
  for (const t of [...tests].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = t.script.setup ?? '';
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return groups;
}
