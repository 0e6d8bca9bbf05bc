import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { start } from '../../src/process/index.ts';
import { createKindProvider } from '../../src/runner/cluster.ts';
import { discoverTests } from '../../src/runner/discover.ts';
import type { Exec } from '../../src/runner/exec.ts';
import { runDocTests, type RunOptions } from '../../src/runner/run.ts';
import { loadSetups } from '../../src/runner/setups.ts';
import { createSnipsLocator } from '../../src/runner/snip-locations.ts';
import { doctestCli, fixtures, libDir, tempDir } from './helpers.ts';

const paths = resolveContentPaths(join(fixtures, 'cluster', 'content'));
const config = loadSetups(join(projectRoot, 'config', 'setups.yml'));

/**
 * A fake exec: records every command line, answers the snapshot queries, and fails the calls
 * `failWhen` picks.
 */
function fakeExec(markers: string, failWhen: (line: string) => boolean = () => false) {
  const calls: string[] = [];
  const exec: Exec = async (cmd, args, opts) => {
    const line = [cmd, ...args].join(' ');
    calls.push(opts?.env?.KUBECONFIG && cmd === 'bash' ? `${line} [KUBECONFIG=${opts.env.KUBECONFIG}]` : line);
    if (failWhen(line)) return { exitCode: 1, stdout: '', stderr: `fake failure of ${cmd}` };
    if (cmd === 'kubectl' && args.includes('namespaces')) {
      const names = ['default', 'kube-system', ...(existsSync(join(markers, 'leaked-ns')) ? ['leaked-ns'] : [])];
      return { exitCode: 0, stdout: JSON.stringify({ items: names.map((name) => ({ metadata: { name } })) }), stderr: '' };
    }
    if (cmd === 'kubectl' && args.includes('api-resources')) return { exitCode: 0, stdout: 'pods\n', stderr: '' };
    if (cmd === 'kubectl' && args.includes('json')) return { exitCode: 0, stdout: '{"items":[]}', stderr: '' };
    return { exitCode: 0, stdout: '', stderr: '' };
  };
  return { exec, calls };
}

async function run(ids: string[], fake: ReturnType<typeof fakeExec>, markers: string, extra: Partial<RunOptions> = {}) {
  const { tests } = discoverTests(paths, { selectors: ids.map((id) => join(paths.docs, id)), cwd: projectRoot });
  const reportDir = tempDir('doctest-kind-');
  const provider = createKindProvider({ exec: fake.exec, workDir: join(reportDir, '_clusters'), image: '', waitMs: 300_000 });
  const env = { ...process.env, MARKER_DIR: markers, ...fakePath(markers) };
  return runDocTests({
    paths,
    tests,
    provider,
    install: true,
    exec: fake.exec,
    libDir,
    reportDir,
    jobs: 1,
    skipCleanup: false,
    ci: false,
    runId: 'doctest-abc123',
    signal: new AbortController().signal,
    locate: createSnipsLocator(paths),
    killGraceMs: 500,
    leakPollMs: 50,
    env,
    ...extra,
    config: { ...config, defaults: { ...config.defaults, leakRetry: 300 } },
  });
}

/** The test scripts call kubectl themselves: give them the fake one. */
const fakePath = (markers: string) => ({
  PATH: `${join(fixtures, 'fakebin')}${delimiter}${process.env.PATH}`,
  FAKE_LOG: join(markers, 'script-calls.log'),
});

const kindCalls = (calls: string[]) => calls.filter((c) => c.startsWith('kind '));
const deletes = (calls: string[]) => calls.filter((c) => c.startsWith('kind delete'));

describe('kind provider: command contract', () => {
  test('creates the cluster, waits for it, installs the setup, runs the test with its kubeconfig, deletes it', async () => {
    const markers = tempDir();
    const fake = fakeExec(markers);
    const report = await run(['mesh'], fake, markers);
    expect(report.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['mesh/test.sh passed']);
    const name = 'doctest-abc123-profile-default';
    const kc = report.groups[0]!.clusters.length === 1 ? readFileSync(join(markers, 'mesh.kubeconfig'), 'utf8').trim() : '';
    expect(kc).toMatch(new RegExp(`_clusters/${name}\\.kubeconfig$`));
    const setupCalls = fake.calls.filter((c) => !c.includes(' get ') && !c.includes('api-resources'));
    expect(setupCalls).toEqual([
      `kind create cluster --name ${name} --kubeconfig ${kc} --wait 300s`,
      `kubectl --kubeconfig ${kc} --context kind-${name} wait --for=condition=Ready nodes --all --timeout=300s`,
      `kubectl --kubeconfig ${kc} --context kind-${name} -n kube-system rollout status deployment/coredns --timeout=300s`,
      `bash -c ${config.setups.get('profile=default')!.install[0]} [KUBECONFIG=${kc}]`,
      `kind delete cluster --name ${name} --kubeconfig ${kc}`,
    ]);
    // Snapshots before and after the test, between install and delete.
    expect(fake.calls.filter((c) => c.includes('get namespaces')).length).toBe(2);
  });

  test.each([
    { title: 'creation fails', fail: (l: string) => l.startsWith('kind create'), reason: 'setup', message: /kind create cluster .* failed with exit code 1/ },
    { title: 'the readiness wait fails', fail: (l: string) => l.includes('condition=Ready'), reason: 'setup', message: /wait --for=condition=Ready/ },
    { title: 'the mesh install fails', fail: (l: string) => l.startsWith('bash -c istioctl'), reason: 'setup', message: /'istioctl install .*' failed with exit code 1/ },
  ])('the cluster is deleted when $title, and the tests fail naming it', async ({ fail, reason, message }) => {
    const markers = tempDir();
    const fake = fakeExec(markers, fail);
    const report = await run(['mesh'], fake, markers);
    const t = report.tests[0]!;
    expect(t.status).toBe('failed');
    expect(t.failure?.reason).toBe(reason);
    expect(t.failure?.message).toMatch(message);
    expect(existsSync(join(markers, 'mesh.kubeconfig'))).toBe(false);
    expect(deletes(fake.calls)).toHaveLength(1);
    expect(kindCalls(fake.calls).at(-1)).toMatch(/^kind delete cluster --name doctest-abc123-profile-default /);
  });

  test('the cluster is deleted when a test fails', async () => {
    const markers = tempDir();
    const fake = fakeExec(markers);
    const report = await run(['mesh'], fake, markers, { env: { ...process.env, ...fakePath(markers), MARKER_DIR: markers, FAIL_MESH: '1' } });
    expect(report.tests[0]!.status).toBe('failed');
    expect(existsSync(join(markers, 'mesh.cleanup'))).toBe(true);
    expect(deletes(fake.calls)).toHaveLength(1);
    // The failure dump: pods, events, logs of failing pods, mesh status.
    expect(fake.calls).toContain(`kubectl get pods -A -o wide`);
    expect(fake.calls.some((c) => c.startsWith('bash -c istioctl proxy-status'))).toBe(true);
  });

  test('the cluster is deleted on interrupt, after the test cleanup', async () => {
    const markers = tempDir();
    const fake = fakeExec(markers);
    const stop = new AbortController();
    const report = await run(['mesh'], fake, markers, {
      signal: stop.signal,
      env: { ...process.env, ...fakePath(markers), MARKER_DIR: markers, SLEEP_MESH: '300' },
      onEvent: (e) => {
        if (e.type === 'test-start') setTimeout(() => stop.abort(), 500);
      },
    });
    expect(report.interrupted).toBe(true);
    expect(report.tests[0]!.failure?.reason).toBe('interrupted');
    expect(existsSync(join(markers, 'mesh.cleanup'))).toBe(true);
    expect(kindCalls(fake.calls).at(-1)).toMatch(/^kind delete cluster/);
  });

  test('an interrupt during kind create stops it and still deletes the cluster', async () => {
    const markers = tempDir();
    const base = fakeExec(markers);
    const stop = new AbortController();
    const calls: string[] = [];
    const exec: Exec = async (cmd, args, opts) => {
      calls.push([cmd, ...args].join(' '));
      if (cmd === 'kind' && args[0] === 'create') {
        setTimeout(() => stop.abort(), 100);
        // Like execa's cancelSignal: the command ends when the signal fires.
        await new Promise<void>((done) => opts?.signal?.addEventListener('abort', () => done(), { once: true }));
        return { exitCode: 143, stdout: '', stderr: 'terminated' };
      }
      return base.exec(cmd, args, opts);
    };
    const report = await run(['mesh'], { exec, calls }, markers, { signal: stop.signal });
    expect(report.interrupted).toBe(true);
    expect(report.tests.map((t) => `${t.status} ${t.skipReason}`)).toEqual(['skipped interrupted']);
    expect(calls.filter((c) => c.startsWith('kind '))).toEqual([
      expect.stringMatching(/^kind create cluster --name doctest-abc123-profile-default /),
      expect.stringMatching(/^kind delete cluster --name doctest-abc123-profile-default /),
    ]);
    expect(calls.some((c) => c.startsWith('bash -c istioctl'))).toBe(false);
  });

  test('--skip-cleanup keeps the cluster', async () => {
    const markers = tempDir();
    const fake = fakeExec(markers);
    await run(['mesh'], fake, markers, { skipCleanup: true });
    expect(deletes(fake.calls)).toEqual([]);
  });

  test('a leaked namespace fails the test, naming it', async () => {
    const markers = tempDir();
    const fake = fakeExec(markers);
    const report = await run(['leak'], fake, markers);
    const t = report.tests[0]!;
    expect(t.status).toBe('failed');
    expect(t.failure?.reason).toBe('leak');
    expect(t.leaks).toEqual(['leaked: namespace leaked-ns']);
    expect(t.failure?.message).toBe('left the cluster changed: leaked: namespace leaked-ns');
  });

  test('groups in parallel each get their own cluster and kubeconfig', async () => {
    const markers = tempDir();
    const fake = fakeExec(markers);
    const report = await run(['mesh', 'ambient'], fake, markers, { jobs: 2 });
    expect(report.tests.map((t) => t.status)).toEqual(['passed', 'passed']);
    const created = fake.calls.filter((c) => c.startsWith('kind create')).map((c) => c.split(' ')[4]).sort();
    expect(created).toEqual(['doctest-abc123-profile-ambient', 'doctest-abc123-profile-default']);
    expect(readFileSync(join(markers, 'ambient.kubeconfig'), 'utf8')).not.toBe(readFileSync(join(markers, 'mesh.kubeconfig'), 'utf8'));
    expect(deletes(fake.calls)).toHaveLength(2);
  });
});

describe('kind provider: real processes (fake kind/kubectl/istioctl on PATH)', () => {
  const fakebin = join(fixtures, 'fakebin');
  const content = join(fixtures, 'cluster', 'content');

  test('runs a cluster setup through the binaries and deletes the cluster', async () => {
    const log = join(tempDir(), 'calls.log');
    const markers = tempDir();
    const r = await doctestCli(['--content', content, '--report-dir', tempDir(), join(content, 'en/docs/mesh')], {
      env: { PATH: `${fakebin}${delimiter}${process.env.PATH}`, FAKE_LOG: log, MARKER_DIR: markers },
    });
    expect(r.exitCode, String(r.all)).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    // The project's config/setups.yml pins the node image, so the real CLI passes it.
    const image = config.kind.image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(calls[0]).toMatch(new RegExp(`^kind create cluster --name doctest-[0-9a-f]{6}-profile-default --kubeconfig \\S+ --wait 300s --image ${image}$`));
    expect(calls).toContain('istioctl install -y --set profile=default --set values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=false');
    expect(calls).toContain('kubectl get pods');
    expect(calls.at(-1)).toMatch(/^kind delete cluster --name doctest-[0-9a-f]{6}-profile-default --kubeconfig /);
  });

  test('a failing kind create still ends with kind delete, and exits 1', async () => {
    const log = join(tempDir(), 'calls.log');
    const r = await doctestCli(['--content', content, '--report-dir', tempDir(), join(content, 'en/docs/mesh')], {
      env: { PATH: `${fakebin}${delimiter}${process.env.PATH}`, FAKE_LOG: log, FAKE_KIND_FAIL: '1', MARKER_DIR: tempDir() },
    });
    expect(r.exitCode).toBe(1);
    expect(String(r.stderr)).toContain('ERROR: failed to create cluster: fake');
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.at(-1)).toMatch(/^kind delete cluster/);
  });

  test('SIGINT during a test: cleanup runs, then kind delete, exit 130', async () => {
    const log = join(tempDir(), 'calls.log');
    const markers = tempDir();
    const child = start(
      process.execPath,
      [join(projectRoot, 'scripts/doctest.ts'), '--content', content, '--report-dir', tempDir(), join(content, 'en/docs/mesh')],
      {
        cwd: projectRoot,
        env: { PATH: `${fakebin}${delimiter}${process.env.PATH}`, FAKE_LOG: log, MARKER_DIR: markers, SLEEP_MESH: '300', CI: '' },
      },
    );
    const started = join(markers, 'mesh.kubeconfig');
    for (let i = 0; i < 600 && !existsSync(started); i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(existsSync(started)).toBe(true);
    child.kill('SIGINT');
    const r = await child.result;
    expect(r.exitCode, String(r.all)).toBe(130);
    expect(existsSync(join(markers, 'mesh.cleanup'))).toBe(true);
    expect(readFileSync(log, 'utf8').trim().split('\n').at(-1)).toMatch(/^kind delete cluster --name doctest-/);
  });

  test('--cluster current creates nothing and installs only with --install', async () => {
    for (const install of [false, true]) {
      const log = join(tempDir(), 'calls.log');
      const r = await doctestCli(
        ['--cluster', 'current', ...(install ? ['--install'] : []), '--content', content, '--report-dir', tempDir(), join(content, 'en/docs/mesh')],
        { env: { PATH: `${fakebin}${delimiter}${process.env.PATH}`, FAKE_LOG: log, MARKER_DIR: tempDir(), KUBECONFIG: '/tmp/some.kubeconfig' } },
      );
      expect(r.exitCode, String(r.all)).toBe(0);
      const calls = readFileSync(log, 'utf8').trim().split('\n');
      expect(calls.filter((c) => c.startsWith('kind '))).toEqual([]);
      expect(calls[0]).toBe('kubectl config current-context');
      expect(calls.some((c) => c.startsWith('istioctl install'))).toBe(install);
    }
  });

  test('a missing kind or mesh CLI is an error naming what to install (exit 2)', async () => {
    const r = await doctestCli(['--content', content, '--report-dir', tempDir(), join(content, 'en/docs/mesh')], {
      env: { PATH: process.env.PATH!.split(delimiter).filter((d) => !d.includes('fakebin')).join(delimiter) },
    });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toContain("error: 'kind' is not on PATH: install kind, see https://kind.sigs.k8s.io/");
    expect(String(r.stderr)).toContain("error: 'istioctl' is not on PATH: install the mesh CLI istioctl");
  });
});
