/**
 * What a page may put where a URL goes: aliases (files in the build output), page paths (URLs in
 * HTML), `::image` links (hrefs). One set of rules, in the front matter schema and the page checks.
 */
import { describe, expect, test } from 'vitest';
import { buildContentIndex } from '../../src/model/content-tree.ts';
import { parsePage } from '../../src/model/parse.ts';
import { normalizeAlias, unsafeLinkProblem, unsafeUrlPath } from '../../src/model/url-safety.ts';
import { validatePage } from '../../src/model/validate.ts';
import { resolveContentPaths } from '../../src/config/paths.ts';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths.ts';

const withAliases = (...aliases: string[]) =>
  parsePage(`---\ntitle: T\ntest: no\naliases:\n${aliases.map((a) => `  - ${JSON.stringify(a)}`).join('\n')}\n---\n\nBody.\n`, 'docs', 'p.md');

describe('aliases in the front matter schema', () => {
  test.each([
    ['/../../x', /"\.\." segment/],
    ['/docs/../../../etc/x', /"\.\." segment/],
    ['/docs/%2e%2e/%2E%2E/x', /"\.\." segment/],
    ['/docs/./x', /"\." or "\.\." segment/],
    ['https://evil.example/x', /a URL with a scheme/],
    ['javascript:alert(1)', /a URL with a scheme/],
    ['//evil.example/x', /starts with \/\/ \(a host\)/],
    ['/docs\\..\\x', /backslash/],
    ['/docs/x\u0000y', /control character/],
    ['/docs/x\ny', /control character/],
    ['/docs/x%0ay', /escaped control character/],
    ['/docs/x?y=1', /\? or #/],
    ['/docs/%zz', /malformed %-escape/],
    ['', /cannot be empty/],
  ])('%j is refused, on its own line', (alias, message) => {
    const page = withAliases('/docs/fine/', alias);
    expect(page.frontmatter).toBeUndefined();
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]).toMatchObject({ ruleId: 'frontmatter', line: 6, message: expect.stringMatching(message) });
  });

  test.each(['/docs/old/', '/docs/old', 'docs/old.html', '/news/2019/announcing-discuss.istio.io', '/blog/0.1-auth.html', '/docs/über/'])(
    '%j is accepted',
    (alias) => {
      expect(withAliases(alias).diagnostics).toEqual([]);
    },
  );

  test('aliases are compared in one form: /old, /old/, old, /old/index.html are one', () => {
    expect(new Set(['/old', '/old/', 'old', '/old/index.html', '//old//'].map(normalizeAlias))).toEqual(new Set(['/old']));
    expect(normalizeAlias('/old.html')).toBe('/old.html');
    expect(normalizeAlias('/')).toBe('/');
  });
});

test('page paths that would need escaping in a URL or in HTML are named', () => {
  expect(unsafeUrlPath('docs/tasks/traffic-management/request-routing/index.md')).toBeUndefined();
  expect(unsafeUrlPath('docs/über_1.2~x+y@z/index.md')).toBeUndefined();
  expect(unsafeUrlPath('docs/q"><img src=x onerror=alert(21)>/index.md')).toBe('the character "\\""');
  expect(unsafeUrlPath("docs/it's/index.md")).toBe('the character "\'"');
  expect(unsafeUrlPath('docs/a b/index.md')).toBe('a space');
  expect(unsafeUrlPath('docs/a\nb/index.md')).toBe('a control character');
});

describe('::image links', () => {
  const index = buildContentIndex(resolveContentPaths(join(projectRoot, 'tests/fixtures/site/basic/content')));
  const image = (link: string) =>
    validatePage(parsePage(`---\ntitle: T\ntest: no\n---\n\n::image{src="a.svg" caption="c" link=${JSON.stringify(link)}}\n`, 'docs', 'p.md'), index);

  test.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', '//evil.example/', '/\\evil.example/'])(
    '%j is refused at its line',
    (link) => {
      expect(image(link)).toEqual([expect.objectContaining({ line: 6, ruleId: 'image-attributes', message: expect.stringContaining('::image link=') })]);
    },
  );

  test.each(['https://istio.io/', 'http://example.com/a?b#c', '/docs/x/', '../y/', 'z.svg', '#part'])('%j is accepted', (link) => {
    expect(image(link)).toEqual([]);
    expect(unsafeLinkProblem(link)).toBeUndefined();
  });
});
