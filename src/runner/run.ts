import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { clusterSlug, type Cluster } from './cluster.ts';
import { groupBySetup, toPosix } from './discover.ts';
import type { RunOptions } from './run-options.ts';
import { empty, pageLinks, runTest } from './run-test.ts';
import type { DocTest, GroupResult, RunReport, TestResult } from './types.ts';

export type { RunEvent, RunOptions } from './run-options.ts';

/** Runs the tests, group by group, and returns the report (the caller writes it). */
export async function runDocTests(opts: RunOptions): Promise<Omit<RunReport, 'durations' | 'shard'>> {
  const started = Date.now();
  const groups = [...groupBySetup(opts.tests)];
  const results: { group: GroupResult; tests: TestResult[] }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const [setup, tests] = groups[next++]!;
      results.push(await runGroup(setup, tests, opts));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, groups.length)) }, worker));
  results.sort((a, b) => a.group.setup.localeCompare(b.group.setup));
  return {
    version: 1,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    interrupted: opts.signal.aborted,
    groups: results.map((r) => r.group),
    tests: results.flatMap((r) => r.tests).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

async function runGroup(setupName: string, tests: DocTest[], opts: RunOptions): Promise<{ group: GroupResult; tests: TestResult[] }> {
  const started = Date.now();
  const setup = opts.config.setups.get(setupName)!;
  const done = (group: Partial<GroupResult>, results: TestResult[]) => {
    const g: GroupResult = { setup: setupName, clusters: [], durationMs: Date.now() - started, error: undefined, ...group };
    opts.onEvent?.({ type: 'group-end', result: g });
    return { group: g, tests: results };
  };
  if (setup.ciOnly && !opts.ci) {
    return done({}, tests.map((t) => skipped(t, opts, `setup ${setupName} runs only in CI (set CI=true or CI=1)`)));
  }
  let cluster: Cluster | undefined;
  if (setup.cluster) {
    const provider = opts.provider!;
    const shard = opts.runId;
    cluster = provider.plan(setup, `${shard}-${clusterSlug(setupName)}`.slice(0, 48).replace(/-$/, ''));
  }
  opts.onEvent?.({ type: 'group-start', setup: setupName, tests: tests.length, clusters: cluster?.names ?? [] });
  const results: TestResult[] = [];
  const setupLog = join(opts.reportDir, '_setup', `${clusterSlug(setupName)}.log`);
  try {
    if (cluster) {
      mkdirSync(dirname(setupLog), { recursive: true });
      try {
        await opts.provider!.create(cluster, setup, opts.signal);
        if (opts.install) await installMesh(setup.install, cluster, setupLog, opts);
      } catch (e) {
        const message = `setup ${setupName} failed: ${(e as Error).message}`;
        const output = (e as { output?: string }).output ?? '';
        writeFileSync(setupLog, `${message}\n${output}\n`, { flag: 'a' });
        for (const t of tests) {
          results.push(
            opts.signal.aborted ? skipped(t, opts, 'interrupted') : failedWithoutRun(t, opts, setupName, 'setup', message, output),
          );
        }
        const lastLines = output.trim().split('\n').slice(-20).join('\n');
        return done({ clusters: cluster.names, error: lastLines ? `${message}\n${lastLines}` : message }, results);
      }
    }
    for (const t of tests) {
      if (opts.signal.aborted) {
        results.push(skipped(t, opts, 'interrupted'));
        continue;
      }
      opts.onEvent?.({ type: 'test-start', id: t.id, setup: setupName });
      const r = await runTest(t, setupName, cluster, opts);
      results.push(r);
      opts.onEvent?.({ type: 'test-end', result: r });
    }
    return done({ clusters: cluster?.names ?? [] }, results);
  } finally {
    if (cluster && !opts.skipCleanup) {
      for (const problem of await opts.provider!.delete(cluster)) opts.onEvent?.({ type: 'cluster-problem', message: problem });
    }
  }
}

async function installMesh(commands: string[], cluster: Cluster, log: string, opts: RunOptions): Promise<void> {
  for (const command of commands) {
    writeFileSync(log, `$ ${command}\n`, { flag: 'a' });
    if (opts.signal.aborted) throw new Error('interrupted');
    const r = await opts.exec('bash', ['-c', command], {
      env: { ...(opts.env ?? process.env), KUBECONFIG: cluster.kubeconfig },
      timeoutMs: opts.config.defaults.timeout,
      signal: opts.signal,
    });
    writeFileSync(log, `${r.stdout}\n${r.stderr}\n`, { flag: 'a' });
    if (r.exitCode !== 0) {
      throw Object.assign(new Error(`'${command}' failed with exit code ${r.exitCode}`), { output: `${r.stdout}\n${r.stderr}` });
    }
  }
}

function skipped(t: DocTest, opts: RunOptions, why: string): TestResult {
  return {
    id: t.id,
    file: toPosix(relative(opts.paths.root, t.file)),
    setup: t.script.setup ?? '',
    status: 'skipped',
    skipReason: why,
    durationMs: 0,
    ...empty(),
    failure: undefined,
    artifacts: undefined,
    page: pageLinks(t, opts.paths),
  };
}

function failedWithoutRun(t: DocTest, opts: RunOptions, setup: string, reason: 'setup', message: string, detail: string): TestResult {
  return { ...skipped(t, opts, ''), setup, status: 'failed', skipReason: undefined, failure: { reason, message, step: undefined, detail } };
}
