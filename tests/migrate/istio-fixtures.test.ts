import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempDist } from '../helpers/site.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { compatPassed, loadAllowlist, runCompat, type CompatReport } from '../../src/migrate/compat.ts';
import { importHugoSite, type ImportReport } from '../../src/migrate/import-site.ts';
import { formatDiagnostic } from '../../src/model/diagnostic.ts';
import { hashTree, istioFixtures, tempDir, tsx } from './helpers.ts';
import { run as runProcess } from '../../src/process/index.ts';

/**
 * End to end over the real istio.io pages in ../shared/fixtures/istio.io: every page imports
 * without error, our snips equal istio.io's committed ones or are allowlisted with a reason,
 * the imported tree builds on our site, and the fixtures are never written.
 */
const allowlistFile = join(projectRoot, 'compat-allowlist.yml');
let before: string;
let out: string;
let imported: ImportReport;
let compat: CompatReport;

beforeAll(() => {
  before = hashTree(istioFixtures);
  out = join(tempDir('istio'), 'out');
  imported = importHugoSite(istioFixtures, out);
  compat = runCompat(istioFixtures, { allowlist: loadAllowlist(allowlistFile) });
});

describe('istio.io fixtures', () => {
  test('every page imports without error', () => {
    const markdown = (readdirSync(join(istioFixtures, 'content/en'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
    expect(imported.pages.map((p) => p.relative).sort()).toEqual(markdown.sort());
    expect(imported.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });

  test('compat passes: every page identical or allowlisted with a reason', () => {
    const differing = compat.results.filter((r) => r.status === 'differs');
    expect(compatPassed(compat)).toBe(true);
    expect(differing.filter((r) => !r.allowlisted).map((r) => r.page)).toEqual([]);
    expect(compat.unusedAllowlist).toEqual([]);
    // Every tested page and boilerplate with snips is compared; most are byte-identical.
    expect(compat.results.length).toBe(44);
    expect(compat.results.filter((r) => r.status === 'identical').length).toBe(38); // 39 before MESH003 became snips' check too: cve-2020-007-configmap runs `exec -i -t` (see compat-allowlist.yml)
  });

  test('the allowlist is exactly what differs, each entry with its reason', () => {
    const allowlist = loadAllowlist(allowlistFile);
    const differing = compat.results.filter((r) => r.status === 'differs').map((r) => r.page);
    expect(allowlist.map((e) => e.page).sort()).toEqual(differing.sort());
    for (const e of allowlist) expect(e.reason.length, e.page).toBeGreaterThan(40);
  });

  test('without the allowlist the check fails', () => {
    expect(compatPassed({ ...compat, results: compat.results.map((r) => ({ ...r, allowlisted: undefined })) })).toBe(false);
  });

  test('the fixtures are never written', () => {
    expect(hashTree(istioFixtures)).toBe(before);
  });
});

describe('npm run compat', () => {
  test('prints one line per page and the summary; exit 0 with the committed allowlist', async () => {
    const run = await runProcess(tsx, ['scripts/compat.ts', '../shared/fixtures/istio.io'], { cwd: projectRoot });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^docs\/tasks\/traffic-management\/request-routing\/index\.md {2}identical$/m);
    expect(run.stdout).toMatch(
      /^docs\/tasks\/traffic-management\/egress\/egress-tls-origination\/index\.md {2}differs at line \d+: istio\.io ".*" \| ours ".*" {2}\[allowlisted: /m,
    );
    expect(run.stdout).toMatch(/^38 identical, 6 differ \(6 allowlisted\)$/m); // 39/5 before MESH003 became snips' check too
  });

  test('exit 1 when a difference is not allowlisted', async () => {
    const empty = join(tempDir('allow'), 'empty.yml');
    const run = await runProcess(tsx, ['scripts/compat.ts', '../shared/fixtures/istio.io', '--allowlist', empty], { cwd: projectRoot });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^docs\/ambient\/usage\/waypoint\/index\.md {2}differs: same text, but our generator reports 1 error\(s\): line \d+ snip-command-after-output$/m);
    expect(run.stdout).toMatch(/^boilerplates\/cve-2020-007-configmap\.md {2}differs: same text, but our generator reports 1 error\(s\): line \d+ snip-exec-it$/m);
    expect(run.stdout).toMatch(/^38 identical, 6 differ \(0 allowlisted\)$/m);
  });

  test('exit 2 on a directory that is not a Hugo site', async () => {
    const run = await runProcess(tsx, ['scripts/compat.ts', tempDir('nosite')], { cwd: projectRoot });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('not a Hugo site root');
  });
});

describe('the imported fixtures on our site', () => {
  test('build', { timeout: 600_000 }, async () => {
    const dist = tempDist();
    const run = await runProcess(tsx, ['scripts/site.ts', 'build'], {
      cwd: projectRoot,
      env: { MESHDOCS_CONTENT: join(out, 'content'), MESHDOCS_DIST: dist },
    });
    expect(run.exitCode, run.all?.slice(-3000)).toBe(0);
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('index.html'));
    expect(pages).toContain(join('docs', 'tasks', 'traffic-management', 'request-routing', 'index.html'));
    rmSync(dist, { recursive: true, force: true });
  });
});
