/**
 * The site, end to end: a real Astro build of tests/fixtures/site/basic, its HTML, and real Chromium
 * on the built pages (search, copy button, tabs, redirects, edit link, page-test badge, dark mode).
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { siteConfig } from '../../src/config/site.ts';
import { isBuildCurrent, stampName } from '../../src/site/build-stamp.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { serveDir } from '../helpers/static-server.ts';
import { run } from '../../src/process/index.ts';

const fixture = join(projectRoot, 'tests/fixtures/site/basic');
let dist = '';
const html = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  const build = await buildSite(join(fixture, 'content'));
  if (build.exitCode !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  dist = build.dist;
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('built HTML', () => {
  test('builds every page, the 404 page, the sitemap and the ecosystem page', () => {
    for (const page of [
      'index.html',
      'docs/index.html',
      'docs/guide/index.html',
      'docs/guide/first/index.html',
      'docs/guide/second/index.html',
      'docs/other/deep/index.html',
      '404.html',
      'sitemap-index.xml',
      'ecosystem/index.html',
    ]) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
  });

  test('aliases become redirect pages to the page', () => {
    for (const alias of ['docs/old-first.html', 'docs/older/first/index.html']) {
      const page = html(alias);
      expect(page).toContain('http-equiv="refresh" content="0; url=/docs/guide/first/"');
      expect(page).toContain(`rel="canonical" href="${siteConfig.siteUrl}/docs/guide/first/"`);
    }
  });

  test('canonical URL on every page', () => {
    expect(html('docs/guide/first/index.html')).toContain(`<link rel="canonical" href="${siteConfig.siteUrl}/docs/guide/first/"`);
  });

  test('version values, boilerplates, glossary terms and heading ids are rendered', () => {
    const page = html('docs/guide/first/index.html');
    expect(page).toContain('Install version 9.8.7 of the mesh');
    expect(page).not.toContain('%%full_version%%');
    expect(page).toContain('This sentence comes from a boilerplate.');
    expect(page).toMatch(/class="mesh-gloss"[^>]*data-term="envoy"[^>]*>Envoy<span role="tooltip" class="mesh-gloss__def">The fixture definition of Envoy, a proxy.<\/span>/);
    expect(page).toContain('<h2 id="install">Install it</h2>');
    expect(page).toContain('starlight-aside--caution');
  });

  test('a bash block renders commands and output apart, with the commands alone to copy', () => {
    const page = html('docs/guide/first/index.html');
    const block = page.slice(page.indexOf('class="mesh-code"'));
    const copy = /data-copy="([^"]*)"/.exec(block)?.[1]?.replaceAll('&#10;', '\n');
    expect(copy).toBe('kubectl apply -f samples/demo/app.yaml\nkubectl get pods \\\n    -n demo');
    expect(block.match(/class="line mesh-cmd"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(block).toMatch(/class="line mesh-out">NAME {4}READY</);
    // data/repositories.yml of the fixture tree: the default repository, and `repo=api` on a fence.
    expect(block).toContain('href="https://github.com/fixture/mesh/blob/release-9.8/samples/demo/app.yaml"');
    expect(page).toContain('href="https://github.com/fixture/api/blob/release-9.8/proto/route.proto"');
  });

  test('sidebar: ordered by weight then title, and collapsed sections carry no subtree', () => {
    const page = html('docs/guide/first/index.html');
    const nav = page.slice(page.indexOf('class="mesh-nav"'), page.indexOf('</nav>', page.indexOf('class="mesh-nav"')));
    const at = (href: string) => {
      const i = nav.indexOf(`href="${href}"`);
      expect(i, href).toBeGreaterThan(-1);
      return i;
    };
    expect(at('/docs/other/')).toBeLessThan(at('/docs/guide/'));
    expect(at('/docs/guide/second/')).toBeLessThan(at('/docs/guide/first/'));
    expect(nav).toContain('aria-current="page"');
    expect(nav).not.toContain('Deep Page Only In Other');
  });

  test('see also lists pages sharing a keyword', () => {
    const page = html('docs/guide/first/index.html');
    const seeAlso = page.slice(page.indexOf('id="see-also"'));
    expect(seeAlso).toContain('href="/docs/guide/second/"');
  });

  test('reading time, page-test badge and edit link point at the right files', () => {
    const page = html('docs/guide/first/index.html');
    expect(page).toMatch(/\d+ minute read/);
    const { url, branch } = siteConfig.repository;
    expect(page).toContain(`href="${url}/blob/${branch}/tests/fixtures/site/basic/content/en/docs/guide/first/test.sh"`);
    expect(page).toContain(`href="${url}/edit/${branch}/tests/fixtures/site/basic/content/en/docs/guide/first/index.md"`);
    // An untested page has no badge.
    expect(html('docs/guide/second/index.html')).not.toContain('mesh-badge--tested');
  });

  test('ecosystem page lists the companies of data/ecosystem.yml by kind', () => {
    const page = html('ecosystem/index.html');
    expect(page).toContain('Zeta Hosting');
    expect(page).toContain('Alpha Consulting');
    expect(page.indexOf('id="provider"')).toBeLessThan(page.indexOf('Zeta Hosting'));
  });

  test('images of a page bundle are copied beside the page', () => {
    expect(html('docs/guide/second/index.html')).toContain('<img src="./diagram.svg"');
    expect(existsSync(join(dist, 'docs/guide/second/diagram.svg'))).toBe(true);
  });

  test('a completed build is stamped, and lint checks it instead of building again', async () => {
    const paths = resolveContentPaths(join(fixture, 'content'));
    expect(isBuildCurrent(dist, paths)).toBe(true);
    const stamp = statSync(join(dist, stampName)).mtimeMs;
    const r = await run(process.execPath, ['scripts/lint.ts', '--only', 'links', '--timings'], {
      cwd: projectRoot,
      env: { MESHDOCS_CONTENT: paths.content, MESHDOCS_DIST: dist, NO_COLOR: '1' },
    });
    expect(r.stdout).toContain('site: the build in place is current, reused');
    expect(r.stdout).toMatch(/\d+ HTML pages/);
    expect(statSync(join(dist, stampName)).mtimeMs).toBe(stamp);
  });

  test('search index was built', () => {
    expect(readdirSync(join(dist, 'pagefind')).some((f) => f.startsWith('pagefind'))).toBe(true);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serveDir>>;

  beforeAll(async () => {
    server = await serveDir(dist);
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('search finds a page by a word in its body', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/docs/`);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill('zanzibarquux');
    const result = page.locator('#starlight__search .pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('href')).toContain('/docs/guide/second/');
    await page.close();
  });

  test('the copy button of a bash block copies only the commands', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/docs/guide/first/`);
    await page.locator('.mesh-code[data-lang="bash"] .mesh-code__copy').first().click();
    await page.locator('.mesh-code__copy[data-state="done"]').first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('kubectl apply -f samples/demo/app.yaml\nkubectl get pods \\\n    -n demo');
    await page.close();
  });

  test('tabs switch, and the choice persists across a reload and across pages', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/docs/guide/first/`);
    const linux = page.getByText('Linux text for the fixture.');
    const mac = page.getByText('macOS text for the fixture.');
    expect(await linux.isVisible()).toBe(true);
    expect(await mac.isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'macOS' }).click();
    expect(await mac.isVisible()).toBe(true);
    expect(await linux.isVisible()).toBe(false);
    await page.reload();
    expect(await page.getByText('macOS text for the fixture.').isVisible()).toBe(true);
    expect(await page.getByText('Linux text for the fixture.').isVisible()).toBe(false);
    await page.goto(`${server.url}/docs/guide/second/`);
    expect(await page.getByText('Second page on macOS.').isVisible()).toBe(true);
    expect(await page.getByText('Second page on Linux.').isVisible()).toBe(false);
    await page.close();
  });

  test('an alias URL redirects to the page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/docs/old-first.html`);
    await page.waitForURL(`${server.url}/docs/guide/first/`);
    expect(await page.locator('h1').textContent()).toBe('First Steps');
    await page.close();
  });

  test('the edit link and the page-test badge point at the files', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/docs/guide/first/`);
    const { url, branch } = siteConfig.repository;
    const base = 'tests/fixtures/site/basic/content/en/docs/guide/first';
    expect(await page.getByRole('link', { name: 'page test' }).getAttribute('href')).toBe(`${url}/blob/${branch}/${base}/test.sh`);
    expect(await page.getByRole('link', { name: /Edit page/ }).getAttribute('href')).toBe(`${url}/edit/${branch}/${base}/index.md`);
    await page.close();
  });

  test('dark mode toggles and is remembered', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/docs/guide/first/`);
    await page.locator('starlight-theme-select select').first().selectOption('light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.close();
  });
});
