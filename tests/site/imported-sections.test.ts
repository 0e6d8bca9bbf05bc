/**
 * istio.io's own sections, imported and built with no edit (issue 15): a cut of
 * `../shared/fixtures/istio.io-site` (read from there at test time, never copied into the repository)
 * with a few blog posts, one release's folder, a security bulletin and one FAQ category goes through
 * `npm run import:hugo` and the real site build; its list pages and layouts render in Chromium.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { run } from '../../src/process/index.ts';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { serveDir } from '../helpers/static-server.ts';
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
  test('its sections render as pages, the FAQ questions on their category page only', () => {
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
    expect(existsSync(join(dist, 'about/faq/setup/install-method-selection/index.html'))).toBe(false);
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
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDir>>;
  let page: Page;
  beforeAll(async () => {
    server = await serveDir(dist);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the blog lists the posts newest first, with dates and authors', async () => {
    await page.goto(`${server.url}/blog/`);
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
    await page.goto(`${server.url}/news/`);
    expect(await page.locator('.mesh-release-group').getAttribute('data-release')).toBe('1.25.x');
    expect(await page.locator('.mesh-release-group li a').count()).toBe(4);
    expect(await page.locator('table.mesh-bulletins tbody tr td a').allTextContents()).toEqual(['ISTIO-SECURITY-2024-007']);
    await page.goto(`${server.url}/news/releases/1.25.x/announcing-1.25.1/`);
    expect(await page.locator('.mesh-layout--release-notes .mesh-release').textContent()).toBe('1.25.1');
    expect(await page.locator('.mesh-layout--release-notes time').getAttribute('datetime')).toBe('2025-03-26');
    await page.goto(`${server.url}/news/security/istio-security-2024-007/`);
    expect(await page.locator('.mesh-bulletin dd').first().textContent()).toBe('CVE-2024-53269, CVE-2024-53270, CVE-2024-53271');
  });

  test('the FAQ category lists its questions with their answers', async () => {
    await page.goto(`${server.url}/about/faq/setup/`);
    const ids = await page.locator('.mesh-faq__question h2').evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.sort()).toEqual(['install-method-selection', 'k8s-sidecar-injection-not-working']);
    expect(await page.locator('.mesh-faq__question').first().locator('p').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/about/faq/`);
    expect(await page.locator('.mesh-faq-category li a').count()).toBe(2);
  });
});
