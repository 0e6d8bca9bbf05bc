import { describe, expect, test } from 'vitest';
import { claimAliases, type AliasClaims } from '../../src/migrate/aliases.ts';
import { normalizeFrontmatter } from '../../src/migrate/frontmatter.ts';
import { formatDiagnostic } from '../../src/model/diagnostic.ts';

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
    // A number keeps the digits written: YAML reads 1.10 as 1.1, and 1.0 as 1.
    { input: 'target_release: 1.10\n', output: 'target_release: "1.10"\n', change: 'target_release: 1.10 → "1.10"' },
    { input: 'target_release: 1.0 # the first\n', output: 'target_release: "1.0" # the first\n', change: 'target_release: 1.0 → "1.0"' },
    { input: 'keywords: [1.10, mesh, 2]\n', output: 'keywords:\n  - "1.10"\n  - mesh\n  - "2"\n', change: 'keywords: list items → strings' },
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

  test.each(['title:\n', 'title: ""\n', "title: '  '\n"])('an empty title (%j: Hugo accepts it) is derived from its path, with a warning naming the file', (input) => {
    const result = normalizeFrontmatter(`---\nweight: 3\n${input}---\nbody\n`, 'page', 'content/en/blog/2024/my-post/index.md');
    expect(result.text).toBe('---\nweight: 3\ntitle: My post\n---\nbody\n');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(['content/en/blog/2024/my-post/index.md:3  frontmatter  title: empty (Hugo accepts it); set to "My post", from its path (warning)']);
    expect(result.diagnostics[0]?.severity).toBe('warning');
    const withLinktitle = normalizeFrontmatter(`---\n${input}linktitle: Short\n---\n`, 'docs', 'content/en/docs/x/index.md');
    expect(withLinktitle.text).toBe('---\nlinktitle: Short\ntitle: Short\ntest: n/a\n---\n');
    expect(withLinktitle.diagnostics).toMatchObject([{ severity: 'warning', message: expect.stringContaining('from linktitle') }]);
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

describe('front matter Hugo accepts and our schema does not (issue 15): normalised, never fatal', () => {
  test('aliases given as a string becomes a list', () => {
    const result = normalizeFrontmatter('---\ntitle: A\ntest: n/a\naliases: docs/old/page\n---\nbody\n', 'docs', 'a.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['aliases: a string → a list of one']);
    expect(result.text).toBe('---\ntitle: A\ntest: n/a\naliases:\n  - docs/old/page\n---\nbody\n');
  });

  test('an empty aliases is dropped', () => {
    const result = normalizeFrontmatter('---\ntitle: A\naliases:\nweight: 3\n---\nbody\n', 'page', 'a.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe('---\ntitle: A\nweight: 3\n---\nbody\n');
  });

  test('a docs page without test: (an API reference page) gets test: n/a', () => {
    const result = normalizeFrontmatter('---\ntitle: API\nlayout: protoc-gen-docs\n---\n<p>x</p>\n', 'docs', 'docs/reference/api/index.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['test: missing, set to "n/a"']);
    expect(result.text).toBe('---\ntitle: API\nlayout: protoc-gen-docs\ntest: n/a\n---\n<p>x</p>\n');
  });
});

describe('aliases claimed twice', () => {
  const claims = (): AliasClaims => ({ owners: new Map(), pages: new Map([['docs/b/index.html', 'content/en/docs/b/index.md']]) });

  test('the first page keeps the alias; a later claim is dropped with a warning naming both pages and the line', () => {
    const c = claims();
    const first = '---\ntitle: A\naliases:\n  - /old\n  - /shared/\n---\n';
    expect(claimAliases(first, 'content/en/docs/a/index.md', c)).toEqual({ text: first, diagnostics: [] });
    const second = claimAliases('---\ntitle: C\naliases:\n  - /shared\n  - /own\n---\nbody\n', 'content/en/docs/c/index.md', c);
    expect(second.text).toBe('---\ntitle: C\naliases:\n  - /own\n---\nbody\n');
    expect(second.diagnostics.map(formatDiagnostic)).toEqual([
      'content/en/docs/c/index.md:4  alias-duplicate  alias /shared is also claimed by content/en/docs/a/index.md: kept there, dropped here (warning)',
    ]);
  });

  test("an alias that is another page's address is dropped; a page's last alias going removes the key", () => {
    const result = claimAliases('---\ntitle: D\naliases: [/docs/b/]\n---\n', 'content/en/docs/d/index.md', claims());
    expect(result.text).toBe('---\ntitle: D\n---\n');
    expect(result.diagnostics[0]).toMatchObject({ line: 3, ruleId: 'alias-duplicate', severity: 'warning' });
    expect(result.diagnostics[0]!.message).toContain('content/en/docs/b/index.md');
  });

  test("a page's own address, and a second alias writing the same redirect, are dropped", () => {
    const result = claimAliases('---\ntitle: B\naliases:\n  - /docs/b\n  - /old.html\n  - /x\n  - /x/\n---\n', 'content/en/docs/b/index.md', claims());
    expect(result.text).toBe('---\ntitle: B\naliases:\n  - /old.html\n  - /x\n---\n');
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [4, "alias /docs/b is this page's own address, dropped here"],
      [7, 'alias /x/ writes the same redirect as another alias of this page, dropped here'],
    ]);
  });
});
