import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { importHugoSite, ImportInputError, type ImportReport } from '../../src/migrate/import-site.ts';
import { formatDiagnostic } from '../../src/model/diagnostic.ts';
import { splitBanner } from '../../src/snips/index.ts';
import { demoSite, hashTree, tempDir, node } from './helpers.ts';
import { loadRepositories, repositoryUrl } from '../../src/site/repositories.ts';
import { run as runProcess } from '../../src/process/index.ts';

/** The demo Hugo site (tests/fixtures/migrate/hugo-site) imported once; each test reads the result. */
let out: string;
let report: ImportReport;
let before: string;

beforeAll(() => {
  before = hashTree(demoSite);
  out = join(tempDir('import'), 'out');
  report = importHugoSite(demoSite, out, { display: (f) => f.replace(`${demoSite}/`, '') });
});

const outFile = (rel: string): string => join(out, rel);
const siteFile = (rel: string): string => join(demoSite, rel);

describe('importing the demo site', () => {
  test('never changes the source tree', () => {
    expect(hashTree(demoSite)).toBe(before);
  });

  test('imports every page without error; unsupported shortcodes are reported with file:line', () => {
    expect(report.pages).toHaveLength(8);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([
      'content/en/news/releases/1.0.1/index.md:16  shortcode-unsupported  {{< demo_widget >}}: not supported by the importer: kept visible as text (warning)',
    ]);
  });

  test('expands the shortcodes istio.io renders from its data and the page (relnote, involve_block, supported_kubernetes_versions)', () => {
    const news = readFileSync(outFile('content/en/news/releases/1.0.1/index.md'), 'utf8');
    expect(news).toContain('- **[Download](https://github.com/istio/istio/releases/tag/1.0.1)**: Download and install this release.\n');
    expect(news).toContain('- **[Source changes](https://github.com/istio/istio/compare/1.0.0...1.0.1)**');
    expect(news).toContain('\n\nJoin the **community**.\n\n`{{< demo_widget >}}`');
    expect(readFileSync(outFile('content/en/docs/tasks/demo/index.md'), 'utf8')).toContain('The supported versions are 1.29, 1.30.');
  });

  test('copies data/args.yml, test scripts and bundle files byte for byte', () => {
    for (const rel of ['data/args.yml', 'content/en/docs/tasks/demo/test.sh', 'content/en/docs/tasks/demo/gtwapi_test.sh', 'content/en/docs/tasks/demo/diagram.svg']) {
      expect(readFileSync(outFile(rel)), rel).toEqual(readFileSync(siteFile(rel)));
    }
  });

  test('writes data/repositories.yml so @path@ keeps linking to istio/istio (and repo=NAME to istio/NAME)', () => {
    const repos = loadRepositories(join(outFile('data')));
    expect(repositoryUrl(repos)).toBe('https://github.com/istio/istio');
    expect(repositoryUrl(repos, 'api')).toBe('https://github.com/istio/api');
  });

  test('moves glossary entries to content/en/glossary/ and keeps the glossary page', () => {
    expect(readFileSync(outFile('content/en/glossary/proxy.md'), 'utf8')).toBe(readFileSync(siteFile('content/en/docs/reference/glossary/proxy.md'), 'utf8'));
    expect(existsSync(outFile('content/en/glossary/control-plane.md'))).toBe(true);
    expect(existsSync(outFile('content/en/docs/reference/glossary/proxy.md'))).toBe(false);
    expect(existsSync(outFile('content/en/docs/reference/glossary/index.md'))).toBe(true);
    expect(report.glossaryEntries).toBe(2);
  });

  test("does not copy the site's generated snips; generates ours, which bash sources", async () => {
    const bp = readFileSync(outFile('content/en/boilerplates/snips/prepare-namespace.sh'), 'utf8');
    expect(bp).not.toBe(readFileSync(siteFile('content/en/boilerplates/snips/prepare-namespace.sh'), 'utf8'));
    expect(splitBanner(bp)?.body).toBe('\nbpsnip_prepare_namespace_create_ns() {\nkubectl create namespace demo\n}\n');
    const script = 'source content/en/docs/tasks/demo/snips.sh && type snip_get_config >/dev/null && printf "%s" "$snip_get_config_out"';
    const run = await runProcess('bash', ['-c', script], { cwd: out });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('data:\n  version: 2.4.0');
  });

  test('fixes front matter our schema rejects, keeping Hugo’s meaning', () => {
    const text = readFileSync(outFile('content/en/news/releases/1.0.1/index.md'), 'utf8');
    expect(text.split('---')[1]).toBe('\ntitle: Demo 1.0.1\npublishdate: 2024-01-02\nrelease: 1.0.1\nskip_toc: true\ntest: n/a\n');
  });
});

describe('bad input', () => {
  test('refuses a non-empty output directory, an output inside the site, and a non-site', () => {
    const full = tempDir('full');
    writeFileSync(join(full, 'x'), '');
    expect(() => importHugoSite(demoSite, full)).toThrow(ImportInputError);
    expect(() => importHugoSite(demoSite, join(demoSite, 'out'))).toThrow(/must not be inside the site/);
    expect(() => importHugoSite(tempDir('empty'), join(tempDir('o'), 'o'))).toThrow(/not a Hugo site root/);
    expect(existsSync(join(demoSite, 'out'))).toBe(false);
  });
});

describe('the CLI', () => {
  test('prints problems and a summary; exit 0', async () => {
    const target = join(tempDir('cli'), 'out');
    const run = await runProcess(node, ['scripts/import-hugo.ts', 'tests/fixtures/migrate/hugo-site', target], { cwd: projectRoot });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^tests\/fixtures\/migrate\/hugo-site\/content\/en\/news\/releases\/1\.0\.1\/index\.md:16 {2}shortcode-unsupported/m);
    expect(run.stdout).toMatch(/^imported 8 pages \(1 with test: yes, 2 glossary entries\), copied 3 files, wrote 2 snips files/m);
    expect(run.stdout).toMatch(/^0 error\(s\), 1 warning\(s\)/m);
  });

  test('exit 1 when a page has errors (a text_import file that does not exist)', async () => {
    const site = tempDir('bad-site');
    mkdirSync(join(site, 'content/en/docs/a'), { recursive: true });
    mkdirSync(join(site, 'data'));
    writeFileSync(join(site, 'data/args.yml'), readFileSync(join(demoSite, 'data/args.yml')));
    writeFileSync(join(site, 'content/en/docs/a/index.md'), '---\ntitle: A\ntest: no\n---\n\n{{< text_import file="missing.txt" syntax="plain" >}}\n');
    const run = await runProcess(node, ['scripts/import-hugo.ts', site, join(tempDir('o'), 'o')], { cwd: projectRoot });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('content/en/docs/a/index.md:6  text-import-missing');
  });

  test('exit 2 on bad invocation or a non-empty output directory', async () => {
    const usage = await runProcess(node, ['scripts/import-hugo.ts', 'only-one-arg'], { cwd: projectRoot });
    expect(usage.exitCode).toBe(2);
    const full = tempDir('full');
    writeFileSync(join(full, 'x'), '');
    const run = await runProcess(node, ['scripts/import-hugo.ts', demoSite, full], { cwd: projectRoot });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('the output directory is not empty');
  });
});

describe('a test written for istio.io’s harness', () => {
  test('is accepted by our runner unchanged: --dry-run shows the assembled script and its setup group', async () => {
    const dir = join(out, 'content/en/docs/tasks/demo');
    const run = await runProcess(node, ['scripts/doctest.ts', '--cluster', 'current', '--dry-run', dir], {
      cwd: projectRoot,
      env: { MESHDOCS_CONTENT: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^# setup profile=none/m);
    expect(run.stdout).toContain('## test tasks/demo/test.sh (setup profile=none)');
    expect(run.stdout).toContain('source "content/en/docs/tasks/demo/snips.sh" # snips.sh');
    // The test body as written, followed by its cleanup part.
    expect(run.stdout).toContain('_verify_like snip_before_you_begin_1 "$snip_before_you_begin_1_out"');
    expect(run.stdout).toMatch(/set \+e # ignore cleanup errors\nsnip_cleanup_1/);
    // The gtwapi_test.sh pattern: its own setup group, sourcing the sibling test.
    expect(run.stdout).toMatch(/^# setup profile=default/m);
    expect(run.stdout).toContain('## test tasks/demo/gtwapi_test.sh (setup profile=default)');
    expect(run.stdout).toContain('source "content/en/docs/tasks/demo/test.sh"');
  });
});
