import { randomBytes } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, resolveContentPaths } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { ContentError, formatDiagnostic, sortDiagnostics } from '../model/diagnostic.ts';
import { assembleScripts } from './assemble.ts';
import { createCurrentProvider, createKindProvider, type ClusterProvider } from './cluster.ts';
import { groupBySetup, toPosix } from './discover.ts';
import { selectTests } from './select.ts';
import { formatDuration, parseDuration } from './duration.ts';
import { onPath, realExec, type Exec } from './exec.ts';
import { formatStep } from './report/junit.ts';
import { mergeDurations, readReport, writeReports } from './report/write.ts';
import { runDocTests } from './run.ts';
import { findSetupsFile, loadSetups, requiredTools, type SetupsConfig } from './setups.ts';
import { parseShard } from './shard.ts';
import { createSnipsLocator, type SnipLocator } from './snip-locations.ts';
import type { DocTest, RunReport } from './types.ts';

export const usage = `Usage: npm run test:docs -- [options] [test.sh files or directories…]

Runs the doc tests (every *test.sh beside a page) grouped by their '# @setup'.

  --run <regex>        only tests whose path (below content/en/docs) matches
  --setup <name>       only tests of this setup (repeatable)
  --cluster <p>        kind (default: a kind cluster per setup group) or current (the current context)
  --install            with --cluster current: install the setup's mesh first
  --skip-cleanup       keep the kind clusters
  --shard <i/n>        run shard i of n (balanced by the durations of the last report)
  --jobs <n>           run n setup groups in parallel, each on its own cluster (default 1)
  --timeout <d>        per-test timeout for every test (e.g. 90s, 10m)
  --report-dir <dir>   reports and failure artifacts (default out/doctest)
  --rerun-failed       run only the tests that failed in the last report
  --keep-artifacts     keep the artifacts of passing tests too
  --dry-run            print each test's setup group and assembled scripts; run nothing
  --list               print the selected tests and their setups as JSON (CI matrices)
  --content <dir>      the content tree (default: MESHDOCS_CONTENT, else the tree of the first
                       test path given, else ./content)
  --setups <file>      the setups file (default: <docs root>/config/setups.yml)

Exit codes: 0 all passed, 1 a test failed, 2 bad input, 130 interrupted.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  exec?: Exec;
  /** First abort: stop the running tests (cleanups still run). */
  signal?: AbortSignal;
  /** Second abort: stop cleanups too. */
  forceSignal?: AbortSignal;
  /** Overrides SIGTERM→SIGKILL grace and leak-check polling (tests). */
  killGraceMs?: number;
  locate?: SnipLocator;
}

class UsageError extends Error {}

/** The whole `test:docs` command; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (e) {
    if (e instanceof ContentError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n\n${usage}`);
      return 2;
    }
    throw e;
  }
}

async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        run: { type: 'string' },
        setup: { type: 'string', multiple: true },
        cluster: { type: 'string', default: 'kind' },
        install: { type: 'boolean', default: false },
        'skip-cleanup': { type: 'boolean', default: false },
        shard: { type: 'string' },
        jobs: { type: 'string', default: '1' },
        timeout: { type: 'string' },
        'report-dir': { type: 'string', default: 'out/doctest' },
        'rerun-failed': { type: 'boolean', default: false },
        'keep-artifacts': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        content: { type: 'string' },
        setups: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.out(usage);
    return 0;
  }
  if (o.cluster !== 'kind' && o.cluster !== 'current') throw new UsageError(`--cluster must be 'kind' or 'current', not '${o.cluster}'`);
  const jobs = Number(o.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive integer, not '${o.jobs}'`);
  const timeoutMs = o.timeout === undefined ? undefined : parseDuration(o.timeout);
  if (o.timeout !== undefined && !timeoutMs) throw new UsageError(`--timeout must be a duration like 90s or 10m, not '${o.timeout}'`);
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  if (o.shard !== undefined && !shard) throw new UsageError(`--shard must be i/n with 1 <= i <= n, not '${o.shard}'`);
  let run: RegExp | undefined;
  try {
    run = o.run === undefined ? undefined : new RegExp(o.run);
  } catch (e) {
    throw new UsageError(`--run: ${(e as Error).message}`);
  }

  // A selector inside another content tree (an imported istio.io checkout) selects that tree.
  const inferred =
    o.content === undefined && !io.env.MESHDOCS_CONTENT && positionals.length > 0
      ? inferContentDir(resolve(io.cwd, positionals[0]!))
      : undefined;
  // An empty MESHDOCS_CONTENT means unset (not the current directory).
  const env = { ...io.env, MESHDOCS_CONTENT: io.env.MESHDOCS_CONTENT || undefined };
  const paths = resolveContentPaths(o.content === undefined ? inferred : resolve(io.cwd, o.content), env);
  const config = loadSetups(o.setups ? resolve(io.cwd, o.setups) : findSetupsFile(paths.root));
  const reportDir = resolve(io.cwd, o['report-dir']);
  const previous = readReport(reportDir);

  let ids: Set<string> | undefined;
  if (o['rerun-failed']) {
    if (!previous) return fail(io, `--rerun-failed: no report at ${join(reportDir, 'report.json')}`);
    ids = new Set(previous.tests.filter((t) => t.status === 'failed').map((t) => t.id));
    if (ids.size === 0) return fail(io, `--rerun-failed: the last report (${previous.startedAt}) has no failed tests`);
  }

  const selected = selectTests(paths, config, {
    selectors: positionals,
    run,
    ids,
    setups: o.setup,
    shard,
    durations: previous?.durations,
    cwd: io.cwd,
  });
  if (selected.diagnostics.length > 0) {
    for (const d of sortDiagnostics(selected.diagnostics)) io.err(formatDiagnostic(d));
    return 2;
  }
  const tests = selected.tests;
  if (selected.matched === 0) {
    return fail(io, `no test matches the selection${o.setup ? ` (setup ${o.setup.join(', ')})` : ''}${o.run ? ` (--run ${o.run})` : ''}`);
  }
  if (shard && tests.length === 0) {
    // More shards than tests: an empty shard is not an error of the selection.
    io.out(`shard ${shard.index}/${shard.total} has no tests (${selected.matched} selected in all)`);
    return 0;
  }

  if (o.list) {
    const setups: Record<string, { tests: number; cluster: boolean; ciOnly: boolean }> = {};
    for (const t of tests) {
      const s = config.setups.get(t.script.setup!)!;
      setups[s.name] ??= { tests: 0, cluster: s.cluster, ciOnly: s.ciOnly };
      setups[s.name]!.tests++;
    }
    io.out(JSON.stringify({ setups, tests: tests.map((t) => ({ id: t.id, setup: t.script.setup })) }));
    return 0;
  }
  const libDir = join(projectRoot, 'tests', 'util');
  if (o['dry-run']) {
    printDryRun(tests, config, { root: paths.root, libDir }, io);
    return 0;
  }

  const provider = o.cluster as 'kind' | 'current';
  const ci = io.env.CI === 'true';
  const needed = new Set<string>();
  for (const t of tests) {
    const setup = config.setups.get(t.script.setup!)!;
    if (setup.ciOnly && !ci) continue;
    for (const tool of requiredTools(setup, config, provider)) if (o.install || provider === 'kind' || tool === 'kubectl') needed.add(tool);
  }
  const missing = [...needed].filter((tool) => !onPath(tool, io.env));
  if (missing.length > 0) {
    for (const tool of missing) io.err(`error: '${tool}' is not on PATH: install ${config.tools[tool] ?? tool}`);
    return 2;
  }

  const exec = io.exec ?? realExec;
  const runId = `doctest-${randomBytes(3).toString('hex')}${shard ? `-s${shard.index}` : ''}`;
  let clusterProvider: ClusterProvider | undefined;
  if (needed.size > 0) {
    clusterProvider =
      provider === 'kind'
        ? createKindProvider({ exec, workDir: join(reportDir, '_clusters'), image: config.kind.image, waitMs: config.kind.wait, env: io.env })
        : createCurrentProvider({ exec, env: io.env, waitMs: config.kind.wait });
  }
  const groups = groupBySetup(tests);
  io.out(`${tests.length} test${tests.length === 1 ? '' : 's'} in ${groups.size} setup group${groups.size === 1 ? '' : 's'}${shard ? ` (shard ${shard.index}/${shard.total})` : ''}`);
  const result = await runDocTests({
    paths,
    config,
    tests,
    provider: clusterProvider,
    install: provider === 'kind' || o.install,
    exec,
    libDir,
    reportDir,
    jobs,
    timeoutMs,
    skipCleanup: o['skip-cleanup'],
    ci,
    runId,
    signal: io.signal ?? new AbortController().signal,
    forceSignal: io.forceSignal,
    keepArtifacts: o['keep-artifacts'],
    locate: io.locate ?? createSnipsLocator(paths),
    killGraceMs: io.killGraceMs,
    leakPollMs: io.killGraceMs,
    env: io.env,
    onEvent: (e) => {
      if (e.type === 'group-start' && e.clusters.length > 0) io.out(`setup ${e.setup}: cluster ${e.clusters.join(', ')}`);
      if (e.type === 'group-end' && e.result.error) io.err(e.result.error);
      if (e.type === 'cluster-problem') io.err(`warning: ${e.message}`);
      if (e.type === 'test-end') {
        const r = e.result;
        io.out(`${r.status === 'passed' ? 'ok  ' : 'FAIL'} ${r.id} (${formatDuration(r.durationMs)})`);
        if (r.failure) {
          io.out(`     ${r.failure.message}`);
          for (const s of r.steps.filter((s) => s.status !== 'passed')) io.out(`     ${formatStep(s)}`);
          if (r.artifacts) io.out(`     artifacts: ${display(io.cwd, join(reportDir, r.artifacts))}`);
        }
      }
    },
  });
  const report: RunReport = { ...result, shard, durations: mergeDurations(previous, result.tests) };
  writeReports(reportDir, report, siteConfig.repository);
  const count = (s: string) => report.tests.filter((t) => t.status === s).length;
  const failedGroups = report.groups.filter((g) => g.error);
  io.out(
    `${count('passed')} passed, ${count('failed')} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''} in ${formatDuration(report.durationMs)}; report: ${display(io.cwd, join(reportDir, 'index.html'))}`,
  );
  if (report.interrupted) return 130;
  if (count('failed') > 0 || failedGroups.length > 0) return 1;
  if (count('passed') === 0) {
    io.err(`error: no test ran (${report.tests.map((t) => `${t.id}: ${t.skipReason}`).join('; ')})`);
    return 2;
  }
  return 0;
}

function printDryRun(tests: DocTest[], config: SetupsConfig, ctx: { root: string; libDir: string }, io: CliIo): void {
  for (const [setup, group] of groupBySetup(tests)) {
    const s = config.setups.get(setup)!;
    io.out(`# setup ${setup}: ${s.cluster ? `${s.clusters} cluster${s.clusters > 1 ? 's' : ''}` : 'no cluster'}${s.install.length ? `, install: ${s.install.join(' && ')}` : ''}${s.ciOnly ? ' (CI only)' : ''}`);
    for (const t of group) {
      const a = assembleScripts(t.script, ctx);
      io.out(`## test ${t.id} (setup ${setup})`);
      io.out(`### ${t.id}: test script`);
      io.out(a.test.text.trimEnd());
      io.out(`### ${t.id}: cleanup script`);
      io.out(a.cleanup.text.trimEnd());
    }
  }
}

/** `<x>/content/en/docs/a/b` → `<x>/content`: the nearest ancestor holding `en/docs`. */
export function inferContentDir(selector: string): string | undefined {
  const parts = selector.split(sep);
  for (let i = parts.length - 2; i >= 1; i--) {
    if (parts[i] === 'en' && parts[i + 1] === 'docs') return parts.slice(0, i).join(sep) || sep;
  }
  return undefined;
}

function fail(io: CliIo, message: string): number {
  io.err(`error: ${message}`);
  return 2;
}

function display(cwd: string, file: string): string {
  const rel = toPosix(relative(cwd, file));
  return rel.startsWith('..') ? file : rel;
}
