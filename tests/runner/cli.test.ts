import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { start, type Running } from '../../src/process/index.ts';
import type { RunReport } from '../../src/runner/types.ts';
import { alive, doctestCli, fixtures, site, siteDocs, tempDir } from './helpers.ts';

const content = join(site, 'content');

/** Runs the CLI on the fixture site with its own report and marker directories. */
async function runSite(args: string[], env: Record<string, string> = {}) {
  const reportDir = tempDir('doctest-report-');
  const markers = tempDir('doctest-markers-');
  const r = await doctestCli(['--content', content, '--report-dir', reportDir, ...args], {
    env: { MARKER_DIR: markers, ...env },
  });
  const reportFile = join(reportDir, 'report.json');
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as RunReport) : undefined;
  return { ...r, all: String(r.all), reportDir, markers, report };
}

const marker = (dir: string, name: string) => join(dir, name);

/** A test that failed half-way must not leave its runner (and the runner's test) running: two SIGINTs stop both. */
async function stopCli(child: Running) {
  if (child.exited) return;
  child.kill('SIGINT');
  await new Promise((ok) => setTimeout(ok, 1000));
  child.kill('SIGINT');
  await child.result;
}

describe.concurrent('doc-test runner, end to end on profile=none pages', () => {
  test('one passing and one failing test: exit 1, JUnit counts, the failing snip and its page line', async () => {
    const r = await runSite([join(siteDocs, 'pass'), join(siteDocs, 'fail')]);
    expect(r.exitCode, r.all).toBe(1);
    const junit = readFileSync(join(r.reportDir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites name="doctest" tests="2" failures="1" errors="0" skipped="0"/);
    expect(junit.match(/<testcase /g)).toHaveLength(2);
    expect(junit.match(/<failure /g)).toHaveLength(1);
    const failing = junit.slice(junit.indexOf('name="fail/test.sh"'));
    expect(failing).toMatch(
      /<failure type="exit" message="_verify_same snip_show_the_version_1 failed after \d+ attempts? \(content\/en\/docs\/fail\/index.md:9, fail\/test.sh:12\)"/,
    );
    expect(failing).toContain('received:\nversion 2\nexpected:\nversion 1');
    // Cleanup ran for both, and the failing test stopped at the failing verify.
    expect(existsSync(marker(r.markers, 'pass.cleanup'))).toBe(true);
    expect(existsSync(marker(r.markers, 'fail.cleanup'))).toBe(true);
    expect(existsSync(marker(r.markers, 'fail.after'))).toBe(false);
    // Artifacts are kept for the failure only.
    for (const f of ['test.sh', 'test.sh_cleanup.sh', 'test.sh_output.txt', 'test.sh_debug.txt']) {
      expect(existsSync(join(r.reportDir, 'fail', f)), f).toBe(true);
    }
    expect(readFileSync(join(r.reportDir, 'fail', 'test.sh_output.txt'), 'utf8')).toContain('VERIFY FAILED snip_show_the_version_1');
    expect(readFileSync(join(r.reportDir, 'fail', 'test.sh_debug.txt'), 'utf8')).toContain('+_verify_same');
    expect(existsSync(join(r.reportDir, 'pass'))).toBe(false);
  });

  test('report.json records steps; index.html links the failure to the site and the source line', async () => {
    const r = await runSite([join(siteDocs, 'pass'), join(siteDocs, 'fail')]);
    const pass = r.report!.tests.find((t) => t.id === 'pass/test.sh')!;
    expect(pass.status).toBe('passed');
    expect(pass.steps.map((s) => `${s.kind} ${s.name} ${s.status} ${s.scriptLine} ${s.pageLine?.line}`)).toEqual([
      'verify _verify_same passed 10 9',
      'snip snip_count_1 passed 11 16',
      'verify _verify_same passed 12 16',
    ]);
    expect(pass.steps[1]!.output).toBe('2\n');
    const html = readFileSync(join(r.reportDir, 'index.html'), 'utf8');
    expect(html).toContain('href="https://meshdocs.dev/docs/fail/"');
    expect(html).toContain('href="https://github.com/meshdocs/meshdocs/blob/main/content/en/docs/fail/index.md#L9"');
    expect(html).toContain('href="https://github.com/meshdocs/meshdocs/blob/main/content/en/docs/fail/test.sh#L12"');
  });

  test('a failing command stops the test at that snip; cleanup still runs with the sourced helpers', async () => {
    const r = await runSite([join(siteDocs, 'errexit')]);
    expect(r.exitCode).toBe(1);
    const t = r.report!.tests[0]!;
    expect(t.failure?.message).toBe('snip_break_1 failed: the script exited with 2 (content/en/docs/errexit/index.md:15, errexit/test.sh:13)');
    expect(t.failure?.detail).toContain('No such file or directory');
    expect(readFileSync(marker(r.markers, 'errexit.cleanup'), 'utf8').trim()).toBe('function');
  });

  test('a hanging test is killed at its @timeout with its children and its setsid daemon, and its cleanup runs', async () => {
    const r = await runSite([join(siteDocs, 'hang')]);
    expect(r.exitCode, r.all).toBe(1);
    const t = r.report!.tests[0]!;
    expect(t.failure?.reason).toBe('timeout');
    expect(t.failure?.message).toBe('timed out after 2.0s in snip_wait_forever_1 (content/en/docs/hang/index.md:12, hang/test.sh:19)');
    expect(existsSync(marker(r.markers, 'hang.cleanup'))).toBe(true);
    for (const p of ['hang.shell', 'hang.background', 'hang.grandchild', 'hang.stubborn', 'hang.daemon']) {
      const pid = Number(readFileSync(marker(r.markers, p), 'utf8'));
      expect(pid, p).toBeGreaterThan(0);
      expect(alive(pid), `${p} ${pid} survived`).toBe(false);
    }
  });

  test('a page without its generated snips.sh fails, saying how to make it', async () => {
    const r = await runSite([join(siteDocs, 'no-snips')]);
    expect(r.exitCode).toBe(1);
    expect(r.report!.tests[0]!.failure).toMatchObject({
      reason: 'missing-snips',
      message: 'content/en/docs/no-snips/snips.sh does not exist: run `npm run snips`',
    });
  });

  test('--timeout overrides the script header', async () => {
    const r = await runSite(['--timeout', '1s', join(siteDocs, 'hang')]);
    expect(r.report!.tests[0]!.failure?.message).toMatch(/^timed out after 1\.0s/);
  });

  // A closed terminal or SSH session (SIGHUP) stops a run the way Ctrl-C does.
  test.for(['SIGINT', 'SIGHUP'] as const)('%s stops the running test, runs its cleanup, writes the report, and leaves nothing running', async (signal, { onTestFinished }) => {
    const reportDir = tempDir('doctest-report-');
    const markers = tempDir('doctest-markers-');
    const child = start(
      process.execPath,
      [join(projectRoot, 'scripts/doctest.ts'), '--content', content, '--report-dir', reportDir, '--timeout', '5m', join(siteDocs, 'hang'), join(siteDocs, 'pass')],
      { cwd: projectRoot, env: { MARKER_DIR: markers, CI: '' } },
    );
    onTestFinished(() => stopCli(child));
    const grandchild = marker(markers, 'hang.grandchild');
    const daemon = marker(markers, 'hang.daemon');
    for (let i = 0; i < 600 && !(existsSync(grandchild) && existsSync(daemon)); i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(existsSync(grandchild)).toBe(true);
    expect(existsSync(daemon)).toBe(true);
    await new Promise((ok) => setTimeout(ok, 200));
    child.kill(signal);
    const r = await child.result;
    expect(r.exitCode, String(r.all)).toBe(130);
    expect(existsSync(marker(markers, 'hang.cleanup'))).toBe(true);
    for (const p of ['hang.shell', 'hang.background', 'hang.grandchild', 'hang.stubborn', 'hang.daemon']) {
      expect(alive(Number(readFileSync(marker(markers, p), 'utf8'))), p).toBe(false);
    }
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as RunReport;
    expect(report.interrupted).toBe(true);
    expect(report.tests.map((t) => `${t.id} ${t.status} ${t.failure?.reason ?? t.skipReason}`)).toEqual([
      'hang/test.sh failed interrupted',
      'pass/test.sh skipped interrupted',
    ]);
  });

  test('a second SIGINT stops a hanging cleanup too; nothing survives', async ({ onTestFinished }) => {
    const markers = tempDir('doctest-markers-');
    const child = start(
      process.execPath,
      [join(projectRoot, 'scripts/doctest.ts'), '--content', content, '--report-dir', tempDir(), join(siteDocs, 'slow-cleanup')],
      { cwd: projectRoot, env: { MARKER_DIR: markers, CI: '' } },
    );
    onTestFinished(() => stopCli(child));
    const waitFor = async (name: string) => {
      for (let i = 0; i < 600 && !existsSync(marker(markers, name)); i++) await new Promise((ok) => setTimeout(ok, 50));
      expect(existsSync(marker(markers, name)), name).toBe(true);
    };
    await waitFor('slow.shell');
    child.kill('SIGINT');
    await waitFor('slow.cleanup-child');
    child.kill('SIGINT');
    const r = await child.result;
    expect(r.exitCode, String(r.all)).toBe(130);
    for (const p of ['slow.shell', 'slow.cleanup', 'slow.cleanup-child']) {
      expect(alive(Number(readFileSync(marker(markers, p), 'utf8'))), p).toBe(false);
    }
  });

  test('--rerun-failed runs only the failures of the last report', async () => {
    const first = await runSite([join(siteDocs, 'pass'), join(siteDocs, 'fail')]);
    expect(first.exitCode).toBe(1);
    const again = await doctestCli(['--content', content, '--report-dir', first.reportDir, '--rerun-failed'], {
      env: { MARKER_DIR: first.markers },
    });
    expect(again.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(join(first.reportDir, 'report.json'), 'utf8')) as RunReport;
    expect(report.tests.map((t) => t.id)).toEqual(['fail/test.sh']);
    // Durations of the earlier run are kept for shard balancing.
    expect(Object.keys(report.durations).sort()).toEqual(['fail/test.sh', 'pass/test.sh']);
  });

  test('--rerun-failed on a report.json that is not a report: exit 2 naming the file; a plain run warns and replaces it', async () => {
    const reportDir = tempDir('doctest-report-');
    const file = join(reportDir, 'report.json');
    writeFileSync(file, '{}\n');
    const again = await doctestCli(['--content', content, '--report-dir', reportDir, '--rerun-failed']);
    expect(again.exitCode, String(again.all)).toBe(2);
    expect(String(again.stderr)).toContain(`error: ${file}: not a doc-test report (version: `);
    writeFileSync(file, '{"version": 1, "startedAt": "x", "tests": [{}], "durations": {}}');
    const field = await doctestCli(['--content', content, '--report-dir', reportDir, '--rerun-failed']);
    expect(field.exitCode).toBe(2);
    expect(String(field.stderr)).toContain(`${file}: not a doc-test report (tests.0.id: Required)`);
    const plain = await doctestCli(['--content', content, '--report-dir', reportDir, join(siteDocs, 'pass')], { env: { MARKER_DIR: tempDir() } });
    expect(plain.exitCode, String(plain.all)).toBe(0);
    expect(String(plain.stderr)).toContain(`warning: ${file}: not a doc-test report (tests.0.id: Required); ignored, this run replaces it`);
    expect((JSON.parse(readFileSync(file, 'utf8')) as RunReport).tests.map((t) => t.id)).toEqual(['pass/test.sh']);
  });

  test('--timeout 0 means no time limit (not an immediate one): a passing test passes', async () => {
    const r = await runSite(['--timeout', '0', join(siteDocs, 'pass')]);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.report!.tests[0]!.status).toBe('passed');
  });

  test('the shards of a run split the tests between them', async () => {
    const ids = await Promise.all(
      ['1/2', '2/2'].map(async (s) => (await runSite(['--shard', s, '--run', '^(pass|libs|fail)/'])).report!.tests.map((t) => t.id)),
    );
    expect([...ids[0]!, ...ids[1]!].sort()).toEqual(['fail/test.sh', 'libs/test.sh', 'pass/test.sh']);
    expect(ids[0]!.filter((id) => ids[1]!.includes(id))).toEqual([]);
  });

  test('scripts run from the docs repo root and find tests/util through the library', async () => {
    const r = await runSite([join(siteDocs, 'libs')]);
    expect(r.exitCode, r.all).toBe(0);
    expect(readFileSync(marker(r.markers, 'libs.cleanup'), 'utf8').trim()).toBe('ok');
    expect(r.all).toMatch(/^ok {3}libs\/test.sh/m);
  });

  test("istio.io's pattern: gtwapi_test.sh sources the page's test.sh; cleanups re-apply quoted sources", async () => {
    const r = await runSite([join(siteDocs, 'istio-style')]);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.report!.tests.map((t) => t.id)).toEqual(['istio-style/gtwapi_test.sh', 'istio-style/test.sh']);
    expect(readFileSync(marker(r.markers, 'istio-style.runs'), 'utf8')).toBe('true\nfalse\n');
    expect(readFileSync(marker(r.markers, 'istio-style.cleanups'), 'utf8')).toBe('gtwapi cleanup true\ntest.sh cleanup\n');
    const gtw = r.report!.tests[0]!;
    expect(gtw.steps[0]).toMatchObject({
      name: 'snip_greet_1',
      calledFrom: { file: 'content/en/docs/istio-style/test.sh', line: 15 },
      pageLine: { file: 'content/en/docs/istio-style/index.md', line: 9 },
    });
  });

  test('MESHDOCS_CONTENT=/x/content runs the scripts from /x', async () => {
    const markers = tempDir();
    const r = await doctestCli(['--report-dir', tempDir(), '--run', '^libs/'], { env: { MESHDOCS_CONTENT: content, MARKER_DIR: markers } });
    expect(r.exitCode, String(r.all)).toBe(0);
    expect(readFileSync(marker(markers, 'libs.cleanup'), 'utf8').trim()).toBe('ok');
  });

  test('selectors are relative to the current directory; --run filters by path', async () => {
    const reportDir = tempDir('doctest-report-');
    const r = await doctestCli(['--report-dir', reportDir, '--run', 'pa', '.'], { cwd: siteDocs, env: { MARKER_DIR: tempDir() } });
    expect(r.exitCode, String(r.all)).toBe(0);
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as RunReport;
    expect(report.tests.map((t) => t.id)).toEqual(['pass/test.sh']);
  });

  test('--dry-run prints the setup group and the assembled scripts, and runs nothing', async () => {
    const markers = tempDir();
    const r = await doctestCli(['--cluster', 'current', '--dry-run', join(siteDocs, 'pass')], { env: { MARKER_DIR: markers } });
    expect(r.exitCode).toBe(0);
    const out = String(r.stdout);
    expect(out).toContain('# setup profile=none: no cluster');
    expect(out).toContain('## test pass/test.sh (setup profile=none)');
    expect(out).toContain('source "content/en/docs/pass/snips.sh" # snips.sh');
    expect(out).toContain('set +e # ignore cleanup errors');
    expect(existsSync(marker(markers, 'pass.cleanup'))).toBe(false);
  });
});

describe('setups file of the docs repo', () => {
  test("a docs repo's config/setups.yml declares its own setups", async () => {
    const root = join(fixtures, 'own-setups');
    const r = await doctestCli(['--report-dir', tempDir(), join(root, 'content/en/docs/custom')]);
    expect(r.exitCode, String(r.all)).toBe(0);
    expect(String(r.stdout)).toMatch(/^ok {3}custom\/test.sh/m);
  });
});

describe('CI', () => {
  test('a ciOnly setup runs when CI is set to any true value (CI=1 too) and is skipped when CI is empty', async () => {
    const root = join(fixtures, 'own-setups');
    const setups = join(tempDir('setups-'), 'setups.yml');
    writeFileSync(setups, 'setups:\n  workstation:\n    cluster: false\n    ciOnly: true\n');
    const args = (reportDir: string) => ['--report-dir', reportDir, '--setups', setups, join(root, 'content/en/docs/custom')];
    for (const CI of ['1', 'true']) {
      const r = await doctestCli(args(tempDir()), { env: { CI } });
      expect(r.exitCode, `CI=${CI}: ${String(r.all)}`).toBe(0);
      expect(String(r.stdout)).toMatch(/^ok {3}custom\/test.sh/m);
    }
    const local = await doctestCli(args(tempDir()), { env: { CI: '' } });
    expect(local.exitCode, String(local.all)).toBe(2);
    expect(String(local.stderr)).toContain('runs only in CI (set CI=true or CI=1)');
  });
});

describe("the project's own pages", () => {
  test('every profile=none test of content/ passes with its generated snips.sh', async () => {
    const reportDir = tempDir('doctest-report-');
    const r = await doctestCli(['--setup', 'profile=none', '--report-dir', reportDir]);
    expect(r.exitCode, String(r.all)).toBe(0);
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as RunReport;
    expect(report.tests.length).toBeGreaterThan(0);
    expect(report.tests.every((t) => t.status === 'passed' && t.steps.length > 0)).toBe(true);
    // Every step of the page was located on the page.
    expect(report.tests.flatMap((t) => t.steps).every((s) => s.pageLine?.file.endsWith('index.md'))).toBe(true);
  });
});

describe.concurrent('exit code 2: bad input', () => {
  const malformed = join(fixtures, 'malformed', 'content');
  test.each([
    { title: 'no such test', args: ['--content', content, join(siteDocs, 'nope')], err: /nope:0 {2}doctest-selection {2}no such test file or directory/ },
    { title: 'a selection matching nothing', args: ['--content', content, '--run', 'zzz'], err: /no test matches the selection/ },
    { title: 'a setup with no tests', args: ['--content', content, '--setup', 'profile=demo'], err: /no test matches the selection \(setup profile=demo\)/ },
    { title: 'a malformed script', args: ['--content', malformed, join(malformed, 'en/docs/no-cleanup')], err: /no-cleanup\/test.sh:0 {2}doctest-cleanup {2}expected exactly one '# @cleanup' line, found 0/ },
    { title: 'an unknown setup', args: ['--content', malformed, join(malformed, 'en/docs/unknown-setup')], err: /unknown-setup\/test.sh:3 {2}doctest-setup {2}unknown setup 'profile=bogus'/ },
    { title: 'a bad flag', args: ['--jobs', 'many'], err: /--jobs must be a positive integer/ },
    { title: 'a missing report for --rerun-failed', args: ['--content', content, '--report-dir', '/nonexistent-dir', '--rerun-failed'], err: /no report at/ },
  ])('$title', async ({ args, err }) => {
    const r = await doctestCli(args);
    expect(r.exitCode, String(r.all)).toBe(2);
    expect(String(r.stderr)).toMatch(err);
  });
});
