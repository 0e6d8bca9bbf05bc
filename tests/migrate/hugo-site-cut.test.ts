import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readBuiltSite, type BuiltSite } from '../../src/bench/built-site.ts';
import { projectRoot } from '../../src/config/paths.ts';
import { parsePage } from '../../src/model/parse.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/site.ts';
import { serveDir } from '../helpers/static-server.ts';
import { hashTree, tempDir, node } from './helpers.ts';
import { run as runProcess } from '../../src/process/index.ts';

/**
 * End to end on istio.io's own pages (issue 15): a cut of `../shared/fixtures/istio.io-site` (read
 * from there at test time, never copied into the repository) holding a page for each shortcode the
 * importer expands from the site's data, the layout blocks, an HTML page, and the front matter Hugo
 * accepts that our build refuses. `npm run import:hugo` must exit 0 with no unsupported shortcode,
 * and `npm run build` of the output, with no edit, must render every page (no shortcode shown as
 * text, the mermaid diagram drawn in Chromium). The whole site is imported and built by
 * `npm run bench -- istio-site`.
 */
const fixture = resolve(projectRoot, '../shared/fixtures/istio.io-site');
const en = 'content/en';

/** Pages (their file only) and whole directories taken from the fixture. */
const pages = [
  'news/releases/1.25.x/announcing-1.25/_index.md', // relnote, minor release (change and upgrade notes)
  'news/releases/1.25.x/announcing-1.25/change-notes/index.md',
  'news/releases/1.25.x/announcing-1.25/upgrade-notes/index.md',
  'news/releases/1.19.x/announcing-1.19.3/index.md', // relnote, patch release
  'news/security/istio-security-2024-005/index.md', // security_bulletin
  'docs/releases/feature-stages/index.md', // features
  'docs/releases/supported-releases/index.md', // support_status_table
  'docs/ops/deployment/platform-requirements/index.md', // aliases as a string
  'docs/setup/platform-setup/_index.md', // supported_kubernetes_versions
  'docs/releases/_index.md', // an empty aliases
  'about/_index.md', // the section page the header's "About" links to
  'about/service-mesh/index.md', // centered_block, feature_block, figure
  'about/ecosystem/index.md', // companies, interactive_panels, interactive_panel_modal
  'get-involved/_index.md', // involve_block ({{% %}})
  'docs/releases/log/index.md', // change_log
  'docs/ops/integrations/loadbalancers/index.md', // mermaid
  'blog/2019/data-plane-setup/index.md', // a bash block indented past its tag
  'docs/ops/best-practices/_index.md', // two pages claiming the same aliases
  'docs/ops/common-problems/_index.md',
  '_index.html', // HTML landing page: content_panel, company_logo, logo_carousel
  'docs/reference/config/networking/virtual-service/index.html', // HTML API reference page
  'docs/releases/contribute/shortcodes/index.md', // escaped shortcodes in prose
];
const directories = ['boilerplates', 'docs/reference/glossary', 'about/case-studies/airbnb', 'about/case-studies/atlassian'];

let cut: string;
let out: string;
let before: string;
let run: { exitCode?: number; stdout: string; stderr: string };

beforeAll(async () => {
  cut = join(tempDir('istio-cut'), 'site');
  for (const rel of ['data', '.spelling', 'hugo.toml']) cpSync(join(fixture, rel), join(cut, rel), { recursive: true });
  for (const rel of pages) {
    mkdirSync(dirname(join(cut, en, rel)), { recursive: true });
    cpSync(join(fixture, en, rel), join(cut, en, rel));
  }
  for (const rel of [...directories, 'about/case-studies/_index.md']) cpSync(join(fixture, en, rel), join(cut, en, rel), { recursive: true });
  before = hashTree(cut);
  out = join(tempDir('istio-cut-out'), 'out');
  run = await runProcess(node, ['scripts/import-hugo.ts', cut, out, '--verbose'], { cwd: projectRoot });
}, 240_000);

const output = (rel: string): string => readFileSync(join(out, en, rel), 'utf8');

describe('importing a cut of istio.io', () => {
  test('exits 0 with no error and no unsupported shortcode', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('shortcode-unsupported');
    expect(run.stdout).toMatch(/^0 error\(s\), \d+ warning\(s\)/m);
    expect(run.exitCode).toBe(0);
  });

  test('never changes the source tree', () => {
    expect(hashTree(cut)).toBe(before);
  });

  test('every imported page reads back without a problem in our page model, and shows no shortcode outside code', () => {
    const files = (readdirSync(join(out, en), { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(pages.length);
    for (const rel of files) {
      const kind = rel.startsWith('docs') ? 'docs' : rel.startsWith('boilerplates') ? 'boilerplate' : rel.startsWith('glossary') ? 'glossary' : 'page';
      const page = parsePage(output(rel), kind, rel);
      expect(page.diagnostics.filter((d) => d.severity === 'error'), rel).toEqual([]);
      const prose = page.source.split('\n').filter((_, i) => !page.codeBlocks.some((b) => i + 1 >= b.line && i + 1 <= b.line + b.value.split('\n').length + 1));
      expect(prose.filter((l) => /\{\{[<%] *\/?[a-z_]+/.test(l) && !/`[^`]*\{\{/.test(l)), rel).toEqual([]);
    }
  });

  test('release announcements and security bulletins come with their links and table', () => {
    const minor = output('news/releases/1.25.x/announcing-1.25/_index.md');
    expect(minor).toContain('- **[Download](https://github.com/istio/istio/releases/tag/1.25.0)**');
    expect(minor).toContain('- **[Change notes](change-notes/)**');
    expect(output('news/releases/1.19.x/announcing-1.19.3/index.md')).toContain('(https://github.com/istio/istio/compare/1.19.2...1.19.3)');
    const bulletin = parsePage(output('news/security/istio-security-2024-005/index.md'), 'page', 'b.md');
    expect(bulletin.tree.children.some((n) => n.type === 'table')).toBe(true);
  });

  test('data-driven shortcodes are expanded from data/', () => {
    expect(output('docs/releases/feature-stages/index.md')).toMatch(/^\| Feature \| Phase \|$/m);
    expect(output('docs/releases/supported-releases/index.md')).toMatch(/^\| Version \| Currently Supported \|/m);
    expect(output('docs/setup/platform-setup/_index.md')).toMatch(/: 1\.29, 1\.30, 1\.31, 1\.32\./);
    expect(output('_index.md')).toContain('<ul class="case-studies logo-carousel"><li><a href="/about/case-studies/');
  });

  test('an indented bash block without a prompt becomes a valid bash block', () => {
    const page = parsePage(output('blog/2019/data-plane-setup/index.md'), 'page', 'p.md');
    expect(page.codeBlocks.filter((b) => b.lang === 'bash').every((b) => b.bash && !b.bash.noCommand)).toBe(true);
  });

  test('HTML content pages come over as pages, their HTML intact', () => {
    expect(existsSync(join(out, en, 'docs/reference/config/networking/virtual-service/index.html'))).toBe(false);
    const api = parsePage(output('docs/reference/config/networking/virtual-service/index.md'), 'docs', 'vs.md');
    expect(api.diagnostics).toEqual([]);
    expect(api.frontmatter?.title).toBe('Virtual Service');
    expect(api.codeBlocks).toEqual([]);
    expect(api.tree.children.filter((n) => n.type !== 'yaml').map((n) => n.type)).toEqual(['html']);
    expect(readFileSync(join(fixture, en, 'docs/reference/config/networking/virtual-service/index.html'), 'utf8').match(/<pre/g)?.length).toBe(api.source.match(/<pre/g)?.length);
  });

  test('front matter: a string alias becomes a list, an empty one is dropped, a claimed-twice alias stays with one page', () => {
    const fm = (rel: string): Record<string, unknown> => parsePage(output(rel), rel.startsWith('docs') ? 'docs' : 'page', rel).rawFrontmatter;
    expect(fm('docs/ops/deployment/platform-requirements/index.md').aliases).toEqual(['docs/setup/platform-setup/prerequisites']);
    expect(readFileSync(join(fixture, en, 'docs/releases/_index.md'), 'utf8')).toMatch(/^aliases:\n/m);
    expect('aliases' in fm('docs/releases/_index.md')).toBe(false);
    const kept = fm('docs/ops/best-practices/_index.md').aliases as string[];
    const other = (fm('docs/ops/common-problems/_index.md').aliases as string[] | undefined) ?? [];
    expect(kept.filter((a) => other.includes(a))).toEqual([]);
    expect(run.stdout).toMatch(/common-problems\/_index\.md:\d+ {2}alias-duplicate {2}alias \S+ is also claimed by \S+best-practices\/_index\.md/);
  });

  test(".spelling's words become the tree's word list, sorted", () => {
    const words = readFileSync(join(out, '.cspell/project-words.txt'), 'utf8').split('\n');
    const theirs = readFileSync(join(fixture, '.spelling'), 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
    for (const w of ['istiod', 'ztunnel', 'istioctl']) expect(words).toContain(w);
    expect(new Set(words.filter(Boolean))).toEqual(new Set(theirs.filter((w) => !w.startsWith('#'))));
    expect(parseYaml(readFileSync(join(out, 'data/args.yml'), 'utf8'))).toMatchObject({ version: expect.any(String) });
  });
});

describe('the imported cut, built with no edit', () => {
  let build: Awaited<ReturnType<typeof buildSite>>;
  let site: BuiltSite;
  const html = (path: string): string => readFileSync(join(build.dist, path, 'index.html'), 'utf8');

  beforeAll(async () => {
    build = await buildSite(join(out, 'content'));
    site = readBuiltSite(build.dist);
  }, 400_000);
  afterAll(() => {
    if (build?.dist) rmSync(build.dist, { recursive: true, force: true });
  });

  test('exits 0 and renders every imported page, none showing a shortcode as text outside code', () => {
    expect(build.exitCode, build.output).toBe(0);
    const imported = (readdirSync(join(out, en), { recursive: true }) as string[])
      .map((f) => f.split('\\').join('/'))
      .filter((f) => f.endsWith('.md') && !/^(boilerplates|glossary)\//.test(f))
      .map((f) => `/${f.replace(/(^|\/)_?index\.md$/, '$1').replace(/\.md$/, '/')}`);
    expect(imported.length).toBeGreaterThanOrEqual(pages.length);
    // Redirect pages (aliases) are not counted as pages.
    expect(site.pages).toEqual(expect.arrayContaining(imported));
    expect(site.redirects.length).toBeGreaterThan(0);
    expect(site.pages.filter((p) => site.redirects.includes(p))).toEqual([]);
    expect(site.shortcodeText).toEqual([]);
    for (const path of ['/', '/about/', '/about/ecosystem/', '/docs/reference/config/networking/virtual-service/', '/news/releases/1.25.x/announcing-1.25/']) {
      expect(site.pages, path).toContain(path);
    }
  });

  test('escaped shortcodes in prose show as code', () => {
    expect(html('docs/releases/contribute/shortcodes')).toMatch(/<strong><code[^>]*>\{\{&#x3C; github_file >\}\}<\/code><\/strong>/);
  });

  test('the header title and navigation come from hugo.toml, as data/site.yml', () => {
    const config = parseYaml(readFileSync(join(out, 'data/site.yml'), 'utf8')) as { title: string; nav: { label: string; link: string; children?: { label: string; link: string }[] }[] };
    expect(config.title).toBe('Istio');
    expect(config.nav.map((n) => n.label)).toEqual(['About', 'Blog', 'News', 'Get involved', 'Documentation']);
    expect(config.nav[0]).toMatchObject({ link: '/about/', children: expect.arrayContaining([{ label: 'FAQ', link: '/about/faq/' }]) });
    expect(config.nav[1]).toEqual({ label: 'Blog', link: '/blog/' });
  });

  test('the API reference page keeps its tables, with the styles for its classes', () => {
    const page = html('docs/reference/config/networking/virtual-service');
    expect(page).toContain('<table class="message-fields">');
    const css = (readdirSync(join(build.dist, '_astro')) as string[]).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(build.dist, '_astro', f), 'utf8')).join('');
    for (const selector of ['.message-fields', '.panel-title', '.company-logo', '.logo-carousel', 'pre.mesh-mermaid']) expect(css, selector).toContain(selector);
  });

  test('a mermaid fence becomes a diagram: its source escaped in the HTML, drawn as SVG in Chromium', async () => {
    const path = '/docs/ops/integrations/loadbalancers/';
    const source = html(path.slice(1, -1));
    expect(source).toMatch(/<pre class="mermaid mesh-mermaid">graph LR\n[^<]*cc-->tpi-->a<\/pre>/);
    expect(source).not.toContain('data-lang="mermaid"');
    // The library is fetched only where a diagram is: not on the home page.
    const server = await serveDir(build.dist);
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const page = await browser.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      const library = (u: string): boolean => /\/mermaid\.core\.[^/]*\.js$/.test(u);
      await page.goto(`${server.url}/`);
      await page.waitForLoadState('networkidle');
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter(library)).toEqual([]);
      await page.goto(`${server.url}${path}`);
      // The page has two diagrams; mermaid draws them one after the other.
      await page.locator('pre.mermaid svg').nth(1).waitFor({ timeout: 60_000 });
      expect(await page.locator('pre.mermaid svg').count()).toBe(2);
      expect(await page.locator('pre.mermaid svg').first().textContent()).toContain('Third Party Ingress');
      expect(scripts.filter(library)).toHaveLength(1);
    } finally {
      await browser?.close();
      await server.close();
    }
  }, 120_000);
});
