import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ContentPaths } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { assembleScripts } from './assemble.ts';
import type { Cluster } from './cluster.ts';
import { toPosix } from './discover.ts';
import { dumpCluster } from './dump.ts';
import { judge } from './judge.ts';
import { snipsTarget } from '../snips/page.ts';
import { runScript } from './process.ts';
import type { RunOptions } from './run-options.ts';
import { diffSnapshots, takeSnapshot, type Snapshot } from './snapshot.ts';
import { readSteps } from './steps.ts';
import type { DocTest, Step, TestResult } from './types.ts';

/** The artifacts directory of a test: `<report dir>/<page dir>/`. */
export function artifactsDir(reportDir: string, t: DocTest): string {
  return join(reportDir, t.pageDir || '_root');
}

/**
 * The generated snips files a test's directory may hold, one per Markdown page in it: `snips.sh`
 * for its `index.md`, `<file>.md_snips.sh` for another page (istio.io's naming). A test passes this
 * check when one of them exists; which one it sources is its own business (the injected prefix
 * sources `snips.sh`, as istio.io's harness does; a `<file>.md_snips.sh` is sourced by the test).
 */
function expectedSnipsFiles(dir: string, paths: ContentPaths): string[] {
  let pages: string[];
  try {
    pages = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    pages = [];
  }
  const targets = new Set(pages.map((name) => snipsTarget(paths, 'docs', join(dir, name))));
  return targets.size > 0 ? [...targets] : [join(dir, 'snips.sh')];
}

/**
 * One test: write the assembled scripts, snapshot the cluster, run the test part (with its
 * timeout), always run the cleanup, read the recorded steps, check for leaks, dump the cluster
 * on failure. Artifacts are kept for failures (and with `keepArtifacts`).
 */
export async function runTest(t: DocTest, setupName: string, cluster: Cluster | undefined, opts: RunOptions): Promise<TestResult> {
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
  const snipsFiles = expectedSnipsFiles(dirname(t.file), opts.paths);
  if (!snipsFiles.some((f) => existsSync(f))) {
    const names = snipsFiles.map((f) => toPosix(relative(opts.paths.root, f)));
    return {
      ...base,
      ...empty(),
      status: 'failed',
      durationMs: Date.now() - started,
      failure: {
        reason: 'missing-snips',
        message: `${names.length === 1 ? `${names[0]} does not exist` : `none of ${names.join(', ')} exists`}: run \`npm run snips\``,
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

/** The empty parts of a result that did not run. */
export function empty() {
  return { steps: [] as Step[], leaks: [] as string[], exitCode: undefined, cleanupExitCode: undefined };
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
