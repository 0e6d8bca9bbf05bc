import { describe, expect, test } from 'vitest';
import { normalizeFrontmatter } from '../../src/migrate/frontmatter.ts';

describe('front matter', () => {
  test('valid front matter is kept byte for byte (test: yes stays the string yes)', () => {
    const source = '---\ntitle: A\n# a comment\ntest: yes\nkeywords: [a,b]\n---\nbody\n';
    expect(normalizeFrontmatter(source, 'docs', 'a.md')).toEqual({ text: source, diagnostics: [], changed: [] });
  });

  test.each([
    { input: 'status:\n', output: '', change: 'status: (empty) dropped' },
    { input: 'status: ""\n', output: '', change: 'status: (empty) dropped' },
    { input: 'skip_toc: yes\n', output: 'skip_toc: true\n', change: 'skip_toc: yes → true' },
    { input: 'skip_seealso: off\n', output: 'skip_seealso: false\n', change: 'skip_seealso: off → false' },
    { input: 'test: true\n', output: 'test: yes\n', change: 'test: true → yes' },
    { input: 'linktitle: 2019\n', output: 'linktitle: "2019"\n', change: 'linktitle: 2019 → "2019"' },
    { input: 'keywords: [1.5, mesh]\n', output: 'keywords:\n  - "1.5"\n  - mesh\n', change: 'keywords: list items → strings' },
    { input: 'weight: "20"\n', output: 'weight: 20\n', change: 'weight: "20" → 20' },
  ])('fixes $input', ({ input, output, change }) => {
    const result = normalizeFrontmatter(`---\ntitle: A\n${input}---\nbody\n`, 'page', 'a.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual([change]);
    expect(result.text).toBe(`---\ntitle: A\n${output}---\nbody\n`);
  });

  test('a page without a title gets its linktitle, else one from its path', () => {
    expect(normalizeFrontmatter('---\nlinktitle: Short\n---\n', 'page', 'x/index.md').text).toBe('---\nlinktitle: Short\ntitle: Short\n---\n');
    expect(normalizeFrontmatter('---\ndraft: false\n---\n', 'page', 'news/my-post/index.md').text).toBe('---\ndraft: false\ntitle: My post\n---\n');
  });

  test('boilerplates may have empty front matter', () => {
    expect(normalizeFrontmatter('---\n---\ntext\n', 'boilerplate', 'b.md').diagnostics).toEqual([]);
  });

  test('what cannot be fixed is reported on its line', () => {
    const result = normalizeFrontmatter('---\ntitle: A\nstatus: Gamma\n---\n', 'docs', 'a.md');
    expect(result.diagnostics).toMatchObject([{ file: 'a.md', line: 3, ruleId: 'frontmatter' }]);
    expect(normalizeFrontmatter('---\ntitle: [\n---\n', 'docs', 'b.md').diagnostics[0]).toMatchObject({ ruleId: 'frontmatter' });
  });
});
