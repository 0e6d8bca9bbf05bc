import { expect, test } from 'vitest';
import * as migrate from '../../src/migrate/index.ts';

test('the migration library exposes its public API (and nothing prints or exits)', () => {
  expect(Object.keys(migrate).sort()).toEqual([
    'ImportInputError',
    'buildShortcodeTree',
    'compareFences',
    'compatCandidates',
    'compatCounts',
    'compatPassed',
    'convertHugoMarkdown',
    'explainDifference',
    'firstDifference',
    'iconShortcodes',
    'importHugoSite',
    'isHugoGeneratedSnips',
    'istioRepository',
    'loadAllowlist',
    'markdownIndent',
    'normalizeFrontmatter',
    'parseShortcodeParams',
    'quirks',
    'runCompat',
    'scanShortcodes',
    'textAttributes',
    'valueShortcode',
    'versionShortcodes',
  ]);
});

test('scanShortcodes keeps everything that is not a shortcode as text', () => {
  const source = 'a {{ not }} b {{< tip >}}x{{< /tip >}} {{% y %}} <!-- {{< z >}} -->';
  const tokens = migrate.scanShortcodes(source);
  expect(tokens.map((t) => (t.type === 'shortcode' ? `[${t.closing ? '/' : ''}${t.name}]` : t.type === 'text' ? t.text : 'raw'))).toEqual([
    'a {{ not }} b ',
    '[tip]',
    'x',
    '[/tip]',
    ' ',
    '[y]',
    ' <!-- {{< z >}} -->',
  ]);
});

test.each([
  { params: 'bash yaml', expected: { positional: ['bash', 'yaml'], named: {} } },
  { params: 'syntax="bash" snip_id=x', expected: { positional: [], named: { syntax: 'bash', snip_id: 'x' } } },
  { params: 'caption="say \\"hi\\"" alt=`raw "text"`', expected: { positional: [], named: { caption: 'say "hi"', alt: 'raw "text"' } } },
  { params: '"ambient"', expected: { positional: ['ambient'], named: {} } },
])('parseShortcodeParams($params)', ({ params, expected }) => {
  expect(migrate.parseShortcodeParams(params)).toEqual(expected);
});

test('firstDifference numbers lines in the committed file', () => {
  expect(migrate.firstDifference('a\nb\nc\n', 'a\nb\nc\n')).toBeUndefined();
  expect(migrate.firstDifference('a\nb\nc\n', 'a\nx\nc\n', 20)).toEqual({ line: 22, theirs: 'b', ours: 'x' });
  expect(migrate.firstDifference('a\n', 'a\nmore\n')).toEqual({ line: 2, theirs: '', ours: 'more' });
});

test('an allowlist entry without a reason is refused', async () => {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tempDir } = await import('./helpers.ts');
  const file = join(tempDir('allowlist'), 'a.yml');
  writeFileSync(file, '- page: docs/a/index.md\n  reason: ""\n');
  expect(() => migrate.loadAllowlist(file)).toThrow(/entry 1 needs "page:" and a non-empty "reason:"/);
  writeFileSync(file, 'page: x\n');
  expect(() => migrate.loadAllowlist(file)).toThrow(migrate.ImportInputError);
});
