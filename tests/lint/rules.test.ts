import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { runPageRules, applyRuleFixes } from '../../src/lint/page-rules.ts';
import { isRuleEnabled, pageRules } from '../../src/lint/rules/index.ts';
import { buildContentIndex } from '../../src/model/content-tree.ts';
import { decodePageBytes, parsePage } from '../../src/model/parse.ts';

const index = buildContentIndex(resolveContentPaths(join(projectRoot, 'tests/fixtures/lint/seeded/content')));
const lint = (source: string, kind: 'docs' | 'boilerplate' = 'docs') =>
  runPageRules(parsePage(source, kind, 'page.md'), index).diagnostics.map((d) => `${d.line} ${d.ruleId}`);
const docs = (body: string, extra = 'test: no') => `---\ntitle: T\nowner: mesh/wg-docs-maintainers\n${extra}\n---\n\n${body}\n`;

describe('rule registry', () => {
  test.each(pageRules.map((r) => [r.names[0], r]))('%s has an alias, a description and a doc page', (id, rule) => {
    expect(rule.names[1]).toMatch(/^[a-z]+(-[a-z]+)+$/);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.information.href).toMatch(new RegExp(`/docs/lint/${id}\\.md$`));
    const doc = join(projectRoot, 'docs/lint', `${id}.md`);
    expect(existsSync(doc), `missing ${doc}`).toBe(true);
    expect(readFileSync(doc, 'utf8')).toContain(`# ${id} - ${rule.names[1]}`);
  });

  test('ids and aliases are unique', () => {
    const names = pageRules.flatMap((r) => r.names);
    expect(new Set(names).size).toBe(names.length);
  });

  test('a rule is disabled by id or alias, and follows "default"', () => {
    const rule = pageRules[2]!;
    expect(isRuleEnabled(rule, {})).toBe(true);
    expect(isRuleEnabled(rule, { MESH003: false })).toBe(false);
    expect(isRuleEnabled(rule, { 'no-kubectl-exec-it': false })).toBe(false);
    expect(isRuleEnabled(rule, { default: false })).toBe(false);
    expect(isRuleEnabled(rule, { default: false, MESH003: true })).toBe(true);
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
    expect(runPageRules(page, index).diagnostics.map((d) => d.ruleId)).toEqual(['MESH001']);
    expect(runPageRules(section, index).diagnostics).toEqual([]);
  });

  test('MESH009 fixes curly quotes', () => {
    const source = docs('Don’t “quote” me.');
    const { fixes } = runPageRules(parsePage(source, 'docs', 'p.md'), index);
    expect(applyRuleFixes(source, fixes)).toBe(docs('Don\'t "quote" me.'));
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
