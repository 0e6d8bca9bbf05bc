/** Alias redirects: compared normalised, written only inside the output, with their URL escaped. */
import { describe, expect, test } from 'vitest';
import { collectRedirects, outputPath, redirectFile, redirectHtml } from '../../src/site/aliases.ts';

describe('collectRedirects', () => {
  const a = { file: 'a.md', aliases: ['/old'], url: '/docs/a/' };
  const b = { file: 'b.md', aliases: ['/old/'], url: '/docs/b/' };
  test('/old and /old/ on two pages are one alias claimed twice, whatever the order', () => {
    for (const pages of [[a, b], [b, a]]) {
      const { redirects, errors } = collectRedirects(pages);
      expect(redirects).toHaveLength(1);
      expect(errors).toEqual([expect.objectContaining({ ruleId: 'frontmatter', message: expect.stringMatching(/^alias \/old\/? is also claimed by [ab]\.md \(as \/old\/?\)$/) })]);
    }
  });
  test('one page listing both forms gets one redirect page', () => {
    const { redirects, errors } = collectRedirects([{ file: 'a.md', aliases: ['/old', '/old/', 'old/index.html'], url: '/docs/a/' }]);
    expect(errors).toEqual([]);
    expect(redirects).toEqual([{ from: '/old', to: '/docs/a/' }]);
    expect(redirectFile(redirects[0]!.from)).toBe('old/index.html');
    expect(redirectFile('/x.html')).toBe('x.html');
  });
});

test('a redirect page escapes its URL in the meta refresh, the link and the text', () => {
  const html = redirectHtml('/docs/q"><img src=x onerror=alert(21)>/', 'https://meshdocs.dev');
  expect(html).not.toContain('<img');
  expect(html).toContain('content="0; url=/docs/q&quot;&gt;&lt;img src=x onerror=alert(21)&gt;/"');
  expect(html).toContain('<a href="/docs/q&quot;&gt;&lt;img src=x onerror=alert(21)&gt;/">Redirecting to /docs/q"&gt;&lt;img');
});

test('an output path must stay inside the output directory', () => {
  expect(outputPath('/tmp/o/dist', 'docs/old/index.html')).toBe('/tmp/o/dist/docs/old/index.html');
  expect(outputPath('/tmp/o/dist', '../../x/index.html')).toBeUndefined();
  expect(outputPath('/tmp/o/dist', '/etc/x')).toBeUndefined();
  expect(outputPath('/tmp/o/dist', '')).toBeUndefined();
  expect(outputPath('/tmp/o/dist', '../dist-other/x')).toBeUndefined();
});
