import { randomBytes } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { defineCommand, exitCode, runCommand, UsageError, type Parsed } from '../cli/command.ts';
import { err, isCI, out, type Io } from '../cli/io.ts';
import { projectRoot, resolveContentPaths, type ContentPaths } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { ContentError, formatDiagnostic, sortDiagnostics } from '../model/diagnostic.ts';
import { assembleScripts } from './assemble.ts';
import { createCurrentProvider, createKindProvider, type ClusterProvider } from './cluster.ts';
import { groupBySetup, toPosix } from './discover.ts';
import { selectTests } from './select.ts';
import { formatDuration, noTimeout, parseDuration } from './duration.ts';
import { onPath, realExec, type Exec } from './exec.ts';
import { formatStep } from './report/junit.ts';
import { mergeDurations, readReport, ReportFileError, writeReports, type PreviousReport } from './report/write.ts';
import { runDocTests, type RunEvent } from './run.ts';
import { findSetupsFile, loadSetups, requiredTools, type SetupsConfig } from './setups.ts';
import { parseShard } from './shard.ts';
import { createSnipsLocator, type SnipLocator } from './snip-locations.ts';
import type { DocTest, RunReport } from './types.ts';

export const command = defineCommand('test:docs', {
  summary: "Runs the doc tests (every *test.sh beside a page) grouped by their '# @setup'.",
  options: {
    run: { type: 'string', value: '<regex>', help: 'only tests whose path (below content/en/docs) matches' },
    setup: { type: 'string', multiple: true, value: '<name>', help: 'only tests of this setup (repeatable)' },
    cluster: { type: 'string', value: '<p>', default: 'kind', help: 'kind (a kind cluster per setup group) or current (the current context)' },
    install: { type: 'boolean', help: "with --cluster current: install the setup's mesh first" },
    'skip-cleanup': { type: 'boolean', help: 'keep the kind clusters' },
    shard: { type: 'string', value: '<i/n>', help: 'run shard i of n (balanced by the durations of the last report)' },
    jobs: { type: 'string', value: '<n>', default: '1', help: 'run n setup groups in parallel, each on its own cluster' },
    timeout: { type: 'string', value: '<d>', help: 'per-test timeout for every test (e.g. 90s, 10m; 0: no limit)' },
    'report-dir': { type: 'string', value: '<dir>', default: 'out/doctest', help: 'reports and failure artifacts' },
    'rerun-failed': { type: 'boolean', help: 'run only the tests that failed in the last report' },
    'keep-artifacts': { type: 'boolean', help: 'keep the artifacts of passing tests too' },
    'dry-run': { type: 'boolean', help: "print each test's setup group and assembled scripts; run nothing" },
    list: { type: 'boolean', help: 'print the selected tests and their setups as JSON (CI matrices)' },
    content: { type: 'string', value: '<dir>', help: 'the content tree (default: MESHDOCS_CONTENT, else the tree of the first\ntest path given, else ./content)' },
    setups: { type: 'string', value: '<file>', help: 'the setups file (default: <docs root>/config/setups.yml)' },
  },
  positionals: [{ name: '<test.sh or dir>', variadic: true }],
  notes: [
    "In CI (CI set to anything but '', 0 or false) the setups marked ciOnly run too.",
    'Ctrl-C, SIGTERM or SIGHUP: the running tests stop (with every process they started), their\n' +
      'cleanups run, the clusters go and the report is written; a second one stops the cleanups too.',
    'Exit codes: 0 all passed, 1 a test failed, 2 bad input, 130 interrupted.',
  ],
});

type Args = Parsed<typeof command.options>;

export interface CliIo extends Io {
  exec?: Exec;
  /** Overrides SIGTERM→SIGKILL grace and leak-check polling (tests). */
  killGraceMs?: number;
  locate?: SnipLocator;
}

/** The whole `test:docs` command; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runCommand(command, argv, io, (args) => runSelected(args, io));
  } catch (e) {
    if (e instanceof ContentError || e instanceof ReportFileError) {
      err(io)(e instanceof ReportFileError ? `error: ${e.message}` : e.message);
      return exitCode.badInput;
    }
    throw e;
  }
}

/** The flags that are not simply passed on, checked. */
function readFlags(o: Args['values']) {
  if (o.cluster !== 'kind' && o.cluster !== 'current') throw new UsageError(`--cluster must be 'kind' or 'current', not '${o.cluster}'`);
  const jobs = Number(o.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive integer, not '${o.jobs}'`);
  const timeout = o.timeout === undefined ? undefined : parseDuration(o.timeout);
  if (o.timeout !== undefined && timeout === undefined) throw new UsageError(`--timeout must be a duration like 90s or 10m (0: no limit), not '${o.timeout}'`);
  const shard = o.shard === undefined ? undefined : parseShard(o.shard);
  if (o.shard !== undefined && !shard) throw new UsageError(`--shard must be i/n with 1 <= i <= n, not '${o.shard}'`);
  let run: RegExp | undefined;
  try {
    run = o.run === undefined ? undefined : new RegExp(o.run);
  } catch (e) {
    throw new UsageError(`--run: ${(e as Error).message}`);
  }
  return { cluster: o.cluster as 'kind' | 'current', jobs, timeoutMs: timeout === 0 ? noTimeout : timeout, shard, run };
}
type Flags = ReturnType<typeof readFlags>;

/** What is to run: the tree, its setups, the selected tests, the previous report. */
interface Selection {
  paths: ContentPaths;
  config: SetupsConfig;
  reportDir: string;
  previous: PreviousReport | undefined;
  tests: DocTest[];
}

async function runSelected({ values: o, positionals }: Args, io: CliIo): Promise<number> {
  const flags = readFlags(o);
  const selection = select(o, positionals, flags, io);
  if (typeof selection === 'number') return selection;
  const { tests, config, paths } = selection;
  if (o.list) {
    out(io)(listJson(tests, config));
    return exitCode.ok;
  }
  if (o['dry-run']) {
    printDryRun(tests, config, { root: paths.root, libDir }, io);
    return exitCode.ok;
  }
  return execute(selection, o, flags, io);
}

const libDir = join(projectRoot, 'tests', 'util');

function select(o: Args['values'], positionals: string[], flags: Flags, io: CliIo): Selection | number {
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
  const previous = previousReport(reportDir, o['rerun-failed'], io);

  let ids: Set<string> | undefined;
  if (o['rerun-failed']) {
    if (!previous) return fail(io, `--rerun-failed: no report at ${join(reportDir, 'report.json')}`);
    ids = new Set(previous.tests.filter((t) => t.status === 'failed').map((t) => t.id));
    if (ids.size === 0) return fail(io, `--rerun-failed: the last report (${previous.startedAt}) has no failed tests`);
  }
  const { shard } = flags;
  const selected = selectTests(paths, config, { selectors: positionals, run: flags.run, ids, setups: o.setup.length ? o.setup : undefined, shard, durations: previous?.durations, cwd: io.cwd });
  if (selected.diagnostics.length > 0) {
    for (const d of sortDiagnostics(selected.diagnostics)) err(io)(formatDiagnostic(d));
    return exitCode.badInput;
  }
  if (selected.matched === 0) {
    return fail(io, `no test matches the selection${o.setup.length ? ` (setup ${o.setup.join(', ')})` : ''}${o.run ? ` (--run ${o.run})` : ''}`);
  }
  if (shard && selected.tests.length === 0) {
    // More shards than tests: an empty shard is not an error of the selection.
    out(io)(`shard ${shard.index}/${shard.total} has no tests (${selected.matched} selected in all)`);
    return exitCode.ok;
  }
  return { paths, config, reportDir, previous, tests: selected.tests };
}

/**
 * The last report. `--rerun-failed` cannot do without it, so a broken one is bad input; any other
 * run only balances shards with it and writes a new one, so it warns and goes on without.
 */
function previousReport(reportDir: string, needed: boolean, io: CliIo): PreviousReport | undefined {
  try {
    return readReport(reportDir);
  } catch (e) {
    if (needed || !(e instanceof ReportFileError)) throw e;
    err(io)(`warning: ${e.message}; ignored, this run replaces it`);
    return undefined;
  }
}

function listJson(tests: DocTest[], config: SetupsConfig): string {
  const setups: Record<string, { tests: number; cluster: boolean; ciOnly: boolean }> = {};
  for (const t of tests) {
    const s = config.setups.get(t.script.setup!)!;
    setups[s.name] ??= { tests: 0, cluster: s.cluster, ciOnly: s.ciOnly };
    setups[s.name]!.tests++;
  }
  return JSON.stringify({ setups, tests: tests.map((t) => ({ id: t.id, setup: t.script.setup })) });
}

/** The tools the selected tests need that are not on PATH, each with how to get it. */
function missingTools(tests: DocTest[], config: SetupsConfig, o: Args['values'], flags: Flags, ci: boolean, env: NodeJS.ProcessEnv) {
  const needed = new Set<string>();
  for (const t of tests) {
    const setup = config.setups.get(t.script.setup!)!;
    if (setup.ciOnly && !ci) continue;
    for (const tool of requiredTools(setup, config, flags.cluster)) if (o.install || flags.cluster === 'kind' || tool === 'kubectl') needed.add(tool);
  }
  return { needed, missing: [...needed].filter((tool) => !onPath(tool, env)).map((tool) => `'${tool}' is not on PATH: install ${config.tools[tool] ?? tool}`) };
}

async function execute(selection: Selection, o: Args['values'], flags: Flags, io: CliIo): Promise<number> {
  const { paths, config, reportDir, previous, tests } = selection;
  const ci = isCI(io.env);
  const tools = missingTools(tests, config, o, flags, ci, io.env);
  if (tools.missing.length > 0) {
    for (const m of tools.missing) err(io)(`error: ${m}`);
    return exitCode.badInput;
  }
  const exec = io.exec ?? realExec;
  const { shard } = flags;
  const runId = `doctest-${randomBytes(3).toString('hex')}${shard ? `-s${shard.index}` : ''}`;
  let clusterProvider: ClusterProvider | undefined;
  if (tools.needed.size > 0) {
    clusterProvider =
      flags.cluster === 'kind'
        ? createKindProvider({ exec, workDir: join(reportDir, '_clusters'), image: config.kind.image, waitMs: config.kind.wait, env: io.env })
        : createCurrentProvider({ exec, env: io.env, waitMs: config.kind.wait });
  }
  const groups = groupBySetup(tests);
  out(io)(`${plural(tests.length, 'test')} in ${plural(groups.size, 'setup group')}${shard ? ` (shard ${shard.index}/${shard.total})` : ''}`);
  const result = await runDocTests({
    paths,
    config,
    tests,
    provider: clusterProvider,
    install: flags.cluster === 'kind' || o.install,
    exec,
    libDir,
    reportDir,
    jobs: flags.jobs,
    timeoutMs: flags.timeoutMs,
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
    onEvent: (e) => printEvent(e, reportDir, io),
  });
  const report: RunReport = { ...result, shard, durations: mergeDurations(previous, result.tests) };
  writeReports(reportDir, report, siteConfig.repository);
  return summarize(report, reportDir, io);
}

function printEvent(e: RunEvent, reportDir: string, io: CliIo): void {
  if (e.type === 'group-start' && e.clusters.length > 0) out(io)(`setup ${e.setup}: cluster ${e.clusters.join(', ')}`);
  if (e.type === 'group-end' && e.result.error) err(io)(e.result.error);
  if (e.type === 'cluster-problem') err(io)(`warning: ${e.message}`);
  if (e.type !== 'test-end') return;
  const r = e.result;
  out(io)(`${r.status === 'passed' ? 'ok  ' : 'FAIL'} ${r.id} (${formatDuration(r.durationMs)})`);
  if (!r.failure) return;
  out(io)(`     ${r.failure.message}`);
  for (const s of r.steps.filter((s) => s.status !== 'passed')) out(io)(`     ${formatStep(s)}`);
  if (r.artifacts) out(io)(`     artifacts: ${display(io.cwd, join(reportDir, r.artifacts))}`);
}

function summarize(report: RunReport, reportDir: string, io: CliIo): number {
  const count = (s: string) => report.tests.filter((t) => t.status === s).length;
  const failedGroups = report.groups.filter((g) => g.error);
  out(io)(
    `${count('passed')} passed, ${count('failed')} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''} in ${formatDuration(report.durationMs)}; report: ${display(io.cwd, join(reportDir, 'index.html'))}`,
  );
  if (report.interrupted) return exitCode.interrupted;
  if (count('failed') > 0 || failedGroups.length > 0) return exitCode.findings;
  if (count('passed') === 0) {
    err(io)(`error: no test ran (${report.tests.map((t) => `${t.id}: ${t.skipReason}`).join('; ')})`);
    return exitCode.badInput;
  }
  return exitCode.ok;
}

function printDryRun(tests: DocTest[], config: SetupsConfig, ctx: { root: string; libDir: string }, io: CliIo): void {
  const say = out(io);
  for (const [setup, group] of groupBySetup(tests)) {
    const s = config.setups.get(setup)!;
    say(`# setup ${setup}: ${s.cluster ? `${s.clusters} cluster${s.clusters > 1 ? 's' : ''}` : 'no cluster'}${s.install.length ? `, install: ${s.install.join(' && ')}` : ''}${s.ciOnly ? ' (CI only)' : ''}`);
    for (const t of group) {
      const a = assembleScripts(t.script, ctx);
      say(`## test ${t.id} (setup ${setup})`);
      say(`### ${t.id}: test script`);
      say(a.test.text.trimEnd());
      say(`### ${t.id}: cleanup script`);
      say(a.cleanup.text.trimEnd());
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function fail(io: CliIo, message: string): number {
  err(io)(`error: ${message}`);
  return exitCode.badInput;
}

function display(cwd: string, file: string): string {
  const rel = toPosix(relative(cwd, file));
  return rel.startsWith('..') ? file : rel;
}
