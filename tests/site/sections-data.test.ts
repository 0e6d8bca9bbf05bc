/**
 * The pure parts of the sections (issue 15): which files are pages, the layout a page gets, the lists
 * built from front matter, the Atom feed's escaping, `data/site.yml` and the extended front matter schema.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/config/paths.ts';
import { readSiteFile, siteFileDefaults } from '../../src/config/site-file.ts';
import { isBundleResource } from '../../src/model/content-tree.ts';
import { checkFrontmatter } from '../../src/model/frontmatter.ts';
import { atomFeed } from '../../src/site/feed.ts';
import { layoutOf, unknownLayoutWarnings } from '../../src/site/layouts.ts';
import { blogPosts, bulletins, compareReleaseNames, faqQuestions, postsPage, releaseGroups, type ListedPage } from '../../src/site/lists.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('which Markdown files are pages', () => {
  const paths = resolveContentPaths('/t/content');
  const tree = new Set(['/t/content/en/about/faq/general/index.md', '/t/content/en/events/index.md', '/t/content/en/docs/a/_index.md']);
  const resource = (rel: string) => isBundleResource(paths, `/t/content/en/${rel}`, (f) => tree.has(f));
  test('a plain file in or below a leaf bundle is its resource, as in Hugo', () => {
    expect(resource('about/faq/general/what-is-it.md')).toBe(true);
    expect(resource('events/banners/kubecon.md')).toBe(true);
  });
  test('an FAQ question beside an _index.md is an entry too', () => {
    expect(resource('about/faq/running/how.md')).toBe(true);
  });
  test('bundles, plain pages beside an _index.md and nested bundles stay pages', () => {
    expect(resource('about/faq/general/index.md')).toBe(false);
    expect(resource('docs/a/plain.md')).toBe(false);
    expect(resource('events/sub/index.md')).toBe(false);
    expect(resource('blog/post.md')).toBe(false);
  });
});

describe('layouts', () => {
  test('front matter names the layout; istio.io names are kept', () => {
    expect(layoutOf('docs/reference/config/analysis/ist0001', 'analysis-message')).toBe('analysis-message');
    expect(layoutOf('about/faq/general', 'faq')).toBe('faq');
    expect(layoutOf('news/security', 'security-grid')).toBe('security-grid');
  });
  test('unset, the layout comes from where the page is', () => {
    expect(layoutOf('blog', undefined)).toBe('blog');
    expect(layoutOf('blog/2024/x', undefined)).toBe('blog-post');
    expect(layoutOf('news/releases/1.25.x/announcing-1.25', undefined)).toBe('release-notes');
    expect(layoutOf('news/releases/1.25.x/announcing-1.25/change-notes', undefined)).toBe('default');
    expect(layoutOf('news/security/istio-security-2024-007', undefined)).toBe('bulletin');
    expect(layoutOf('about/case-studies/acme', undefined)).toBe('case-study');
    expect(layoutOf('docs/tasks/x', undefined)).toBe('default');
  });
  test('an unknown layout is the default one, and one warning names the file', () => {
    expect(layoutOf('blog/x', 'mystery')).toBe('default');
    const warnings = unknownLayoutWarnings([{ file: 'a.md', layout: 'mystery' }, { file: 'b.md', layout: 'faq' }, { file: 'c.md' }]);
    expect(warnings.map((w) => [w.file, w.ruleId, w.severity])).toEqual([['a.md', 'unknown-layout', 'warning']]);
    expect(warnings[0]!.message).toContain('"mystery"');
  });
});

const page = (id: string, extra: Partial<ListedPage> = {}): ListedPage => ({ id, title: id.split('/').at(-1)!, ...extra });

describe('lists from front matter', () => {
  const pages = [
    page('blog'),
    page('blog/2024/old', { publishdate: '2024-01-01' }),
    page('blog/2025/new', { publishdate: '2025-03-01' }),
    page('blog/2025/undated'),
    page('blog/2025/draft', { publishdate: '2025-12-01', draft: true }),
    page('news/releases/1.9.x', { title: '1.9.x Releases' }),
    page('news/releases/1.9.x/announcing-1.9', { publishdate: '2020-01-01' }),
    page('news/releases/1.10.x/announcing-1.10.1', { publishdate: '2020-06-01' }),
    page('news/releases/1.10.x/announcing-1.10', { publishdate: '2020-05-01' }),
    page('news/security/b-2020', { publishdate: '2020-02-02', cves: ['CVE-1'] }),
    page('news/security/b-2021', { publishdate: '2021-02-02' }),
    page('news/security'),
  ];
  test('blog posts newest first, undated last, drafts and the list page out', () => {
    expect(blogPosts(pages).map((p) => p.id)).toEqual(['blog/2025/new', 'blog/2024/old', 'blog/2025/undated']);
  });
  test('pagination: page 1 is /blog/, the last page has no next', () => {
    const posts = Array.from({ length: 23 }, (_, i) => page(`blog/p${i}`));
    expect(postsPage(posts, 1)).toMatchObject({ count: 3, url: '/blog/', next: '/blog/page/2/', prev: undefined });
    expect(postsPage(posts, 3)).toMatchObject({ url: '/blog/page/3/', prev: '/blog/page/2/', next: undefined });
    expect(postsPage(posts, 3).posts).toHaveLength(3);
    expect(postsPage([], 1)).toMatchObject({ count: 1, posts: [] });
  });
  test('announcements grouped by release folder, 1.10 before 1.9, each newest first', () => {
    const groups = releaseGroups(pages);
    expect(groups.map((g) => [g.name, g.title, g.announcements.map((a) => a.id.split('/').at(-1))])).toEqual([
      ['1.10.x', '1.10.x', ['announcing-1.10.1', 'announcing-1.10']],
      ['1.9.x', '1.9.x Releases', ['announcing-1.9']],
    ]);
    expect(compareReleaseNames('0.x', '1.0.x')).toBeLessThan(0);
  });
  test('bulletins newest first, the section page out', () => {
    expect(bulletins(pages).map((p) => p.id)).toEqual(['news/security/b-2021', 'news/security/b-2020']);
  });
  test('FAQ questions of one category by weight, then title', () => {
    const entries = [
      { id: 'about/faq/a/zeta', title: 'Zeta?', weight: 1 },
      { id: 'about/faq/a/beta', title: 'Beta?' },
      { id: 'about/faq/a/alpha', title: 'Alpha?' },
      { id: 'about/faq/b/other', title: 'Other?' },
    ];
    expect(faqQuestions(entries, 'about/faq/a').map((e) => e.title)).toEqual(['Zeta?', 'Alpha?', 'Beta?']);
  });
});

describe('the Atom feed', () => {
  test('front matter text is escaped and the feed parses as XML', () => {
    const xml = atomFeed({
      siteUrl: 'https://example.test/',
      title: 'T & <b>',
      posts: [page('blog/x', { title: `</title><script>x</script> & "q" ]]>`, attribution: `<img onerror='y'>\u0001`, description: 'a < b', publishdate: '2025-01-02' })],
    });
    const doc = parseDocument(xml, { xmlMode: true });
    const entry = DomUtils.getElementsByTagName('entry', doc)[0]!;
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('title', entry)[0]!)).toBe(`</title><script>x</script> & "q" ]]>`);
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('name', entry)[0]!)).toBe(`<img onerror='y'>`);
    expect(DomUtils.getElementsByTagName('script', doc)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName('link', entry)[0]!.attribs.href).toBe('https://example.test/blog/x/');
    expect(xml).not.toContain('\u0001');
  });
});

describe('data/site.yml', () => {
  const dataDir = (text?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'site-file-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'data'));
    if (text !== undefined) writeFileSync(join(dir, 'data', 'site.yml'), text);
    return join(dir, 'data');
  };
  test('missing: the defaults', () => {
    expect(readSiteFile(dataDir())).toEqual({ value: siteFileDefaults, problems: [] });
  });
  test('valid: title and nav with children', () => {
    const { value, problems } = readSiteFile(dataDir('title: Mesh\nnav:\n  - label: Docs\n    link: /docs/\n    children:\n      - label: Tasks\n        link: /docs/tasks/\n'));
    expect(problems).toEqual([]);
    expect(value).toEqual({ title: 'Mesh', nav: [{ label: 'Docs', link: '/docs/', children: [{ label: 'Tasks', link: '/docs/tasks/' }] }] });
  });
  test('invalid: each problem names the file, the line and the key', () => {
    const dir = dataDir('title: Mesh\nnav:\n  - label: Docs\n    link: javascript:alert(1)\n  - label: 7\n    link: /x/\n    colour: red\n');
    const { problems } = readSiteFile(dir, dir);
    expect(problems.map((p) => [p.file, p.line, p.ruleId])).toEqual([
      ['site.yml', 4, 'site-config'],
      ['site.yml', 5, 'site-config'],
      ['site.yml', 5, 'site-config'],
    ]);
    expect(problems[0]!.message).toMatch(/^nav\.0\.link: link "javascript:alert\(1\)" uses the scheme javascript:/);
    expect(problems[1]!.message).toBe('nav.1.label: expected string, got number 7');
    expect(problems[2]!.message).toMatch(/^nav\.1: unknown key\(s\) "colour"/);
  });
  test('a missing title and broken YAML are problems too', () => {
    expect(readSiteFile(dataDir('nav: []\n')).problems[0]!.message).toBe('title: missing (expected string)');
    expect(readSiteFile(dataDir('title: [\n')).problems[0]!.message).toMatch(/^invalid YAML/);
  });
});

describe('front matter of blog, news and bulletins', () => {
  const check = (data: Record<string, unknown>) => checkFrontmatter({ title: 'T', ...data }, 'page');
  test('publishdate: a YAML date, a YYYY-MM-DD string or a date and time, kept as the UTC day', () => {
    expect(check({ publishdate: '2024-05-13' }).value?.publishdate).toBe('2024-05-13');
    expect(check({ publishdate: new Date('2024-05-13T00:00:00Z') }).value?.publishdate).toBe('2024-05-13');
    expect(check({ publishdate: '2022-09-07T20:00:00-06:00' }).value?.publishdate).toBe('2022-09-08');
  });
  test('a bad publishdate is a problem naming the key and the value', () => {
    expect(check({ publishdate: '2024-13-45' }).problems).toEqual([{ key: 'publishdate', message: 'publishdate: expected a date (YYYY-MM-DD), got string "2024-13-45"' }]);
    expect(check({ publishdate: 2024 }).problems[0]!.message).toBe('publishdate: expected a date (YYYY-MM-DD), got number 2024');
  });
  test('bulletin keys are typed: a number where a release string belongs is refused (YAML reads 1.10 as 1.1)', () => {
    const ok = check({ cves: ['CVE-2025-1'], cvss: '7.5', vector: 'AV:N', releases: ['1.22.0 to 1.22.6'], cvss_version: '3.1', attribution: 'A', subtitle: 'S', release: '1.25.1', target_release: '1.26', layout: 'faq', list_by_publishdate: true });
    expect(ok.problems).toEqual([]);
    expect(check({ release: 1.1 }).problems[0]!.message).toBe('release: expected string, got number 1.1');
    expect(check({ cves: 'CVE-1' }).problems[0]!.key).toBe('cves');
  });
});
