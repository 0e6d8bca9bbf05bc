import { describe, expect, test } from 'vitest';
import { parsePage } from '../../src/model/parse.ts';

const page = (body: string, fm = 'title: T\ntest: yes') => parsePage(`---\n${fm}\n---\n${body}`, 'docs', 'p.md');

describe('parsePage', () => {
  test('code blocks carry file lines, sections and per-section positions', () => {
    const p = page('```bash\n$ a\n```\n\n## One {#x}\n\n- item\n\n    ```bash snip_id=named\n    $ b\n    ```\n\n```yaml\nk: v\n```\n');
    expect(p.codeBlocks.map((b) => [b.line, b.section, b.positionInSection, b.meta.snipId ?? ''])).toEqual([
      [5, '', 1, ''],
      [13, 'one', 1, 'named'],
      [17, 'one', 2, ''],
    ]);
    // Container indentation is removed from the body.
    expect(p.codeBlocks[1]!.value).toBe('$ b');
    expect(p.diagnostics).toEqual([]);
  });

  test('docs pages need test:, keep it as a string', () => {
    expect(page('x').frontmatter?.test).toBe('yes');
    const missing = page('x', 'title: T');
    expect(missing.diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[1, 'frontmatter', 'missing "test:" (one of yes | no | n/a | table-of-contents)']]);
  });

  test('a page without front matter is reported at line 1', () => {
    const p = parsePage('# no front matter\n', 'docs', 'p.md');
    expect(p.diagnostics[0]).toMatchObject({ line: 1, ruleId: 'frontmatter' });
  });

  test('directives are listed with their lines', () => {
    const p = page('\n:gloss[Envoy]{term="envoy"} text\n\n::boilerplate{name="b"}\n');
    expect(p.directives.map((d) => [d.type, d.name, d.line, d.attributes, d.label])).toEqual([
      ['textDirective', 'gloss', 6, { term: 'envoy' }, 'Envoy'],
      ['leafDirective', 'boilerplate', 8, { name: 'b' }, ''],
    ]);
  });
});
