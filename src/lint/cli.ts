/**
 * `npm run lint` and `npm run lint:fast` (= `--fast`). See docs/lint/README.md. The checks and the
 * snips generator load only after the arguments are read: `--help` and a bad flag answer at once,
 * and a site build started for the links already runs on the other core while they load.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand, exitCode, InputError, runCommand, type Parsed } from '../cli/command.ts';
import { err, out, type Io } from '../cli/io.ts';
import { startProgress } from '../cli/progress.ts';
import { isContentTree, projectRoot, resolveContentPaths, type ContentPaths } from '../config/paths.ts';
import { ContentError, formatDiagnostic } from '../model/diagnostic.ts';
import type { RebuildPlan } from '../site/build-stamp.ts';
import { partialBuildDir } from '../site/partial-build.ts';
import { changedFiles } from './changed.ts';
import { allChecks, type CheckName } from './checks.ts';
import type { BuiltSite } from './links/dist-pages.ts';
import { siteForLinks } from './links/site-build.ts';
import { formatCoverage, formatFindings, summaryLine } from './report.ts';

export const command = defineCommand('lint', {
  summary:
    'Lints the content tree: Markdown style, spelling, scripts, then links on the built site (the build\n' +
    'in place when it is current, plus a partial build of the edited pages when only page bodies\n' +
    'changed, else a full build). `npm run lint:fast` is `--fast`: no build, no network (pre-commit).',
  options: {
    fast: { type: 'boolean', help: 'everything but links: no build, no network' },
    fix: { type: 'boolean', help: 'apply the fixes markdownlint and our rules can make, report what is left' },
    changed: { type: 'boolean', help: 'only files changed against the main branch (plus uncommitted and untracked)' },
    only: { type: 'string', value: '<a,b>', help: `only these checks: ${allChecks.join(', ')}` },
    dist: { type: 'string', value: '<dir>', help: 'check links on this built site instead of building' },
    crawl: { type: 'boolean', help: 'check internal links by crawling with linkinator (slower) instead of reading the files' },
    coverage: { type: 'boolean', help: 'list every tested page in the snippet coverage report' },
    timings: { type: 'boolean', help: 'print how long each check took' },
    'no-cache': { type: 'boolean', help: 'ignore and do not write node_modules/.cache/meshdocs; always build the whole site' },
    'write-bundle': { type: 'boolean', help: "rebuild editor/markdownlint-rules.mjs (the editor's copy of the custom rules)" },
  },
  notes: [
    'Environment: MESHDOCS_CONTENT=<dir> lints another content tree; MESHDOCS_DIST=<dir> is the build\n' +
      'links are checked on; CHECK_EXTERNAL_LINKS=true checks external links too.',
    'Exit codes: 0 clean (warnings allowed), 1 errors, 2 bad invocation or setup.',
  ],
});

type Values = Parsed<typeof command.options>['values'];

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, async ({ values }) => {
    if (values['write-bundle']) return writeBundle(io);
    const checks = selectChecks(values);
    const paths = resolveContentPaths(undefined, io.env);
    if (!isContentTree(paths)) throw new InputError(`no content tree at ${paths.content} (expected ${paths.lang}); set MESHDOCS_CONTENT`);
    return lint(values, checks, paths, io);
  });
}

async function writeBundle(io: Io): Promise<number> {
  const { buildRulesBundle, bundlePath } = await import('./bundle.ts');
  writeFileSync(bundlePath, await buildRulesBundle());
  out(io)(`lint: wrote ${bundlePath}`);
  return exitCode.ok;
}

function selectChecks(values: Values): Set<CheckName> {
  const checks: Set<CheckName> = new Set(values.fast ? allChecks.filter((c) => c !== 'links') : allChecks);
  if (!values.only) return checks;
  const asked = values.only.split(',').map((s) => s.trim());
  const unknown = asked.filter((c) => !allChecks.includes(c as CheckName));
  if (unknown.length) throw new InputError(`unknown check ${unknown.join(', ')} in --only (known: ${allChecks.join(', ')})`);
  const selected = new Set(asked.filter((c) => checks.has(c as CheckName)) as CheckName[]);
  if (selected.size === 0) throw new InputError(`--only ${values.only} leaves nothing to run${values.fast ? ' with --fast (no links)' : ''}`);
  return selected;
}

/** `--changed`: the changed files below the content tree. */
function changedOnly(paths: ContentPaths, io: Io): Set<string> {
  const changed = changedFiles(io.cwd);
  if (!changed) throw new InputError('--changed needs a git checkout with a main branch');
  const only = new Set([...changed.files].filter((f) => f.startsWith(paths.content + '/')));
  if (only.size === 0) throw new InputError(`nothing to lint: no file under ${paths.content} changed since ${changed.base.slice(0, 12)}`);
  return only;
}

/** The built site links are checked on: `--dist`, or the build in place brought up to date (started now). */
function builtSite(values: Values, paths: ContentPaths, io: Io): { dist: Promise<BuiltSite> | string; plan?: RebuildPlan } {
  if (values.dist) return { dist: resolve(io.cwd, values.dist) };
  const out = io.env.MESHDOCS_DIST ? resolve(io.cwd, io.env.MESHDOCS_DIST) : join(projectRoot, 'dist');
  const prepared = siteForLinks(paths, out, partialBuildDir(paths, out), { full: values['no-cache'] || values.crawl });
  // An unhandled rejection would end the process before the other checks report.
  prepared.site.catch(() => undefined);
  return { dist: prepared.site, plan: prepared.plan };
}

async function lint(values: Values, checks: Set<CheckName>, paths: ContentPaths, io: Io): Promise<number> {
  const only = values.changed ? changedOnly(paths, io) : undefined;
  const started = performance.now();
  const external = io.env.CHECK_EXTERNAL_LINKS === 'true';
  const site = checks.has('links') ? builtSite(values, paths, io) : undefined;
  const { runLint } = await import('./run.ts');
  const progress = checkProgress(io, checks, site?.plan);
  try {
    const result = await runLint({
      paths,
      projectRoot,
      cwd: io.cwd,
      checks,
      fix: values.fix,
      only,
      dist: site?.dist,
      external,
      linksEngine: values.crawl ? 'linkinator' : 'scan',
      cache: !values['no-cache'],
      onCheck: progress.checked,
    });
    progress.done();
    const total = result.counts.markdown + result.counts.shell + result.counts.htmlPages;
    // A failed site build leaves no HTML to count, but its finding is reported (exit 1), not hidden.
    if (total === 0 && result.diagnostics.length === 0) throw new InputError('nothing to lint: no Markdown, shell or HTML files matched');
    const say = out(io);
    const findings = formatFindings(result.diagnostics);
    if (findings.length) say(findings.join('\n') + '\n');
    if (result.fixed.length) say(`fixed ${result.fixed.length} file(s): ${result.fixed.join(', ')}\n`);
    if (result.coverage && (values.coverage || result.coverage.called < result.coverage.total)) {
      say(formatCoverage(result.coverage, values.coverage).join('\n') + '\n');
    }
    if (!external && checks.has('links')) say('external links not checked (set CHECK_EXTERNAL_LINKS=true)');
    if (values.timings) {
      if (site?.plan) say(`site: ${describePlan(site.plan)}`);
      say(Object.entries(result.timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(2)}s`).join(', '));
    }
    say(summaryLine(result, (performance.now() - started) / 1000));
    return result.diagnostics.some((d) => d.severity === 'error') ? exitCode.findings : exitCode.ok;
  } catch (error) {
    progress.done();
    if (error instanceof ContentError) {
      err(io)(error.diagnostics.map(formatDiagnostic).join('\n'));
      return exitCode.findings;
    }
    if (error instanceof InputError) throw error;
    throw new InputError((error as Error).message);
  }
}

/**
 * Progress while the checks run (a build for links can take a minute): how many are done. Counts,
 * not names: a doc test that runs lint reads its output (stderr too) for the names of findings.
 */
function checkProgress(io: Io, checks: Set<CheckName>, plan: RebuildPlan | undefined) {
  const progress = startProgress(io, 'lint');
  let done = 0;
  let building = checks.has('links') && plan && plan.kind !== 'current' ? `, links wait for the ${plan.kind === 'partial' ? 'partial ' : ''}site build` : '';
  const show = () => progress.status(`${done}/${checks.size} checks done${building}`);
  show();
  return {
    checked: (check: CheckName) => {
      done++;
      if (check === 'links') building = '';
      show();
    },
    done: () => progress.done(),
  };
}

function describePlan(p: RebuildPlan): string {
  if (p.kind === 'current') return 'the build in place is current, reused';
  if (p.kind === 'partial') return `partial build of ${p.pages.length} edited page(s), with the rest of the build in place`;
  return `built (${p.reason})`;
}
