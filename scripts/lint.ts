/**
 * `npm run lint` (everything: Markdown style, spelling, scripts, then links on the built site: the
 * build in place when it is current, plus a partial build of the edited pages when only page bodies
 * changed, else a full build) and
 * `npm run lint:fast` (no build, no network: for pre-commit). See docs/lint/README.md.
 *
 *   --fix            apply the fixes markdownlint and our rules can make, report what is left
 *   --changed        only files changed against the main branch (plus uncommitted and untracked)
 *   --only a,b       only these checks: markdown, spelling, scripts, links
 *   --dist <dir>     check links on this built site instead of building
 *   --crawl          check internal links by crawling with linkinator (slower) instead of reading the files
 *   --coverage       list every tested page in the snippet coverage report
 *   --timings        print how long each check took
 *   --no-cache       ignore and do not write node_modules/.cache/meshdocs; always build the whole site
 *   --write-bundle   rebuild src/lint/markdownlint-rules.mjs (the editor's copy of the custom rules)
 * Environment: MESHDOCS_CONTENT=<dir> lints another content tree; CHECK_EXTERNAL_LINKS=true checks
 * external links too. Exit: 0 clean (warnings allowed), 1 errors, 2 bad invocation or setup.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isContentTree, projectRoot, resolveContentPaths } from '../src/config/paths.ts';
import { changedFiles } from '../src/lint/changed.ts';
import { formatCoverage, formatFindings, summaryLine } from '../src/lint/report.ts';
import { allChecks, type CheckName } from '../src/lint/checks.ts';
import { ContentError, formatDiagnostic } from '../src/model/diagnostic.ts';
import type { RebuildPlan } from '../src/site/build-stamp.ts';
import type { BuiltSite } from '../src/lint/links/dist-pages.ts';
import { siteForLinks } from '../src/lint/links/site-build.ts';
import { partialBuildDir } from '../src/site/partial-build.ts';

function fail(message: string): never {
  console.error(`lint: ${message}`);
  process.exit(2);
}

let flags: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      fast: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      changed: { type: 'boolean', default: false },
      only: { type: 'string' },
      dist: { type: 'string' },
      crawl: { type: 'boolean', default: false },
      coverage: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      'write-bundle': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
}
try {
  flags = parse();
} catch (error) {
  fail(`${(error as Error).message} (see --help)`);
}
const { values } = flags;
if (values.help) {
  const doc = /\/\*\*([\s\S]*?)\*\//.exec(await import('node:fs').then((fs) => fs.readFileSync(new URL(import.meta.url), 'utf8')))![1]!;
  console.log(doc.replace(/^ \* ?/gm, '').trim());
  process.exit(0);
}

if (values['write-bundle']) {
  const { buildRulesBundle, bundlePath } = await import('../src/lint/bundle.ts');
  writeFileSync(bundlePath, await buildRulesBundle());
  console.log(`lint: wrote ${bundlePath}`);
  process.exit(0);
}

let checks: Set<CheckName> = new Set(values.fast ? allChecks.filter((c) => c !== 'links') : allChecks);
if (values.only) {
  const asked = values.only.split(',').map((s) => s.trim());
  const unknown = asked.filter((c) => !allChecks.includes(c as CheckName));
  if (unknown.length) fail(`unknown check ${unknown.join(', ')} in --only (known: ${allChecks.join(', ')})`);
  checks = new Set(asked.filter((c) => checks.has(c as CheckName)) as CheckName[]);
  if (checks.size === 0) fail(`--only ${values.only} leaves nothing to run${values.fast ? ' with --fast (no links)' : ''}`);
}

const paths = resolveContentPaths();
if (!isContentTree(paths)) fail(`no content tree at ${paths.content} (expected ${paths.lang}); set MESHDOCS_CONTENT`);

let only: Set<string> | undefined;
if (values.changed) {
  const changed = changedFiles(process.cwd());
  if (!changed) fail('--changed needs a git checkout with a main branch');
  only = new Set([...changed.files].filter((f) => f.startsWith(paths.content + '/')));
  if (only.size === 0) fail(`nothing to lint: no file under ${paths.content} changed since ${changed.base.slice(0, 12)}`);
}

const started = performance.now();
const external = process.env.CHECK_EXTERNAL_LINKS === 'true';
let dist: Promise<BuiltSite> | string | undefined;
let plan: RebuildPlan | undefined;
if (checks.has('links')) {
  if (values.dist) dist = resolve(values.dist);
  else {
    const out = process.env.MESHDOCS_DIST ? resolve(process.env.MESHDOCS_DIST) : join(projectRoot, 'dist');
    const prepared = siteForLinks(paths, out, partialBuildDir(paths, out), { full: values['no-cache'] || values.crawl });
    plan = prepared.plan;
    dist = prepared.site;
    // An unhandled rejection would end the process before the other checks report.
    dist.catch(() => undefined);
  }
}

// The checks (cspell, markdownlint, the snips generator…) load only now: a build started above
// already runs on the other core meanwhile.
const { runLint } = await import('../src/lint/run.ts');
const { loadSnipsLibrary } = await import('../src/lint/scripts/snips-library.ts');
try {
  const result = await runLint({
    paths,
    projectRoot,
    cwd: process.cwd(),
    checks,
    fix: values.fix,
    only,
    dist,
    external,
    linksEngine: values.crawl ? 'linkinator' : 'scan',
    cache: !values['no-cache'],
    snips: checks.has('scripts') ? await loadSnipsLibrary() : undefined,
  });
  const total = result.counts.markdown + result.counts.shell + result.counts.htmlPages;
  // A failed site build leaves no HTML to count, but its finding is reported (exit 1), not hidden.
  if (total === 0 && result.diagnostics.length === 0) fail('nothing to lint: no Markdown, shell or HTML files matched');
  const out = formatFindings(result.diagnostics);
  if (out.length) console.log(out.join('\n') + '\n');
  if (result.fixed.length) console.log(`fixed ${result.fixed.length} file(s): ${result.fixed.join(', ')}\n`);
  if (result.coverage && (values.coverage || result.coverage.called < result.coverage.total)) {
    console.log(formatCoverage(result.coverage, values.coverage).join('\n') + '\n');
  }
  if (!external && checks.has('links')) console.log('external links not checked (set CHECK_EXTERNAL_LINKS=true)');
  if (values.timings) {
    if (plan) console.log(`site: ${describePlan(plan)}`);
    console.log(Object.entries(result.timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(2)}s`).join(', '));
  }
  console.log(summaryLine(result, (performance.now() - started) / 1000));
  process.exitCode = result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.diagnostics.map(formatDiagnostic).join('\n'));
    process.exit(1);
  }
  fail((error as Error).message);
}

function describePlan(p: RebuildPlan): string {
  if (p.kind === 'current') return 'the build in place is current, reused';
  if (p.kind === 'partial') return `partial build of ${p.pages.length} edited page(s), with the rest of the build in place`;
  return `built (${p.reason})`;
}
