import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ContentPaths } from '../../config/paths.ts';
import { diagnostic, type Diagnostic } from '../../model/diagnostic.ts';
import type { Page } from '../../model/parse.ts';
import { generatorFindingsForLint } from '../../model/rules/index.ts';
import { parseTestScript, type TestScript } from '../../runner/test-script.ts';
import { compareTreeSnips, generateTreeSnips } from '../../snips/index.ts';
import type { SnipDefinition, TreeSnips } from '../../snips/types.ts';
import { findSnipsFiles, findTestScripts } from './discover.ts';
import { runShellcheckCached, type ShellcheckFinding } from './shellcheck.ts';
import { readDiskSnips } from './snips-on-disk.ts';

export interface PageCoverage {
  /** Markdown file (display path). */
  file: string;
  /** Bash-block snip functions of the page. */
  total: number;
  /** Those no test calls, with the line of their code block. */
  uncalled: { name: string; line: number }[];
}

export interface CoverageReport {
  pages: PageCoverage[];
  total: number;
  called: number;
}

export interface ScriptsResult {
  diagnostics: Diagnostic[];
  coverage: CoverageReport;
  /** Shell files checked (tests and snips). */
  files: number;
}

export interface ScriptsOptions {
  /** File path → path shown to the user. */
  display: (file: string) => string;
  /** All pages (for the coverage of each tested page). */
  pages: readonly Page[];
  /** The same pages by absolute path, handed to the generator so it does not parse them again. */
  parsed?: ReadonlyMap<string, Page>;
  /** The caches' directory (src/cache), where shellcheck's findings are kept between runs (optional). */
  cacheRoot?: string;
}

/**
 * The generator's own findings lint passes on, from the registry (src/model/rules/tree-checks.ts);
 * what it shares with the page rules, lint reports once, under the rule's id, from the Markdown check.
 */
const generatorOwn = generatorFindingsForLint();

/** A generated snips file as lint sees it: what a test that sources it can call. */
interface SnipsUnit {
  /** Absolute path of the generated file. */
  target: string;
  /** Markdown source (display path). */
  markdown: string | undefined;
  tested: boolean;
  definitions: SnipDefinition[];
  /** Absolute paths of snips files it sources (boilerplates). */
  sources: string[];
}

/**
 * Everything about shell in the docs, without a build or network: snips freshness, shellcheck over
 * snips and tests, the test-script contract, calls to snips that do not exist, tested pages with no
 * test, and which bash blocks of tested pages no test calls.
 */
export async function lintScripts(paths: ContentPaths, options: ScriptsOptions): Promise<ScriptsResult> {
  const { display } = options;
  const diagnostics: Diagnostic[] = [];

  const tree = generateTreeSnips(paths, { display, parsed: options.parsed });
  // The generator's own findings that no Markdown rule covers (names, ids, boilerplate cycles).
  diagnostics.push(...tree.diagnostics.filter((d) => generatorOwn.has(d.ruleId)));
  for (const problem of compareTreeSnips(tree)) {
    const what = { missing: 'is missing', outdated: 'is out of date', stale: 'should not exist (its page is no longer tested)' }[problem.status];
    const fix = problem.status === 'stale' ? 'run `npm run snips` to remove it' : 'run `npm run snips` and commit the result';
    diagnostics.push(diagnostic(display(problem.file), 0, 'snips-fresh', `generated file ${what}: ${fix}`));
  }

  const units = snipsUnits(paths, tree);
  const testFiles = findTestScripts(paths);
  const tests = testFiles.map((file) => parseTestScript(file, undefined, display(file)));
  for (const test of tests) diagnostics.push(...test.diagnostics);

  // Which snips files each test sees: its directory's snips.sh, what it sources, and what those source.
  const seen = new Map<TestScript, Set<string>>();
  for (const test of tests) {
    const roots = [join(dirname(test.file), 'snips.sh'), ...test.sources.map((s) => resolveSourced(paths, test.file, s.path))];
    seen.set(test, closure(roots, units));
  }

  for (const test of tests) {
    const visible = seen.get(test)!;
    const names = new Set<string>();
    for (const target of visible) for (const d of units.get(target)?.definitions ?? []) names.add(d.name);
    for (const ref of test.snips) {
      if (names.has(ref.name)) continue;
      const near = closest(ref.name, names);
      const files = [...visible].filter((f) => units.has(f)).map(display);
      const where = files.length ? files.join(', ') : `${display(join(dirname(test.file), 'snips.sh'))} (not generated: is the page "test: yes"?)`;
      diagnostics.push(
        diagnostic(display(test.file), ref.line, 'snip-undefined', `${ref.name} is not defined in the snips this test sources (${where})${near ? `; did you mean ${near}?` : ''}`, {
          column: ref.column,
        }),
      );
    }
  }

  const coverage: CoverageReport = { pages: [], total: 0, called: 0 };
  for (const unit of units.values()) {
    if (!unit.tested || !unit.markdown) continue;
    const testsOfPage = tests.filter((t) => seen.get(t)!.has(unit.target));
    if (testsOfPage.length === 0) {
      const page = options.pages.find((p) => p.file === unit.markdown);
      const line = page ? lineOfKey(page, 'test') : 1;
      diagnostics.push(
        diagnostic(unit.markdown, line, 'test-missing', `"test: yes" but no test runs this page: add ${display(join(dirname(unit.target), 'test.sh'))} (or source its snips.sh from a test)`),
      );
    }
    const called = new Set(testsOfPage.flatMap((t) => t.snips.map((s) => s.name)));
    const functions = unit.definitions.filter((d) => d.kind === 'function');
    const uncalled = functions.filter((d) => !called.has(d.name)).map((d) => ({ name: d.name, line: d.line }));
    coverage.pages.push({ file: unit.markdown, total: functions.length, uncalled });
    coverage.total += functions.length;
    coverage.called += functions.length - uncalled.length;
  }

  const snipsFiles = findSnipsFiles(paths);
  const shellFiles = [...testFiles, ...snipsFiles];
  const findings = await runShellcheckCached(shellFiles.map((f) => relative(paths.root, f)), paths.root, options.cacheRoot);
  // Generated snips: warnings and errors only. An author cannot put a `# shellcheck disable` in a
  // page's command, and info/style notes (SC2016 on a deliberately literal '$x') would be noise.
  const generated = new Set(snipsFiles);
  const kept = findings.filter((f) => !(generated.has(resolve(paths.root, f.file)) && (f.level === 'info' || f.level === 'style')));
  diagnostics.push(...kept.map((f) => shellcheckDiagnostic(f, paths, units, display)));

  return { diagnostics, coverage, files: shellFiles.length };
}

function snipsUnits(paths: ContentPaths, tree: TreeSnips): Map<string, SnipsUnit> {
  const units = new Map<string, SnipsUnit>();
  for (const page of tree.pages) {
    if (page.content === undefined) continue;
    units.set(page.target, {
      target: page.target,
      markdown: page.source,
      tested: page.kind === 'docs',
      definitions: page.definitions,
      sources: page.sources.map((s) => resolve(paths.root, s)),
    });
  }
  return units;
}

/** `source "content/en/docs/x/snips.sh"` is relative to the docs root (tests `cd` there); else to the script. */
function resolveSourced(paths: ContentPaths, testFile: string, sourced: string): string {
  const fromRoot = resolve(paths.root, sourced);
  return existsSync(fromRoot) ? fromRoot : resolve(dirname(testFile), sourced);
}

function closure(roots: string[], units: Map<string, SnipsUnit>): Set<string> {
  const out = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const next = queue.shift()!;
    if (out.has(next)) continue;
    out.add(next);
    queue.push(...(units.get(next)?.sources ?? []));
  }
  return out;
}

/** A shellcheck finding in a generated snips function points at the Markdown line it came from. */
function shellcheckDiagnostic(f: ShellcheckFinding, paths: ContentPaths, units: Map<string, SnipsUnit>, display: (file: string) => string): Diagnostic {
  const file = resolve(paths.root, f.file);
  const message = `${f.message} (shellcheck ${f.level})`;
  const id = `SC${f.code}`;
  const unit = units.get(file);
  if (unit?.markdown) {
    const disk = readDiskSnips(file);
    let best: { name: string; line: number } | undefined;
    for (const [name, line] of disk?.definitions ?? []) if (line < f.line && (!best || line > best.line)) best = { name, line };
    const definition = best && unit.definitions.find((d) => d.name === best.name && d.kind === 'function');
    if (best && definition && definition.line > 0) {
      const mdLine = definition.line + (f.line - best.line);
      return diagnostic(unit.markdown, mdLine, id, `${message}, in ${best.name} (${display(file)}:${f.line})`);
    }
  }
  return diagnostic(display(file), f.line, id, message, { column: f.column });
}

function lineOfKey(page: Page, key: string): number {
  const index = page.source.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}

/** The defined name closest to a misspelt one (edit distance ≤ 3), for "did you mean". */
function closest(name: string, names: Set<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of names) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
