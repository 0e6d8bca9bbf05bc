/**
 * The sections beyond the docs (issue 15), end to end: a real Astro build of tests/fixtures/site/sections
 * and real Chromium on it. The blog (newest first, paginated, its Atom feed), news (announcements by
 * release, the bulletins' table), the FAQ, the glossary page, layouts chosen by front matter, the header
 * navigation and title of data/site.yml, and front matter that tries to inject markup.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { inChromium } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';

const fixture = join(projectRoot, 'tests/fixtures/site/sections');
let dist = '';
let output = '';
const html = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  const build = await buildSite(join(fixture, 'content'));
  if (build.exitCode !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  dist = build.dist;
  output = build.output;
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const hostileTitle = `Hostile </title><script>alert('title')</script> & "quotes"`;

/** Posts 1…11 of the fixture: post n is dated 2025-(ceil(n/2))-(2n), so post 11 is the newest. */
const newestFirst = Array.from({ length: 11 }, (_, i) => 11 - i);

describe('built files', () => {
  test('every section renders through the site, each FAQ question on a page of its own too', () => {
    for (const page of [
      'blog/index.html',
      'blog/page/2/index.html',
      'blog/2025/post-1/index.html',
      'news/index.html',
      'news/releases/9.8.x/index.html',
      'news/releases/9.8.x/announcing-9.8.1/index.html',
      'news/security/index.html',
      'news/security/fixture-2025-001/index.html',
      'about/faq/index.html',
      'about/faq/basics/index.html',
      'about/faq/running/index.html',
      'docs/reference/glossary/index.html',
    ]) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
    for (const question of ['about/faq/basics/what-is-it', 'about/faq/basics/why-build-it', 'about/faq/running/how-to-run']) {
      expect(existsSync(join(dist, question, 'index.html')), question).toBe(true);
    }
    expect(existsSync(join(dist, 'blog/page/3/index.html'))).toBe(false);
  });

  test('the feed parses as XML and lists the posts, newest first, with their authors', () => {
    const doc = parseDocument(html('blog/feed.xml'), { xmlMode: true });
    const feed = DomUtils.findOne((e) => e.name === 'feed', doc.children)!;
    expect(feed.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = DomUtils.getElementsByTagName('entry', feed);
    expect(entries).toHaveLength(12);
    const titles = entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName('title', e)[0]!));
    expect(titles.slice(0, 11)).toEqual(newestFirst.map((n) => `Fixture post number ${n}`));
    // The hostile post comes back as the text it is, never as markup.
    expect(titles[11]).toBe(hostileTitle);
    const author = DomUtils.textContent(DomUtils.getElementsByTagName('name', entries[11]!)[0]!);
    expect(author).toBe(`<img src=x onerror=alert('author')> & Co`);
    expect(DomUtils.getElementsByTagName('script', feed)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName('img', feed)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName('published', entries[0]!)[0]!.children.length).toBe(1);
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('published', entries[0]!)[0]!)).toBe('2025-06-22T00:00:00Z');
  });

  test('front matter that holds markup is escaped in every page that shows it', () => {
    const hostilePages = ['blog/2024/hostile/index.html', 'blog/page/2/index.html', 'news/index.html', 'news/security/index.html', 'news/security/fixture-2025-001/index.html'];
    for (const path of hostilePages) {
      // Parsed as a browser would: no element the values could have made, and the title is one element of text.
      const doc = parseDocument(html(path));
      const scripts = DomUtils.getElementsByTagName('script', doc).map((s) => DomUtils.textContent(s));
      expect(scripts.filter((s) => s.includes('alert(')), path).toEqual([]);
      expect(DomUtils.getElementsByTagName('img', doc).filter((i) => 'onerror' in i.attribs), path).toEqual([]);
      expect(DomUtils.getElementsByTagName('b', doc).filter((b) => DomUtils.textContent(b) === '22222'), path).toEqual([]);
      expect(DomUtils.getElementsByTagName('i', doc).filter((i) => DomUtils.textContent(i) === 'subtitle'), path).toEqual([]);
      expect(DomUtils.getElementsByTagName('title', doc), path).toHaveLength(1);
    }
    const post = parseDocument(html('blog/2024/hostile/index.html'));
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('title', post)[0]!)).toBe(`${hostileTitle} | Sections Fixture`);
    expect(html('blog/2024/hostile/index.html')).toContain('&lt;img src=x onerror=alert(&#39;author&#39;)&gt; &amp; Co');
    expect(html('news/security/index.html')).toContain('CVE-2025-&lt;b&gt;22222&lt;/b&gt;');
  });

  test('an unknown layout falls back to the default one, with one warning naming the file', () => {
    expect(html('about/odd/index.html')).toContain('This page asks for a layout that does not exist.');
    const warnings = output.split('\n').filter((l) => l.includes('unknown-layout'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('tests/fixtures/site/sections/content/en/about/odd/index.md');
    expect(warnings[0]).toContain('"no-such-layout"');
  });

  test('the site title comes from data/site.yml', () => {
    expect(html('blog/index.html')).toMatch(/<title>Fixture Blog \| Sections Fixture<\/title>/);
  });
});

describe('in Chromium', () => {
  const chromium = inChromium(() => dist);
  let page: Page;
  beforeAll(() => {
    page = chromium.page;
  });

  const items = () =>
    page.locator('.mesh-post-list__item').evaluateAll((els) =>
      els.map((el) => ({
        title: el.querySelector('h2')?.textContent?.trim(),
        date: el.querySelector('time')?.getAttribute('datetime'),
        shown: el.querySelector('time')?.textContent?.trim(),
        author: el.querySelector('.mesh-post-meta__author')?.textContent?.trim(),
      })),
    );

  test('the blog lists posts newest first with their dates and authors, and links its feed', async () => {
    await page.goto(`${chromium.url}/blog/`);
    const list = await items();
    expect(list.map((p) => p.title)).toEqual(newestFirst.slice(0, 10).map((n) => `Fixture post number ${n}`));
    expect(list[0]).toEqual({ title: 'Fixture post number 11', date: '2025-06-22', shown: 'June 22, 2025', author: 'Writer 11' });
    expect(list[9]).toEqual({ title: 'Fixture post number 2', date: '2025-01-04', shown: 'January 4, 2025', author: 'Writer 2' });
    const dates = list.map((p) => p.date!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/blog/feed.xml');
  });

  test('page 2 holds the older posts, the hostile one as plain text', async () => {
    await page.goto(`${chromium.url}/blog/`);
    await page.getByRole('link', { name: 'Older posts' }).click();
    await page.waitForURL(`${chromium.url}/blog/page/2/`);
    const list = await items();
    expect(list.map((p) => p.title)).toEqual(['Fixture post number 1', hostileTitle]);
    expect(list[1]!.author).toBe(`<img src=x onerror=alert('author')> & Co`);
    expect(await page.locator('.mesh-post-list img, .mesh-post-list script').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Newer posts' }).getAttribute('href')).toBe('/blog/');
    await page.goto(`${chromium.url}/blog/2024/hostile/`);
    expect(await page.title()).toBe(`${hostileTitle} | Sections Fixture`);
    expect(await page.locator('h1').textContent()).toBe(hostileTitle);
    expect(await page.locator('main img').count()).toBe(0);
  });

  test('a blog post shows its date and author', async () => {
    await page.goto(`${chromium.url}/blog/2025/post-3/`);
    expect(await page.locator('h1').textContent()).toBe('Fixture post number 3');
    expect(await page.locator('.mesh-post-meta time').getAttribute('datetime')).toBe('2025-02-06');
    expect(await page.locator('.mesh-post-meta__author').textContent()).toBe('Writer 3');
  });

  test('news groups announcements by release, newest release first, and lists the bulletin in its table', async () => {
    await page.goto(`${chromium.url}/news/`);
    const groups = await page.locator('.mesh-release-group').evaluateAll((els) =>
      els.map((el) => ({ release: el.getAttribute('data-release'), items: [...el.querySelectorAll('li a')].map((a) => a.textContent) })),
    );
    expect(groups).toEqual([
      { release: '9.10.x', items: ['Announcing Fixture 9.10'] },
      { release: '9.8.x', items: ['Announcing Fixture 9.8.1', 'Announcing Fixture 9.8'] },
    ]);
    const rows = await page.locator('table.mesh-bulletins tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(rows).toEqual([['FIXTURE-SECURITY-2025-001', 'May 5, 2025', 'CVE-2025-11111, CVE-2025-<b>22222</b>', '7.1', '9.8.0 to 9.8.1']]);
  });

  test('a release-notes page renders its release, date and notes', async () => {
    await page.goto(`${chromium.url}/news/releases/9.8.x/announcing-9.8.1/`);
    expect(await page.locator('h1').textContent()).toBe('Announcing Fixture 9.8.1');
    expect(await page.locator('.mesh-layout--release-notes .mesh-release').textContent()).toBe('9.8.1');
    expect(await page.locator('.mesh-layout--release-notes time').getAttribute('datetime')).toBe('2025-04-01');
    expect(await page.locator('.mesh-layout--release-notes > p').last().textContent()).toContain('first patch of 9.8.');
    await page.goto(`${chromium.url}/news/releases/9.8.x/`);
    expect(await page.locator('.mesh-release-list li a').allTextContents()).toEqual(['Announcing Fixture 9.8.1', 'Announcing Fixture 9.8']);
  });

  test('a security bulletin renders its details and body', async () => {
    await page.goto(`${chromium.url}/news/security/fixture-2025-001/`);
    const details = await page.locator('.mesh-bulletin').evaluate((dl) => Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])));
    expect(details).toEqual({
      CVE: 'CVE-2025-11111, CVE-2025-<b>22222</b>',
      'CVSS 3.1 score': '7.1',
      'CVSS vector': 'AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
      'Affected releases': '9.8.0 to 9.8.1',
      Published: 'May 5, 2025',
    });
    expect(await page.locator('.mesh-layout--bulletin > p').last().textContent()).toContain('could be crashed by a crafted request.');
    await page.goto(`${chromium.url}/news/security/`);
    expect(await page.locator('table.mesh-bulletins tbody tr td a').allTextContents()).toEqual(['FIXTURE-SECURITY-2025-001']);
  });

  test('an FAQ category lists its questions with their answers; the FAQ lists the categories', async () => {
    await page.goto(`${chromium.url}/about/faq/basics/`);
    const questions = await page.locator('.mesh-faq__question').evaluateAll((els) => els.map((el) => [el.querySelector('h2')?.id, el.querySelector('h2')?.textContent, el.querySelector('p')?.textContent]));
    expect(questions).toEqual([
      ['what-is-it', 'What is the fixture?', 'A tiny site the tests build.'],
      ['why-build-it', 'Why build it?', 'To check that the FAQ lists every question.'],
    ]);
    expect(await page.locator('.mesh-faq__question h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/about/faq/basics/what-is-it/', '/about/faq/basics/why-build-it/']);
    await page.goto(`${chromium.url}/about/faq/running/`);
    expect(await page.locator('.mesh-faq__question h2').allTextContents()).toEqual(['How do I run it?']);
    // Each question on its own page too, linked from its category and linking back to it.
    await page.locator('.mesh-faq__question h2 a').click();
    await page.waitForURL(`${chromium.url}/about/faq/running/how-to-run/`);
    expect(await page.locator('h1').textContent()).toBe('How do I run it?');
    expect(await page.locator('.mesh-layout--faq-question > p').first().textContent()).toBe('Build it with the site’s build command.');
    expect(await page.locator('.mesh-faq-back a').textContent()).toBe('Back to Running FAQ');
    expect(await page.locator('title').textContent()).toMatch(/^How do I run it\? \| /);
    await page.locator('.mesh-faq-back a').click();
    await page.waitForURL(`${chromium.url}/about/faq/running/#how-to-run`);
    expect(await page.locator('h1').textContent()).toBe('Running FAQ');
    await page.goto(`${chromium.url}/about/faq/`);
    const categories = await page.locator('.mesh-faq-category').evaluateAll((els) => els.map((el) => [el.querySelector('h2')?.textContent, [...el.querySelectorAll('li a')].map((a) => a.getAttribute('href'))]));
    expect(categories).toEqual([
      ['Basics', ['/about/faq/basics/#what-is-it', '/about/faq/basics/#why-build-it']],
      ['Running', ['/about/faq/running/#how-to-run']],
    ]);
  });

  test('the glossary page lists every entry', async () => {
    await page.goto(`${chromium.url}/docs/reference/glossary/`);
    expect(await page.locator('.mesh-glossary dt').allTextContents()).toEqual(['Alpha Term', 'Beta Term', 'Gamma Term']);
    expect(await page.locator('.mesh-glossary dd').first().textContent()).toBe('The first made-up term.');
  });

  test('the header navigation comes from data/site.yml, children in a menu', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${chromium.url}/news/`);
    const nav = page.locator('nav.mesh-header-nav');
    expect(await nav.isVisible()).toBe(true);
    const top = await nav.locator(':scope > ul > li > a').evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    expect(top).toEqual([
      ['Fixture Docs', '/docs/'],
      ['Fixture Blog', '/blog/'],
      ['Fixture News', '/news/'],
      ['Fixture FAQ', '/about/faq/'],
    ]);
    expect(await nav.getByRole('link', { name: 'Fixture News' }).getAttribute('aria-current')).toBe('page');
    const menu = nav.getByRole('link', { name: 'Fixture Bulletins' });
    expect(await menu.isVisible()).toBe(false);
    await nav.getByRole('link', { name: 'Fixture News' }).hover();
    expect(await menu.isVisible()).toBe(true);
    await menu.click();
    await page.waitForURL(`${chromium.url}/news/security/`);
    expect(await page.locator('.site-title').textContent()).toContain('Sections Fixture');
  });
});
