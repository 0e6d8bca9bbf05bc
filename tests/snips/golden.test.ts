/**
 * Golden files: each folder of tests/fixtures/snips/ is a small docs repo (content/, data/) whose
 * generated files are committed beside its pages, as `npm run snips` would write them. The test
 * regenerates the tree and compares byte for byte; `expected-diagnostics.txt` and
 * `expected-stale.txt` hold the expected reports. `UPDATE=1 npx vitest run tests/snips` rewrites
 * the expectations (stale files are fixtures and are never deleted by UPDATE).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { formatDiagnostic, sortDiagnostics } from '../../src/model/diagnostic.ts';
import { generateTreeSnips, namesAvailable } from '../../src/snips/index.ts';
import { runSync, runSyncOrThrow } from '../../src/process/index.ts';

const fixtures = join(projectRoot, 'tests/fixtures/snips');
const update = 'UPDATE' in process.env;
const scenarios = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'content/en')));

/** Scenarios whose pages are meant to be wrong: their files are not valid bash (istio.io's Q5). */
const invalidOnPurpose = new Set(['errors']);

function expectation(root: string, name: string, actual: string): string {
  const file = join(root, name);
  if (update) writeFileSync(file, actual);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

test('every scenario is found', () => {
  expect(scenarios).toEqual(expect.arrayContaining(['blocks', 'boilerplates', 'errors', 'naming']));
});

describe.each(scenarios)('%s', (scenario) => {
  const root = join(fixtures, scenario);
  const paths = resolveContentPaths(join(root, 'content'));
  const tree = generateTreeSnips(paths);
  const generated = tree.pages.filter((p) => p.content !== undefined);

  test('generated files equal the committed ones', () => {
    expect(generated.length).toBeGreaterThan(0);
    for (const page of generated) {
      if (update) {
        mkdirSync(dirname(page.target), { recursive: true });
        writeFileSync(page.target, page.content!);
      }
      const committed = existsSync(page.target) ? readFileSync(page.target, 'utf8') : '(missing)';
      expect(committed, relative(root, page.target)).toBe(page.content);
    }
  });

  test('stale files are exactly the expected ones', () => {
    const actual = tree.stale.map((f) => `${relative(root, f)}\n`).join('');
    expect(actual).toBe(expectation(root, 'expected-stale.txt', actual));
  });

  test('diagnostics are exactly the expected ones', () => {
    const actual = sortDiagnostics(tree.diagnostics)
      .map((d) => `${formatDiagnostic(d)}\n`)
      .join('');
    expect(actual).toBe(expectation(root, 'expected-diagnostics.txt', actual));
    if (!invalidOnPurpose.has(scenario)) expect(tree.diagnostics).toEqual([]);
  });

  test.skipIf(invalidOnPurpose.has(scenario))('generated files pass bash -n and shellcheck', () => {
    const files = generated.map((p) => p.target);
    for (const file of files) runSyncOrThrow('bash', ['-n', file]);
    // shellcheck exits non-zero on any finding; the output names file, line and code.
    runSyncOrThrow('shellcheck', ['-s', 'bash', '-x', ...files], { cwd: root });
  });
});

describe('blocks: quoting', () => {
  const root = join(fixtures, 'blocks');

  /** Sources the file in a bash with no commands on PATH and prints the named variables, NUL-separated. */
  function sourceAndRead(file: string, names: string[]): string[] {
    const script = `set -eu\nsource "$1"\nshift\nfor n in "$@"; do printf '%s\\0' "\${!n}"; done\n`;
    // --norc: bash reads ~/.bashrc when its stdin is a socket, as node's pipes are.
    const run = runSync('/bin/bash', ['--norc', '--noprofile', '-c', script, 'bash', file, ...names], {
      cwd: root,
      env: { PATH: '/nonexistent' },
      inheritEnv: false,
      stripFinalNewline: false,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    return run.stdout.split('\0').slice(0, -1);
  }

  test('expected output holding $( ), backticks, quotes, EOF and ENDSNIP comes back byte for byte', () => {
    const file = join(root, 'content/en/docs/blocks/snips.sh');
    const values = sourceAndRead(file, ['snip_quoting_1_out', 'snip_quoting_2']);
    expect(values[0]).toBe(
      [
        '$(touch /tmp/should-not-exist) and `touch /tmp/nor-this`',
        `'single' "double" \\backslash\\ $HOME \${HOME} \\$ \\\\`,
        'EOF',
        'ENDSNIP',
        'ENDSNIP_1',
        '    leading spaces, trailing spaces   ',
        '\ta tab',
      ].join('\n'),
    );
    expect(values[1]).toBe('ENDSNIP\na variable holding the default delimiter on its own line');
  });
});

describe('boilerplates: names a test can use', () => {
  const paths = resolveContentPaths(join(fixtures, 'boilerplates/content'));
  const tree = generateTreeSnips(paths);

  test('a page sees its own names and those of the boilerplates it sources, transitively', () => {
    const page = tree.pages.find((p) => p.source.endsWith('docs/uses/index.md'))!;
    expect(page.sources).toEqual([
      'content/en/boilerplates/snips/a-outer.sh',
      'content/en/boilerplates/snips/with-heading.sh',
      'content/en/boilerplates/snips/z-inner.sh',
    ]);
    expect([...namesAvailable(page, tree).keys()].sort()).toEqual([
      'bpsnip_with_heading_prerequisites_1',
      'bpsnip_with_heading_prerequisites_2',
      'bpsnip_z_inner__2',
      'bpsnip_z_inner__2_out',
      'bpsnip_z_inner_install',
      'snip_before_you_begin_1',
    ]);
  });

  test('definitions point at the Markdown line of their block', () => {
    const inner = tree.pages.find((p) => p.source.endsWith('boilerplates/z-inner.md'))!;
    expect(inner.definitions).toEqual([
      { name: 'bpsnip_z_inner_install', kind: 'function', file: 'content/en/boilerplates/z-inner.md', line: 3 },
      { name: 'bpsnip_z_inner__2', kind: 'function', file: 'content/en/boilerplates/z-inner.md', line: 7 },
      { name: 'bpsnip_z_inner__2_out', kind: 'output', file: 'content/en/boilerplates/z-inner.md', line: 7 },
    ]);
  });
});
