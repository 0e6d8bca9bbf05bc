import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { resolveContentPaths } from '../config/paths.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { walkTree } from '../model/tree-walk.ts';
import { generateFileSnips, openSnipsSession, splitBanner, type PageSnips } from '../snips/index.ts';
import { explainDifference, quirks, type QuirkContext, type QuirkId } from './compat-quirks.ts';
import { importHugoSite, ImportInputError, type ImportReport } from './import-site.ts';

/**
 * The compatibility check: import a Hugo site, generate snips with our generator, and compare
 * each with the `snips.sh` the site's own generator committed, below the banner (the banners
 * differ on purpose: istio.io's carries a license block).
 */

/**
 * One allowlisted page: its snips may differ from istio.io's, for this reason. Only for true
 * one-offs: a known kind of difference is a quirk class (compat-quirks.ts), wherever it appears.
 */
export interface AllowlistEntry {
  /** Markdown path below `content/en/` of the Hugo site, e.g. `docs/tasks/x/index.md`. */
  page: string;
  reason: string;
}

/** `explained`: every difference is a known quirk of istio.io's generator (`quirks`). */
export type CompatStatus = 'identical' | 'explained' | 'differs';

export interface FirstDifference {
  /** 1-based line in the committed file (0 when the committed file is missing). */
  line: number;
  /** The committed line (undefined: the file ends or is missing). */
  theirs: string | undefined;
  ours: string | undefined;
}

export interface CompatResult {
  /** Markdown path below `content/en/`. */
  page: string;
  status: CompatStatus;
  difference?: FirstDifference;
  /** The quirk classes that explain the difference (for `explained`), or that were taken out of it. */
  quirks: QuirkId[];
  /** Set when the page is in the allowlist (a true one-off no quirk class explains). */
  allowlisted?: string;
  /** Errors our generator reported for the page (its snips are compared anyway). */
  diagnostics: Diagnostic[];
}

export interface CompatReport {
  results: CompatResult[];
  /** Import problems (errors fail the check). */
  importDiagnostics: Diagnostic[];
  /** Allowlist entries naming no differing page (none, identical, or explained by a quirk class). */
  unusedAllowlist: AllowlistEntry[];
  import: ImportReport;
}

/** Reads the allowlist: a YAML list of `{page, reason}`; every entry needs a reason. */
export function loadAllowlist(file: string): AllowlistEntry[] {
  if (!existsSync(file)) return [];
  const data = parseYaml(readFileSync(file, 'utf8')) as unknown;
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new ImportInputError(`${file}: expected a list of {page, reason} entries`);
  return data.map((entry, i) => {
    const e = entry as Partial<AllowlistEntry> | null;
    if (!e || typeof e.page !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new ImportInputError(`${file}: entry ${i + 1} needs "page:" and a non-empty "reason:"`);
    }
    return { page: e.page, reason: e.reason.trim() };
  });
}

/** The first line where the two texts differ, numbered in the committed file. */
export function firstDifference(theirs: string, ours: string, lineOffset = 0): FirstDifference | undefined {
  if (theirs === ours) return undefined;
  const a = theirs.split('\n');
  const b = ours.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { line: lineOffset + i + 1, theirs: a[i], ours: b[i] };
}

/** Body of a snips file below its banner (the whole text when it has none). */
function belowBanner(text: string): { body: string; headerLines: number } {
  const split = splitBanner(text);
  if (!split) return { body: text, headerLines: 0 };
  return { body: split.body, headerLines: split.header.split('\n').length - 1 };
}

interface Candidate {
  /** Below `content/en/`. */
  page: string;
  /** Committed snips file, absolute (may not exist). */
  committed: string;
  kind: 'docs' | 'boilerplate';
}

/**
 * Pages to compare, from the Hugo site: every docs page istio.io's driver would process
 * (a line `test: yes`), every page beside a committed `snips.sh` (stale ones included), and
 * every boilerplate with or without a committed `snips/<name>.sh`.
 */
export function compatCandidates(siteRoot: string): Candidate[] {
  const lang = join(resolve(siteRoot), 'content', 'en');
  const candidates = new Map<string, Candidate>();
  const docs = join(lang, 'docs');
  // The one walk of a content tree: no link loop, no directory named like a page.
  const files = walkTree(docs, join(resolve(siteRoot), 'content')).files.map((f) => relative(docs, f));
  for (const rel of files) {
    const file = join(docs, rel);
    if (rel.endsWith('.md') && /^test: yes$/m.test(readFileSync(file, 'utf8'))) {
      const page = relative(lang, file).split(sep).join('/');
      candidates.set(page, { page, committed: join(dirname(file), snipsName(file)), kind: 'docs' });
    } else if (basename(rel) === 'snips.sh') {
      const md = ['index.md', '_index.md'].map((n) => join(dirname(file), n)).find((f) => statSync(f, { throwIfNoEntry: false })?.isFile()) ?? join(dirname(file), 'index.md');
      const page = relative(lang, md).split(sep).join('/');
      if (!candidates.has(page)) candidates.set(page, { page, committed: file, kind: 'docs' });
    }
  }
  const boilerplates = join(lang, 'boilerplates');
  if (existsSync(boilerplates)) {
    const names = new Set<string>();
    for (const f of readdirSync(boilerplates)) if (f.endsWith('.md') && f !== 'index.md' && f !== '_index.md') names.add(basename(f, '.md'));
    const snipsDir = join(boilerplates, 'snips');
    if (existsSync(snipsDir)) for (const f of readdirSync(snipsDir)) if (f.endsWith('.sh')) names.add(basename(f, '.sh'));
    for (const name of [...names].sort()) {
      candidates.set(`boilerplates/${name}.md`, { page: `boilerplates/${name}.md`, committed: join(snipsDir, `${name}.sh`), kind: 'boilerplate' });
    }
  }
  return [...candidates.values()].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}

function snipsName(markdown: string): string {
  const name = basename(markdown);
  return name === 'index.md' || name === '_index.md' ? 'snips.sh' : `${name}_snips.sh`;
}

export interface CompatOptions {
  allowlist?: AllowlistEntry[];
  /** Where to import; default a fresh temporary directory, removed afterwards. */
  workDir?: string;
  display?: (file: string) => string;
}

export function runCompat(siteRoot: string, options: CompatOptions = {}): CompatReport {
  const allowlist = options.allowlist ?? [];
  const ownWorkDir = options.workDir === undefined;
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'meshdocs-compat-'));
  const hugoLang = join(resolve(siteRoot), 'content', 'en');
  try {
    const imported = importHugoSite(siteRoot, work, { display: options.display, snips: false });
    const paths = resolveContentPaths(join(work, 'content'));
    const session = openSnipsSession(paths, { display: (f) => relative(paths.lang, f) });
    const context = (candidate: Candidate, generated: PageSnips | undefined): QuirkContext => {
      const hugoFile = join(hugoLang, candidate.page);
      return {
        kind: candidate.kind,
        hugoSource: statSync(hugoFile, { throwIfNoEntry: false })?.isFile() ? readFileSync(hugoFile, 'utf8') : undefined,
        definitions: generated?.definitions ?? [],
        committedBoilerplate: (name) => existsSync(join(hugoLang, 'boilerplates', 'snips', `${name}.sh`)),
        boilerplateHasSnips: (name) => session.boilerplates.get(name)?.content !== undefined,
      };
    };
    const results: CompatResult[] = [];
    for (const candidate of compatCandidates(siteRoot)) {
      const markdown = join(paths.lang, candidate.page);
      const committed = existsSync(candidate.committed) ? readFileSync(candidate.committed, 'utf8') : undefined;
      const generated = existsSync(markdown) ? generateFileSnips(session, markdown) : undefined;
      const ours = generated?.content;
      if (committed === undefined && ours === undefined) continue; // neither generator writes a file
      const theirsBody = committed === undefined ? undefined : belowBanner(committed);
      const oursBody = ours === undefined ? undefined : belowBanner(ours).body;
      let difference: FirstDifference | undefined;
      if (theirsBody === undefined) difference = { line: 0, theirs: undefined, ours: '(istio.io commits no snips file for this page)' };
      else if (oursBody === undefined) difference = { line: theirsBody.headerLines + 1, theirs: firstLine(theirsBody.body), ours: '(our generator writes no snips file)' };
      else difference = firstDifference(theirsBody.body, oursBody, theirsBody.headerLines);
      const entry = allowlist.find((e) => e.page === candidate.page);
      const errors = (generated?.diagnostics ?? []).filter((d) => d.severity === 'error');
      // Same text but our generator reports errors (istio.io's quirk Q1…): `npm run snips` would
      // refuse the page, so it is not identical; a quirk class may explain it.
      const explanation = explainDifference({ theirs: theirsBody?.body, ours: oursBody, errors }, context(candidate, generated));
      // What is left once the quirks found are taken out is the difference to show.
      const left = explanation.remaining;
      if (explanation.status === 'differs' && explanation.quirks.length > 0) {
        difference = left.theirs !== undefined && left.ours !== undefined ? firstDifference(left.theirs, left.ours, theirsBody?.headerLines ?? 0) : difference;
      }
      results.push({
        page: candidate.page,
        status: explanation.status,
        difference: explanation.status === 'identical' ? undefined : difference,
        quirks: explanation.quirks,
        allowlisted: explanation.status === 'differs' ? entry?.reason : undefined,
        diagnostics: errors,
      });
    }
    const used = new Set(results.filter((r) => r.allowlisted).map((r) => r.page));
    return {
      results,
      importDiagnostics: imported.diagnostics,
      unusedAllowlist: allowlist.filter((e) => !used.has(e.page)),
      import: imported,
    };
  } finally {
    if (ownWorkDir) rmSync(work, { recursive: true, force: true });
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** The check fails on an import error or on a difference no quirk class explains and no allowlist entry accepts. */
export function compatPassed(report: CompatReport): boolean {
  return !report.importDiagnostics.some((d) => d.severity === 'error') && !report.results.some((r) => r.status === 'differs' && !r.allowlisted);
}

/** `N identical, M explained (Q1: a, Q6: b, …), K differ`: the counts behind the summary line. */
export function compatCounts(report: CompatReport): { identical: number; explained: number; byClass: Record<QuirkId | 'allowlist', number>; differ: number } {
  const byClass = Object.fromEntries([...quirks.map((q) => [q.id, 0]), ['allowlist', 0]]) as Record<QuirkId | 'allowlist', number>;
  let identical = 0;
  let explained = 0;
  let differ = 0;
  for (const r of report.results) {
    if (r.status === 'identical') identical++;
    else if (r.status === 'explained' || r.allowlisted) {
      explained++;
      if (r.status === 'explained') for (const q of r.quirks) byClass[q]++;
      else byClass.allowlist++;
    } else differ++;
  }
  return { identical, explained, byClass, differ };
}
