import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { lintMarkdown } from '../../src/lint/markdown.ts';
import { buildContentIndex } from '../../src/model/content-tree.ts';
import { decodePageBytes, parsePage } from '../../src/model/parse.ts';
import { checkPage, ruleContext, ruleInformation, rules } from '../../src/model/rules/index.ts';

const index = buildContentIndex(resolveContentPaths(join(projectRoot, 'tests/fixtures/lint/seeded/content')));
const check = (source: string, kind: 'docs' | 'boilerplate' = 'docs', file = 'page.md') => checkPage(parsePage(source, kind, file), ruleContext(index), 'lint');
const lint = (source: string, kind: 'docs' | 'boilerplate' = 'docs') => check(source, kind).map((d) => `${d.line} ${d.ruleId}`);
/** Through the one markdownlint run lint uses, with a markdownlint config. */
const lintWith = async (source: string, config: Record<string, unknown>) =>
  (await lintMarkdown([parsePage(source, 'docs', 'page.md')], index, config)).diagnostics.map((d) => `${d.line} ${d.ruleId}`);
const docs = (body: string, extra = 'test: no') => `---\ntitle: T\nowner: mesh/wg-docs-maintainers\n${extra}\n---\n\n${body}\n`;

describe('rule registry', () => {
  test.each(rules.map((r) => [r.id, r] as const))('%s has an alias, a description and a doc page', (id, rule) => {
    expect(rule.alias).toMatch(/^[a-z]+(-[a-z]+)+$/);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(ruleInformation(rule).href).toMatch(new RegExp(`/docs/lint/${id}\\.md$`));
    const doc = join(projectRoot, 'docs/lint', `${id}.md`);
    expect(existsSync(doc), `missing ${doc}`).toBe(true);
    expect(readFileSync(doc, 'utf8')).toContain(`# ${id} - ${rule.alias}`);
  });

  test('ids and aliases are unique', () => {
    const names = rules.flatMap((r) => [r.id, r.alias]);
    expect(new Set(names).size).toBe(names.length);
  });

  test('a rule is disabled by id or alias, and follows "default" (markdownlint applies the config)', async () => {
    const page = docs('## S\n\n```bash\n$ kubectl exec -it pod -- sh\n```', 'test: yes');
    expect(await lintWith(page, {})).toContain('10 MESH003');
    expect(await lintWith(page, { MESH003: false })).not.toContain('10 MESH003');
    expect(await lintWith(page, { 'no-kubectl-exec-it': false })).not.toContain('10 MESH003');
    expect(await lintWith(page, { default: false })).not.toContain('10 MESH003');
    expect(await lintWith(page, { default: false, MESH003: true })).toContain('10 MESH003');
  });
});

describe('rules on the page model', () => {
  test.each([
    ['kubectl exec -it', '$ kubectl exec -it pod -- sh', true],
    ['kubectl exec -ti', '$ kubectl exec -ti pod -- sh', true],
    ['--tty', '$ kubectl exec --tty -i pod -- sh', true],
    ['-n ns -c x -it', '$ kubectl -n ns exec deploy/x -c c -it -- sh', true],
    ['-i only', '$ kubectl exec -i pod -- sh < file', false],
    ['-t inside the remote command', '$ kubectl exec pod -- ls -t', false],
    ['no exec', '$ kubectl logs -it pod', false],
  ])('MESH003 on a tested page: %s', (_title, command, flagged) => {
    const found = lint(docs('## S\n\n```bash\n' + command + '\n```', 'test: yes'));
    expect(found.includes('10 MESH003')).toBe(flagged);
  });

  test('MESH003 ignores untested pages', () => {
    expect(lint(docs('## S\n\n```bash\n$ kubectl exec -it pod -- sh\n```'))).toEqual([]);
  });

  test('MESH010: first heading is ## under a title, no skips, no # in the body', () => {
    expect(lint(docs('## A\n\n### B\n\n## C'))).toEqual([]);
    expect(lint(docs('### A'))).toEqual(['7 MESH010']);
    expect(lint(docs('# A'))).toEqual(['7 MESH010']);
    expect(lint(docs('## A\n\n#### B'))).toEqual(['9 MESH010']);
  });

  test('MESH010: a boilerplate may start at any level', () => {
    expect(lint('---\n---\n### A\n\n#### B\n', 'boilerplate')).toEqual([]);
    expect(lint('---\n---\n### A\n\n##### B\n', 'boilerplate')).toEqual(['5 MESH010']);
  });

  test('MESH001: owner required on docs pages, not on section indexes', () => {
    const page = parsePage('---\ntitle: T\ntest: no\n---\n\nText.\n', 'docs', 'a/index.md');
    const section = parsePage('---\ntitle: T\ntest: no\n---\n\nText.\n', 'docs', 'a/_index.md');
    expect(checkPage(page, ruleContext(index), 'lint').map((d) => d.ruleId)).toEqual(['MESH001']);
    expect(checkPage(section, ruleContext(index), 'lint')).toEqual([]);
  });

  test('MESH009 fixes curly quotes (markdownlint applies the fixes)', async () => {
    const source = docs('Don’t “quote” me.');
    const reparse = (_page: unknown, text: string) => parsePage(text, 'docs', 'p.md');
    const result = await lintMarkdown([parsePage(source, 'docs', 'p.md')], index, { default: false, MESH009: true }, { fix: true, reparse });
    expect(result.fixed.get('p.md')).toBe(docs('Don\'t "quote" me.'));
    expect(result.diagnostics).toEqual([]);
  });

  test('MESH005: a tabset without a tab', () => {
    expect(lint(docs('## A\n\n::::tabset{category="api"}\n\nText.\n\n::::'))).toEqual(['9 MESH005', '11 MESH005']);
  });

  test('well-formed directives raise nothing', () => {
    const body = [
      '## A',
      '',
      '::::tabset{category="api"}',
      '',
      ':::tab{name="One" value="one"}',
      '',
      'Text with :gloss[Envoy] and :gloss[Envoy\'s]{term="envoy"}.',
      '',
      ':::',
      '',
      '::::',
      '',
      ':::tip',
      'A tip.',
      ':::',
      '',
      '::boilerplate{name="hello"}',
      '',
      'Version %%version%%.',
    ].join('\n');
    expect(lint(docs(body))).toEqual([]);
  });
});

describe('shell safety and encoding (issue 10)', () => {
  test('MESH012: commands bash would read past are reported at the line that opens them', () => {
    expect(lint(docs(['```bash', '$ echo "', '"; }; touch /tmp/PWNED', '```'].join('\n')))).toEqual(['8 MESH012']);
  });

  test('MESH013: bytes that are not UTF-8 are reported with their line', () => {
    const bytes = Buffer.from(docs('Caf\u0000 au lait.'));
    bytes[bytes.indexOf(0)] = 0xe9;
    expect(lint(decodePageBytes(bytes))).toEqual(['7 MESH013']);
  });
});
