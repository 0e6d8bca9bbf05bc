/**
 * istio.io's own sections, imported and built with no edit (issue 15): a cut of
 * `../shared/fixtures/istio.io-site` (read from there at test time, never copied into the repository)
 * with a few blog posts, one release's folder, a security bulletin, one FAQ category, the glossary and
 * istio.io's test pages of tabs and callouts goes through `npm run import:hugo` and the real site build;
 * its list pages and layouts render in Chromium, and its tabs, callouts and glossary terms work there.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { run } from '../../src/process/index.ts';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { inChromium } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { tempDir, node } from '../migrate/helpers.ts';

const fixture = resolve(projectRoot, '../shared/fixtures/istio.io-site');
const en = 'content/en';
/** Files and folders of the cut, below `content/en`. */
const taken = [
  'blog/_index.md',
  'blog/2024/ambient-reaches-beta',
  'blog/2025/ambient-performance',
  'blog/2025/sail-operator-ga',
  'news/_index.md',
  'news/releases/_index.md',
  'news/releases/1.25.x',
  'news/security/_index.md',
  'news/security/istio-security-2024-007',
  'about/_index.md',
  'about/faq/_index.md',
  'about/faq/setup',
  // istio.io's own test pages of its shortcodes: tabs (with callouts inside), callouts.
  'test/_index.md',
  'test/tabs',
  'test/callouts',
  // The glossary, which the blog posts' {{< gloss >}} terms are defined in.
  'docs/reference/glossary',
];

let work = '';
let dist = '';
let imported: { exitCode?: number; stdout: string; stderr: string };
let build: Awaited<ReturnType<typeof buildSite>>;
const html = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  work = tempDir('sections-cut');
  const site = join(work, 'site');
  for (const rel of ['hugo.toml', 'data']) cpSync(join(fixture, rel), join(site, rel), { recursive: true });
  for (const rel of taken) {
    mkdirSync(dirname(join(site, en, rel)), { recursive: true });
    cpSync(join(fixture, en, rel), join(site, en, rel), { recursive: true });
  }
  const out = join(work, 'out');
  imported = await run(node, ['scripts/import-hugo.ts', site, out], { cwd: projectRoot });
  if (imported.exitCode !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
  build = await buildSite(join(out, 'content'));
  if (build.exitCode !== 0) throw new Error(`build of the imported cut failed:\n${build.output}`);
  dist = build.dist;
}, 600_000);
afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the imported cut, built', () => {
  test('its sections render as pages, each FAQ question on its category page and on a page of its own', () => {
    for (const page of [
      'blog/index.html',
      'blog/2025/sail-operator-ga/index.html',
      'news/index.html',
      'news/releases/1.25.x/index.html',
      'news/releases/1.25.x/announcing-1.25/index.html',
      'news/releases/1.25.x/announcing-1.25.1/index.html',
      'news/security/istio-security-2024-007/index.html',
      'about/faq/index.html',
      'about/faq/setup/index.html',
    ]) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
    const questions = readdirSync(join(fixture, en, 'about/faq/setup')).filter((f) => f.endsWith('.md') && f !== 'index.md');
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(existsSync(join(dist, 'about/faq/setup', q.replace(/\.md$/, ''), 'index.html')), q).toBe(true);
    expect(build.output).not.toContain('unknown-layout');
  });

  test('the feed parses as XML and lists the posts newest first', () => {
    const doc = parseDocument(html('blog/feed.xml'), { xmlMode: true });
    const entries = DomUtils.getElementsByTagName('entry', doc);
    const published = entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName('published', e)[0]!));
    expect(published).toEqual(['2025-04-03T00:00:00Z', '2025-03-06T00:00:00Z', '2024-05-13T00:00:00Z']);
  });
});

describe('the imported cut in Chromium', () => {
  const chromium = inChromium(() => dist);
  let page: Page;
  beforeAll(() => {
    page = chromium.page;
  });

  test('the blog lists the posts newest first, with dates and authors', async () => {
    await page.goto(`${chromium.url}/blog/`);
    const posts = await page.locator('.mesh-post-list__item').evaluateAll((els) =>
      els.map((el) => [el.querySelector('a')?.getAttribute('href'), el.querySelector('time')?.getAttribute('datetime'), Boolean(el.querySelector('.mesh-post-meta__author')?.textContent)]),
    );
    expect(posts).toEqual([
      ['/blog/2025/sail-operator-ga/', '2025-04-03', true],
      ['/blog/2025/ambient-performance/', '2025-03-06', true],
      ['/blog/2024/ambient-reaches-beta/', '2024-05-13', true],
    ]);
  });

  test('news lists the release by release and the bulletin in its table; a release-notes page and the bulletin render', async () => {
    await page.goto(`${chromium.url}/news/`);
    expect(await page.locator('.mesh-release-group').getAttribute('data-release')).toBe('1.25.x');
    expect(await page.locator('.mesh-release-group li a').count()).toBe(4);
    expect(await page.locator('table.mesh-bulletins tbody tr td a').allTextContents()).toEqual(['ISTIO-SECURITY-2024-007']);
    await page.goto(`${chromium.url}/news/releases/1.25.x/announcing-1.25.1/`);
    expect(await page.locator('.mesh-layout--release-notes .mesh-release').textContent()).toBe('1.25.1');
    expect(await page.locator('.mesh-layout--release-notes time').getAttribute('datetime')).toBe('2025-03-26');
    await page.goto(`${chromium.url}/news/security/istio-security-2024-007/`);
    expect(await page.locator('.mesh-bulletin dd').first().textContent()).toBe('CVE-2024-53269, CVE-2024-53270, CVE-2024-53271');
    // Once: the layout shows the front matter's details; the shortcode added no copy to the body.
    expect(await page.locator('.mesh-bulletin').count()).toBe(1);
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/Disclosure details|CVSS impact score/);
    expect(await page.locator('.mesh-bulletin dd').first().locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://www.cve.org/CVERecord?id=CVE-2024-53269',
      'https://www.cve.org/CVERecord?id=CVE-2024-53270',
      'https://www.cve.org/CVERecord?id=CVE-2024-53271',
    ]);
    expect(await page.getByRole('link', { name: 'AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }).getAttribute('href')).toBe(
      'https://nvd.nist.gov/vuln-metrics/cvss/v3-calculator?vector=AV%3AN%2FAC%3AL%2FPR%3AN%2FUI%3AN%2FS%3AU%2FC%3AN%2FI%3AN%2FA%3AH',
    );
  });

  test('the FAQ category lists its questions with their answers', async () => {
    await page.goto(`${chromium.url}/about/faq/setup/`);
    const ids = await page.locator('.mesh-faq__question h2').evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.sort()).toEqual(['install-method-selection', 'k8s-sidecar-injection-not-working']);
    expect(await page.locator('.mesh-faq__question').first().locator('p').count()).toBeGreaterThan(0);
    await page.goto(`${chromium.url}/about/faq/`);
    expect(await page.locator('.mesh-faq-category li a').count()).toBe(2);
  });

  test('an FAQ question has a page of its own, linked from its category and back', async () => {
    await page.goto(`${chromium.url}/about/faq/setup/`);
    const title = await page.locator('#install-method-selection').textContent();
    await page.locator('#install-method-selection a').click();
    await page.waitForURL(`${chromium.url}/about/faq/setup/install-method-selection/`);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.mesh-layout--faq-question ol li').count()).toBeGreaterThan(0);
    await page.locator('.mesh-faq-back a').click();
    await page.waitForURL(`${chromium.url}/about/faq/setup/#install-method-selection`);
  });

  test('tabs switch panels on an imported page', async () => {
    await page.goto(`${chromium.url}/test/tabs/`);
    const tabset = page.locator('mesh-tabs').first();
    const panel = (value: string) => tabset.locator(`:scope > [role=tabpanel][data-value="${value}"]`);
    expect(await tabset.getByRole('tab').allTextContents()).toEqual(expect.arrayContaining(['One', 'Two', 'Three']));
    expect(await panel('one').isVisible()).toBe(true);
    expect(await panel('two').isVisible()).toBe(false);
    await tabset.getByRole('tab', { name: 'Two', exact: true }).click();
    expect(await panel('two').isVisible()).toBe(true);
    expect(await panel('one').isVisible()).toBe(false);
    expect(await tabset.getByRole('tab', { name: 'Two', exact: true }).getAttribute('aria-selected')).toBe('true');
    // A tab holding a callout shows it when chosen.
    await tabset.getByRole('tab', { name: 'Three', exact: true }).click();
    expect(await panel('three').locator('aside.starlight-aside--caution').isVisible()).toBe(true);
    expect(await panel('two').isVisible()).toBe(false);
  });

  test('callouts render with their kind: as many of each as the Hugo page has, each titled', async () => {
    const source = readFileSync(join(fixture, en, 'test/callouts/index.md'), 'utf8');
    const count = (name: string) => source.split(`{{< ${name} >}}`).length - 1;
    await page.goto(`${chromium.url}/test/callouts/`);
    const content = page.locator('.sl-markdown-content');
    for (const [name, kind, title] of [
      ['warning', 'caution', 'Warning'],
      ['tip', 'tip', 'Tip'],
      ['idea', 'note', 'Idea'],
    ] as const) {
      expect(count(name), name).toBeGreaterThan(0);
      const asides = content.locator(`aside.starlight-aside--${kind}`);
      expect(await asides.count(), name).toBe(count(name));
      expect(new Set(await asides.locator('.starlight-aside__title').allTextContents()), name).toEqual(new Set([title]));
      expect(await asides.first().locator('.starlight-aside__content').isVisible(), name).toBe(true);
    }
    expect(await content.locator('figure.mesh-quote blockquote').count()).toBe(count('quote'));
  });

  test("hovering a glossary term shows the entry's definition", async () => {
    await page.goto(`${chromium.url}/blog/2024/ambient-reaches-beta/`);
    const term = page.locator('.mesh-gloss[data-term="data-plane"]').first();
    const definition = term.locator('.mesh-gloss__def');
    expect(await definition.isVisible()).toBe(false);
    await term.hover();
    expect(await definition.isVisible()).toBe(true);
    // The entry's first paragraph, as its glossary file has it.
    const entry = readFileSync(join(fixture, en, 'docs/reference/glossary/data-plane.md'), 'utf8');
    const firstParagraph = entry.split(/^---$/m)[2]!.trim().split(/\n\s*\n/)[0]!.trim();
    expect(await definition.textContent()).toBe(firstParagraph);
    await page.mouse.move(0, 0);
    expect(await definition.isVisible()).toBe(false);
  });
});
