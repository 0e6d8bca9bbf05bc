import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { parsePage } from '../../src/model/parse.ts';
import { hashTree, tempDir, tsx } from './helpers.ts';
import { run as runProcess } from '../../src/process/index.ts';

/**
 * End to end on istio.io's own pages (issue 15): a cut of `../shared/fixtures/istio.io-site` (read
 * from there at test time, never copied into the repository) holding a page for each shortcode the
 * importer expands from the site's data, the layout blocks, an HTML page, and the front matter Hugo
 * accepts that our build refuses. `npm run import:hugo` must exit 0 with no unsupported shortcode.
 * The whole site is imported by `npm run bench`.
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
];
const directories = ['boilerplates', 'docs/reference/glossary', 'about/case-studies/airbnb', 'about/case-studies/atlassian'];

let cut: string;
let out: string;
let before: string;
let run: { exitCode?: number; stdout: string; stderr: string };

beforeAll(async () => {
  cut = join(tempDir('istio-cut'), 'site');
  for (const rel of ['data', '.spelling']) cpSync(join(fixture, rel), join(cut, rel), { recursive: true });
  for (const rel of pages) {
    mkdirSync(dirname(join(cut, en, rel)), { recursive: true });
    cpSync(join(fixture, en, rel), join(cut, en, rel));
  }
  for (const rel of [...directories, 'about/case-studies/_index.md']) cpSync(join(fixture, en, rel), join(cut, en, rel), { recursive: true });
  before = hashTree(cut);
  out = join(tempDir('istio-cut-out'), 'out');
  run = await runProcess(tsx, ['scripts/import-hugo.ts', cut, out, '--verbose'], { cwd: projectRoot });
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
