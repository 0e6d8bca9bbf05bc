import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { openCache } from '../../src/cache/index.ts';
import { maskNonProse } from '../../src/lint/spelling-mask.ts';
import { lintSpelling } from '../../src/lint/spelling.ts';
import { parsePage } from '../../src/model/parse.ts';
import { run } from '../../src/process/index.ts';

const source = [
  '---',
  'title: Recieving traffic',
  'owner: mesh/wg-qqxnetworking-maintainers',
  'aliases:',
  '  - /docs/qqxold-page.html',
  '---',
  '',
  'Prose with a mistaek and `qqxinline` code, a [link](https://qqxhost.example/qqxpath) and <https://qqxbare.example>.',
  '',
  '```bash',
  '$ qqxcommand --qqxflag',
  '```',
  '',
  ':::tab{name="Qqxvisible label" value="qqxhidden-id"}',
  'Text.',
  ':::',
  '',
  '::boilerplate{name="qqxboilerplate-name"}',
].join('\n');

describe('spelling', () => {
  test('masks code, inline code, URLs, front matter keys and paths, directive syntax; keeps prose and labels', () => {
    const masked = maskNonProse(parsePage(source, 'docs', 'p.md'));
    expect(masked.length).toBe(source.length);
    expect(masked.split('\n').length).toBe(source.split('\n').length);
    const kept = masked.match(/qqx\w+/gi) ?? [];
    expect(kept).toEqual(['Qqxvisible']);
    for (const word of ['Recieving', 'mistaek', 'link', 'Prose']) expect(masked).toContain(word);
    expect(masked).not.toMatch(/\btitle:/);
  });

  test('reports line, column and suggestions; a second run is served from the cache', async () => {
    const page = parsePage(source, 'docs', 'p.md');
    const cacheRoot = mkdtempSync(join(tmpdir(), 'lint-spell-'));
    const cacheFile = join(cacheRoot, 'spelling', 'entries.json');
    const first = await lintSpelling([page], { projectRoot, cacheRoot });
    const words = first.map((d) => `${d.line}:${d.column} ${/"([^"]+)"/.exec(d.message)![1]}`);
    expect(words).toEqual(['2:8 Recieving', '8:14 mistaek', '14:14 Qqxvisible']);
    expect(first[1]!.message).toMatch(/suggestions: .*mistake/);
    expect(existsSync(cacheFile)).toBe(true);
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cached.entries)).toHaveLength(1);
    expect(await lintSpelling([page], { projectRoot, cacheRoot })).toEqual(first);
  });

  test('checked as one document, pages stay apart: a cspell comment applies to its own page only', async () => {
    const a = parsePage('---\ntitle: A\n---\n\n<!-- cspell:ignore mistaek -->\n\nA mistaek here is allowed.\n', 'docs', 'a.md');
    const b = parsePage('---\ntitle: B\n---\n\nA mistaek here is not.\n', 'docs', 'b.md');
    const c = parsePage('---\ntitle: C\n---\n\nFine words.\n\nTwo mistaeks and a wrnog one.\n', 'docs', 'c.md');
    const found = await lintSpelling([a, b, c], { projectRoot });
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${/"([^"]+)"/.exec(d.message)![1]}`)).toEqual([
      'b.md:5:3 mistaek',
      'c.md:7:5 mistaeks',
      'c.md:7:20 wrnog',
    ]);
  });

  test('a cache with another version is ignored; older entries survive another tree', () => {
    const root = mkdtempSync(join(tmpdir(), 'lint-cache-'));
    const open = (version: string) => openCache('spelling', { root, inputs: { values: [version] } }).entries<number>('c.json');
    const a = open('v1');
    a.set('x', 1);
    a.save();
    const b = open('v1');
    b.set('y', 2);
    b.save();
    const c = open('v1');
    expect([c.get('x'), c.get('y')]).toEqual([1, 2]);
    expect(open('v2').get('x')).toBeUndefined();
  });
});

describe('project word list', () => {
  test('must be sorted case-insensitively without duplicates; --fix sorts it', async () => {
    const { checkWordList } = await import('../../src/lint/word-list.ts');
    const { writeFileSync } = await import('node:fs');
    const file = join(mkdtempSync(join(tmpdir(), 'lint-words-')), 'words.txt');
    writeFileSync(file, 'Bookinfo\nenvoy\nAmbient\nenvoy\n');
    expect(checkWordList(file, 'words.txt').map((d) => `${d.line} ${d.ruleId}`)).toEqual(['1 words-sorted']);
    expect(checkWordList(file, 'words.txt', true)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('Ambient\nBookinfo\nenvoy\n');
    expect(checkWordList(file, 'words.txt')).toEqual([]);
  });
});

describe("the linted tree's own word list", () => {
  // A docs repository keeps its words in <root>/.cspell/project-words.txt (root: the parent of its
  // content directory); the importer writes istio.io's `.spelling` there.
  test('words listed in <root>/.cspell/project-words.txt are known; words not listed still are not', { timeout: 300_000 }, async () => {
    const { cpSync, mkdirSync, writeFileSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'lint-tree-words-'));
    cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
    mkdirSync(join(root, 'content/en/docs/words'), { recursive: true });
    writeFileSync(join(root, 'content/en/docs/words/index.md'), '---\ntitle: Words\nowner: o\ntest: no\n---\n\nThe zqxfrobnicator talks to the zqxwidgetron.\n');
    const lint = () =>
      run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), '--fast', '--no-cache', '--only', 'spelling'], {
        cwd: projectRoot,
        timeoutMs: 280_000,
        env: { NO_COLOR: '1', MESHDOCS_CONTENT: join(root, 'content') },
      });
    // Only the new page's findings (the fixture has its own unknown word elsewhere).
    const unknown = (stdout: string) => [...stdout.matchAll(/words\/index\.md:\d+:\d+ {2}spelling {2}unknown word "(\w+)"/g)].map((m) => m[1]);
    const before = await lint();
    expect(unknown(before.stdout)).toEqual(['zqxfrobnicator', 'zqxwidgetron']);
    expect(before.exitCode).toBe(1);

    mkdirSync(join(root, '.cspell'));
    writeFileSync(join(root, '.cspell/project-words.txt'), 'zqxfrobnicator\n');
    const after = await lint();
    expect(after.stdout).toMatch(/words\/index\.md:7:\d+ {2}spelling {2}unknown word "zqxwidgetron"/);
    expect(unknown(after.stdout)).toEqual(['zqxwidgetron']);
    expect(after.exitCode).toBe(1);
  });
});
