import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ContentPaths } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { assembleScripts } from './assemble.ts';
import { clusterSlug, type Cluster, type ClusterProvider } from './cluster.ts';
import { groupBySetup, toPosix } from './discover.ts';
import { dumpCluster } from './dump.ts';
import { formatDuration } from './duration.ts';
import type { Exec } from './exec.ts';
import { runScript, type ScriptRun } from './process.ts';
import type { SetupsConfig } from './setups.ts';
import { diffSnapshots, takeSnapshot, type Snapshot } from './snapshot.ts';
import type { SnipLocator } from './snip-locations.ts';
import { readSteps } from './steps.ts';
import type { DocTest, GroupResult, RunReport, Step, TestFailure, TestResult } from './types.ts';

export interface RunOptions {
  paths: ContentPaths;
  config: SetupsConfig;
  tests: DocTest[];
  /** For setups that need a cluster; undefined when none of the selected tests needs one. */
  provider: ClusterProvider | undefined;
  /** Run the setup's install commands on the cluster (always for kind; `--install` for current). */
  install: boolean;
  exec: Exec;
  /** Absolute directory of tests/util. */
  libDir: string;
  reportDir: string;
  /** Groups run in parallel, each on its own cluster. */
  jobs: number;
  /** Overrides every timeout (`--timeout`). */
  timeoutMs?: number;
  /** Keep kind clusters (`--skip-cleanup`). */
  skipCleanup: boolean;
  /** Run `ciOnly` setups (CI=true). */
  ci: boolean;
  /** Distinguishes cluster names across runs and shards. */
  runId: string;
  signal: AbortSignal;
  /** Aborts cleanups too (a second SIGINT). */
  forceSignal?: AbortSignal;
  /** Keep the artifacts of passing tests too (`--keep-artifacts`). */
  keepArtifacts?: boolean;
  locate: SnipLocator;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** Retry interval of the leak check. */
  leakPollMs?: number;
  env?: NodeJS.ProcessEnv;
  onEvent?: (e: RunEvent) => void;
}

export type RunEvent =
  | { type: 'group-start'; setup: string; tests: number; clusters: string[] }
  | { type: 'group-end'; result: GroupResult }
  | { type: 'test-start'; id: string; setup: string }
  | { type: 'test-end'; result: TestResult }
  | { type: 'cluster-problem'; message: string };

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
    return done({}, tests.map((t) => skipped(t, opts, `setup ${setupName} runs only in CI (CI=true)`)));
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

/** The artifacts directory of a test: `<report dir>/<page dir>/`. */
export function artifactsDir(reportDir: string, t: DocTest): string {
  return join(reportDir, t.pageDir || '_root');
}

async function runTest(t: DocTest, setupName: string, cluster: Cluster | undefined, opts: RunOptions): Promise<TestResult> {
  const started = Date.now();
  const setup = opts.config.setups.get(setupName)!;
  const dir = artifactsDir(opts.reportDir, t);
  const name = basename(t.file);
  mkdirSync(dir, { recursive: true });
  const art = {
    test: join(dir, name),
    cleanup: join(dir, `${name}_cleanup.sh`),
    output: join(dir, `${name}_output.txt`),
    cleanupOutput: join(dir, `${name}_cleanup_output.txt`),
    debug: join(dir, `${name}_debug.txt`),
    cleanupDebug: join(dir, `${name}_cleanup_debug.txt`),
    steps: join(dir, `${name}_steps.jsonl`),
    cleanupSteps: join(dir, `${name}_cleanup_steps.jsonl`),
    diff: join(dir, `${name}_leaks.txt`),
  };
  for (const f of Object.values(art)) rmSync(f, { force: true });
  rmSync(join(dir, `${name}_dump`), { recursive: true, force: true });
  const assembly = assembleScripts(t.script, { root: opts.paths.root, libDir: opts.libDir });
  writeFileSync(art.test, assembly.test.text);
  writeFileSync(art.cleanup, assembly.cleanup.text);
  writeFileSync(art.output, '');
  writeFileSync(art.cleanupOutput, '');

  const base = {
    id: t.id,
    file: toPosix(relative(opts.paths.root, t.file)),
    setup: setupName,
    page: pageLinks(t, opts.paths),
  };
  const timeoutMs = opts.timeoutMs ?? t.script.timeoutMs ?? setup.timeout ?? opts.config.defaults.timeout;
  const snipsFile = join(dirname(t.file), 'snips.sh');
  if (!existsSync(snipsFile)) {
    return {
      ...base,
      ...empty(),
      status: 'failed',
      durationMs: Date.now() - started,
      failure: {
        reason: 'missing-snips',
        message: `${toPosix(relative(opts.paths.root, snipsFile))} does not exist: run \`npm run snips\``,
        step: undefined,
        detail: '',
      },
      artifacts: toPosix(relative(opts.reportDir, dir)),
    };
  }
  const env: NodeJS.ProcessEnv = {
    ...(opts.env ?? process.env),
    TEST_OUTPUT_DIR: dir,
    MESHDOCS_LIB: opts.libDir,
    MESHDOCS_SETUP: setupName,
    MESH_NAMESPACE: opts.config.mesh.namespace,
  };
  if (cluster) env.KUBECONFIG = cluster.kubeconfig;
  const snapshotTarget = cluster
    ? { exec: opts.exec, env, kubeconfigs: cluster.kubeconfig.split(':') }
    : undefined;

  let before: Snapshot | undefined;
  let snapshotError: string | undefined;
  if (snapshotTarget) {
    try {
      before = await retry(() => takeSnapshot(snapshotTarget), 3, 2000);
    } catch (e) {
      snapshotError = `before snapshot failed: ${(e as Error).message}`;
    }
  }

  const grace = opts.killGraceMs;
  const run = await runScript(art.test, {
    cwd: dir,
    env: { ...env, TEST_DEBUG_FILE: art.debug, MESHDOCS_STEPS: art.steps, MESHDOCS_OUTPUT: art.output },
    outputFile: art.output,
    timeoutMs,
    signal: opts.signal,
    killGraceMs: grace,
  });
  // Cleanup runs after a failure, a timeout and an interrupt alike; it is not itself interruptible
  // by the first SIGINT (the CLI aborts it on a second one through `forceSignal`).
  const cleanupRun = await runScript(art.cleanup, {
    cwd: dir,
    env: { ...env, TEST_DEBUG_FILE: art.cleanupDebug, MESHDOCS_STEPS: art.cleanupSteps, MESHDOCS_OUTPUT: art.cleanupOutput },
    outputFile: art.cleanupOutput,
    timeoutMs: Math.min(opts.config.defaults.cleanupTimeout, opts.timeoutMs ?? Infinity),
    signal: opts.forceSignal,
    killGraceMs: grace,
  });

  const lineSnips = (line: number) => t.script.snips.filter((s) => s.line === line).map((s) => s.name);
  const locations = opts.locate(t.page);
  const locate = (n: string) => locations.get(n);
  const steps: Step[] = [
    ...readSteps(art.steps, { part: 'test', scriptFile: art.test, script: assembly.test, outputFile: art.output, locate, snipsOnLine: lineSnips }, Date.now()),
    ...readSteps(
      art.cleanupSteps,
      { part: 'cleanup', scriptFile: art.cleanup, script: assembly.cleanup, outputFile: art.cleanupOutput, locate, snipsOnLine: lineSnips },
      Date.now(),
    ),
  ];

  // The step still open when the script stopped on an error is the one that failed.
  const open = steps.filter((s) => s.part === 'test' && s.status === 'unfinished').at(-1);
  if (open && !run.timedOut && !run.interrupted && run.exitCode !== 0) {
    open.status = 'failed';
    open.exitCode = run.exitCode;
  }

  let leaks: string[] = [];
  if (snapshotTarget && before && !opts.signal.aborted) {
    const deadline = Date.now() + opts.config.defaults.leakRetry;
    for (;;) {
      try {
        leaks = diffSnapshots(before, await takeSnapshot(snapshotTarget));
      } catch (e) {
        leaks = [`after snapshot failed: ${(e as Error).message}`];
      }
      if (leaks.length === 0 || Date.now() >= deadline) break;
      await sleep(opts.leakPollMs ?? 1000);
    }
    if (leaks.length > 0) writeFileSync(art.diff, `${leaks.join('\n')}\n`);
  }

  const failure = judge(t, run, steps, leaks, snapshotError, timeoutMs, art.output, art.debug);
  if (failure && cluster) {
    try {
      await dumpCluster(join(dir, `${name}_dump`), {
        exec: opts.exec,
        env,
        kubeconfig: cluster.kubeconfig,
        meshCommands: setup.install.length > 0 ? opts.config.mesh.dump : [],
      });
    } catch {
      // the dump is a courtesy; the failure is already recorded
    }
  }
  if (!failure && !opts.keepArtifacts) {
    for (const f of Object.values(art)) rmSync(f, { force: true });
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
  }
  return {
    ...base,
    status: failure ? 'failed' : 'passed',
    durationMs: Date.now() - started,
    steps,
    failure,
    leaks,
    exitCode: run.exitCode,
    cleanupExitCode: cleanupRun.exitCode,
    artifacts: failure || opts.keepArtifacts ? toPosix(relative(opts.reportDir, dir)) : undefined,
  };
}

function judge(
  t: DocTest,
  run: ScriptRun,
  steps: Step[],
  leaks: string[],
  snapshotError: string | undefined,
  timeoutMs: number,
  outputFile: string,
  debugFile: string,
): TestFailure | undefined {
  const testSteps = steps.filter((s) => s.part === 'test');
  const bad = testSteps.find((s) => s.status === 'failed') ?? [...testSteps].reverse().find((s) => s.status === 'unfinished');
  const where = (s: Step | undefined) => {
    const places = [];
    if (s?.pageLine) places.push(`${s.pageLine.file}:${s.pageLine.line}`);
    if (s?.scriptLine) places.push(`${t.id}:${s.scriptLine}`);
    else if (s?.calledFrom) places.push(`${s.calledFrom.file}:${s.calledFrom.line}`);
    return places.length > 0 ? ` (${places.join(', ')})` : '';
  };
  const detail = (s: Step | undefined) =>
    s?.kind === 'verify'
      ? `received:\n${s.output}\nexpected:\n${s.expected ?? ''}`
      : tail(s?.output ?? '', 4000) || tail(readText(outputFile), 4000);
  const what = (s: Step | undefined) => (s ? (s.kind === 'verify' ? `${s.name} ${s.func}` : s.name) : 'the script');
  if (run.interrupted) {
    return { reason: 'interrupted', message: `interrupted while running ${what(bad)}${where(bad)}`, step: bad, detail: detail(bad) };
  }
  if (run.timedOut) {
    return {
      reason: 'timeout',
      message: `timed out after ${formatDuration(timeoutMs)} in ${what(bad)}${where(bad)}`,
      step: bad,
      detail: detail(bad),
    };
  }
  if (run.exitCode !== 0 && !bad) {
    // Outside any step: the xtrace's last command is the best pointer to the failing line.
    const last = readText(debugFile)
      .split('\n')
      .filter((l) => l.startsWith('+'))
      .at(-1);
    return {
      reason: 'exit',
      message: `${t.id} exited with ${run.exitCode ?? run.signal} outside any snip or verify step${last ? `; last command: ${last.replace(/^\++/, '').trim()}` : ''}`,
      step: undefined,
      detail: detail(undefined),
    };
  }
  if (run.exitCode !== 0) {
    const how =
      bad?.kind === 'verify'
        ? `failed after ${bad.attempts} attempt${bad.attempts === 1 ? '' : 's'}`
        : `failed: the script exited with ${run.exitCode ?? run.signal}`;
    return { reason: 'exit', message: `${what(bad)} ${how}${where(bad)}`, step: bad, detail: detail(bad) };
  }
  if (snapshotError) return { reason: 'leak', message: snapshotError, step: undefined, detail: '' };
  if (leaks.length > 0) {
    return {
      reason: 'leak',
      message: `left the cluster changed: ${leaks.slice(0, 5).join('; ')}${leaks.length > 5 ? ` (+${leaks.length - 5} more)` : ''}`,
      step: undefined,
      detail: leaks.join('\n'),
    };
  }
  return undefined;
}

function empty() {
  return { steps: [] as Step[], leaks: [] as string[], exitCode: undefined, cleanupExitCode: undefined };
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

/** The page on the site (`/docs/<dir>/`) and its source in the repository. */
export function pageLinks(t: DocTest, paths: ContentPaths): TestResult['page'] {
  if (!t.page) return undefined;
  const file = toPosix(relative(paths.root, t.page));
  const { url, branch } = siteConfig.repository;
  return {
    file,
    url: `${siteConfig.siteUrl}/docs/${t.pageDir ? `${t.pageDir}/` : ''}`,
    sourceUrl: `${url}/blob/${branch}/${file}`,
  };
}

async function retry<T>(f: () => Promise<T>, times: number, delayMs: number): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i >= times) throw e;
      await sleep(delayMs);
    }
  }
}

function readText(file: string): string {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

function tail(s: string, n: number): string {
  return s.length > n ? `…${s.slice(-n)}` : s;
}
