/**
 * `npm run lint` (everything: Markdown style, spelling, scripts, then links on the built site,
 * built unless the build in place is of exactly the current inputs) and
 * `npm run lint:fast` (no build, no network: for pre-commit). See docs/lint/README.md.
 *
 *   --fix            apply the fixes markdownlint and our rules can make, report what is left
 *   --changed        only files changed against the main branch (plus uncommitted and untracked)
 *   --only a,b       only these checks: markdown, spelling, scripts, links
 *   --dist <dir>     check links on this built site instead of building
 *   --crawl          check internal links by crawling with linkinator (slower) instead of reading the files
 *   --coverage       list every tested page in the snippet coverage report
 *   --timings        print how long each check took
 *   --no-cache       ignore and do not write node_modules/.cache/meshdocs; always build the site
 *   --write-bundle   rebuild src/lint/markdownlint-rules.mjs (the editor's copy of the custom rules)
 * Environment: MESHDOCS_CONTENT=<dir> lints another content tree; CHECK_EXTERNAL_LINKS=true checks
 * external links too. Exit: 0 clean (warnings allowed), 1 errors, 2 bad invocation or setup.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isContentTree, projectRoot, resolveContentPaths } from '../src/config/paths.ts';
import { buildRulesBundle, bundlePath } from '../src/lint/bundle.ts';
import { changedFiles } from '../src/lint/changed.ts';
import { formatCoverage, formatFindings, summaryLine } from '../src/lint/report.ts';
import { allChecks, runLint, type CheckName } from '../src/lint/run.ts';
import { loadSnipsLibrary } from '../src/lint/scripts/snips-library.ts';
import { ContentError, formatDiagnostic } from '../src/model/diagnostic.ts';
import { astroBin, astroEnv } from '../src/site/astro-process.ts';
import { isBuildCurrent, stampName } from '../src/site/build-stamp.ts';

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
let buildReused = false;
const external = process.env.CHECK_EXTERNAL_LINKS === 'true';
let dist: Promise<string> | string | undefined;
if (checks.has('links')) {
  dist = values.dist ? resolve(values.dist) : buildSite();
  // An unhandled rejection would end the process before the other checks report.
  if (typeof dist !== 'string') dist.catch(() => undefined);
}

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
  if (total === 0) fail('nothing to lint: no Markdown, shell or HTML files matched');
  const out = formatFindings(result.diagnostics);
  if (out.length) console.log(out.join('\n') + '\n');
  if (result.fixed.length) console.log(`fixed ${result.fixed.length} file(s): ${result.fixed.join(', ')}\n`);
  if (result.coverage && (values.coverage || result.coverage.called < result.coverage.total)) {
    console.log(formatCoverage(result.coverage, values.coverage).join('\n') + '\n');
  }
  if (!external && checks.has('links')) console.log('external links not checked (set CHECK_EXTERNAL_LINKS=true)');
  if (values.timings) {
    if (checks.has('links') && !values.dist) console.log(buildReused ? 'site: the build in place is current, reused' : 'site: built');
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

/**
 * `npm run build` into MESHDOCS_DIST (or dist/), in parallel with the in-process checks; a build
 * already there is reused when its stamp says it was built from exactly the current inputs
 * (after `npm run build`, or on a second lint run). `--no-cache` always builds.
 */
function buildSite(): Promise<string> {
  const out = process.env.MESHDOCS_DIST ? resolve(process.env.MESHDOCS_DIST) : join(projectRoot, 'dist');
  if (!values['no-cache'] && isBuildCurrent(out, paths)) {
    buildReused = true;
    return Promise.resolve(out);
  }
  rmSync(join(out, stampName), { force: true });
  return new Promise((resolvePromise, reject) => {
    // Astro directly (as `npm run build` runs it), not through tsx and scripts/site.ts: two Node start-ups fewer.
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: projectRoot,
      env: { ...astroEnv('build'), MESHDOCS_DIST: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr.on('data', (b: Buffer) => (log += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(out);
      else reject(new Error(`the site build failed (exit ${code}), so links were not checked:\n${log.trim().split('\n').slice(-30).join('\n')}`));
    });
  });
}
