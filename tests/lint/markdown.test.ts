import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { parseJsonc, readMarkdownlintConfig } from '../../src/lint/config.ts';
import { lintMarkdown } from '../../src/lint/markdown.ts';
import { runLint } from '../../src/lint/run.ts';
import { buildContentIndex } from '../../src/model/content-tree.ts';
import { parsePage } from '../../src/model/parse.ts';

const config = readMarkdownlintConfig(projectRoot).config;
const index = buildContentIndex(resolveContentPaths(join(projectRoot, 'tests/fixtures/lint/seeded/content')));
const ids = async (body: string) => {
  const page = parsePage(`---\ntitle: T\nowner: o\ntest: no\n---\n\n${body}\n`, 'docs', 'p.md');
  return (await lintMarkdown([page], index, config)).diagnostics.map((d) => `${d.line} ${d.ruleId}`);
};

describe('markdownlint configuration (istio.io mdl.rb)', () => {
  test('maps mdl.rb: rules off, MD007 indent 4, MD026 punctuation, MD029 one', () => {
    for (const off of ['MD013', 'MD014', 'MD030', 'MD032', 'MD033', 'MD041', 'MD046']) expect(config[off], off).toBe(false);
    expect(config.MD007).toEqual({ indent: 4 });
    expect(config.MD026).toEqual({ punctuation: '.,;:!' });
    expect(config.MD029).toEqual({ style: 'one' });
    expect(config.default).toBe(true);
  });

  test('a question mark may end a heading, a colon may not', async () => {
    expect(await ids('## Why?')).toEqual([]);
    expect(await ids('## Why:')).toEqual(['7 MD026']);
  });

  test('nested lists indent by 4', async () => {
    expect(await ids('* a\n    * b')).toEqual([]);
    expect(await ids('* a\n  * b')).toEqual(['8 MD007']);
  });

  test('directive lines cause no findings', async () => {
    const body = '## S\n\n:::tip\nShort tip.\n:::\n\n::::tabset{category="c"}\n\n:::tab{name="A" value="a"}\n\n```bash\n$ echo a\n```\n\n:::\n\n::::\n\n::boilerplate{name="hello"}\n\n::image{src="/a.png" caption="A"}';
    expect(await ids(body)).toEqual([]);
  });

  test('inline markdownlint comments disable our rules too, by id or alias, as in the editor', async () => {
    const body = [
      '<!-- markdownlint-disable-next-line MESH009 -->',
      'A “quoted” word, allowed.',
      '',
      '<!-- markdownlint-disable no-curly-quotes -->',
      'Another ‘quoted’ word, allowed.',
      '<!-- markdownlint-enable no-curly-quotes -->',
      '',
      'This “one” is reported.',
      '',
      '#### Skipped level <!-- markdownlint-disable-line MESH010 -->',
      '',
      '<!-- markdownlint-disable-next-line MD026 -->',
      '## Built-in rules still follow their own comments:',
    ].join('\n');
    expect(await ids(body)).toEqual(['14 MESH009', '14 MESH009']);
    // With neutral comments instead, every one is reported.
    const plain = body.replace(/<!-- markdownlint-[^>]*-->/g, '<!-- a note -->');
    expect((await ids(plain)).filter((f) => /MESH|MD026/.test(f))).toEqual([
      '19 MD026',
      ...['8 MESH009', '8 MESH009', '11 MESH009', '11 MESH009', '14 MESH009', '14 MESH009', '16 MESH010'],
    ]);
  });

  test('JSONC comments and trailing commas are stripped, strings kept (jsonc-parser)', () => {
    expect(parseJsonc('{ "a": "x // y", /* c */ "b": [1,], // d\n }', 'c.jsonc')).toEqual({ a: 'x // y', b: [1] });
    expect(() => parseJsonc('{\n "a": 1 "b": 2 }', 'c.jsonc')).toThrow(/^c\.jsonc:2: /);
  });
});

describe('--fix', () => {
  test('fixes what markdownlint and our rules can fix, then reports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    cpSync(join(projectRoot, 'tests/fixtures/lint/seeded/content'), join(dir, 'content'), { recursive: true });
    cpSync(join(projectRoot, 'tests/fixtures/lint/seeded/data'), join(dir, 'data'), { recursive: true });
    const file = join(dir, 'content/en/docs/style/index.md');
    const result = await runLint({
      paths: resolveContentPaths(join(dir, 'content')),
      projectRoot,
      cwd: dir,
      checks: new Set(['markdown']),
      fix: true,
      cache: false,
    });
    const text = readFileSync(file, 'utf8');
    expect(result.fixed).toContain('content/en/docs/style/index.md');
    expect(text).toContain('* a dash bullet');
    expect(text).toContain('1. two');
    expect(text).toContain("Don't use curly quotes");
    expect(text).toContain('## A heading with a colon\n');
    const left = result.diagnostics.filter((d) => d.file === 'content/en/docs/style/index.md').map((d) => d.ruleId);
    expect(left).not.toContain('MD004');
    expect(left).not.toContain('MESH009');
    expect(left).toContain('MESH010'); // not fixable
  });
});
