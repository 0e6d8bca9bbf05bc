import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { buildContentIndex, kindOf, pageFilesOf, walkContent } from '../model/content-tree.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { defaultCacheRoot, openCache } from '../cache/index.ts';
import { PageCache } from '../model/page-cache.ts';
import { parsePage, readPageSource } from '../model/parse.ts';
import { ruleOfCode } from '../model/rules/index.ts';
import { readMarkdownlintConfig } from './config.ts';
import { lintLinks } from './links/check-links.ts';
import type { BuiltSite } from './links/dist-pages.ts';
import { lintMarkdown } from './markdown.ts';
import { lintScripts, type CoverageReport } from './scripts/scripts-check.ts';
import { lintSpelling } from './spelling.ts';
import { checkWordList } from './word-list.ts';

import type { CheckName } from './checks.ts';

export { allChecks, type CheckName } from './checks.ts';
/** Timed steps: the checks, plus reading and parsing the pages once for all of them. */
export type StepName = CheckName | 'parse';

export interface LintOptions {
  paths: ContentPaths;
  /** Where `.markdownlint-cli2.jsonc` and `cspell.config.yaml` are. */
  projectRoot: string;
  /** Paths in output are relative to this directory. */
  cwd: string;
  checks: ReadonlySet<CheckName>;
  /** Apply the fixes markdownlint and our rules can make, then report what is left. */
  fix?: boolean;
  /** Only report on these files (absolute), e.g. from `--changed`. */
  only?: ReadonlySet<string>;
  /** The built site, for links; required when `links` is checked. */
  dist?: string | BuiltSite | Promise<string | BuiltSite>;
  /** Check external links too. */
  external?: boolean;
  /** How internal links are checked: reading the built files (default) or a linkinator crawl. */
  linksEngine?: 'scan' | 'linkinator';
  /**
   * Keep results between runs: parsed pages, markdownlint, spelling, shellcheck, the built pages'
   * links, external links. `true` (default): in node_modules/.cache/meshdocs; a string: in that
   * directory; `false`: none.
   */
  cache?: boolean | string;
  /** Called as each check finishes (for progress output). */
  onCheck?: (check: CheckName, ms: number) => void;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  coverage: CoverageReport | undefined;
  /** Files written by --fix (display paths). */
  fixed: string[];
  /** `parsed`: pages parsed in this run (the others came from the cache). */
  counts: { markdown: number; shell: number; htmlPages: number; links: number; parsed: number };
  timings: Partial<Record<StepName, number>>;
}

/** Runs the asked checks over a content tree. Never prints or exits; throws only on bad setup. */
export async function runLint(options: LintOptions): Promise<LintResult> {
  const { paths, checks } = options;
  const display = (file: string): string => relative(options.cwd, file) || file;
  const absolute = (file: string): string => resolve(options.cwd, file);
  const inScope = (file: string): boolean => !options.only || options.only.has(absolute(file));
  const near = (file: string): boolean => {
    if (!options.only) return true;
    const dir = dirname(absolute(file));
    return [...options.only].some((f) => f === absolute(file) || dirname(f) === dir);
  };

  const timings: Partial<Record<StepName, number>> = {};
  const parseStart = performance.now();
  const walk = walkContent(paths);
  const files = pageFilesOf(paths, walk);
  const sources = new Map(files.map((f) => [f, readPageSource(f)]));
  const config = readMarkdownlintConfig(options.projectRoot).config;
  const cache = options.cache === false ? undefined : typeof options.cache === 'string' ? options.cache : defaultCacheRoot;
  const pageCache = cache ? PageCache.open(cache) : undefined;
  let pages = files.map((file) => {
    const kind = kindOf(paths, file);
    return pageCache ? pageCache.page(sources.get(file)!, kind, display(file)) : parsePage(sources.get(file)!, kind, display(file));
  });
  pageCache?.save();
  const index = buildContentIndex(paths);
  timings.parse = performance.now() - parseStart;
  // What the walk of the tree refused (link loops, links out of the tree, `foo.md/` directories).
  const diagnostics: Diagnostic[] = walk.problems.map((p) => ({ ...p, file: display(p.file) }));
  const fixed: string[] = [];
  const time = async <T>(check: CheckName, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await run();
    timings[check] = performance.now() - start;
    options.onCheck?.(check, timings[check]!);
    return value;
  };

  // Shellcheck runs in its own process: start it first, so it overlaps the in-process checks.
  const scripts = checks.has('scripts')
    ? time('scripts', () =>
        lintScripts(paths, {
          display,
          pages,
          parsed: new Map(files.map((f, i) => [f, pages[i]!])),
          cacheRoot: cache,
        }),
      )
    : undefined;

  const selected = pages.filter((p) => inScope(p.file));
  // markdownlint (built-in and registry rules, one run) goes to the second core while this thread
  // checks spelling; --fix lints, fixes and lints again in this thread before spelling sees the pages.
  const markdown = checks.has('markdown')
    ? time('markdown', () =>
        lintMarkdown(selected, index, config, {
          fix: options.fix,
          reparse: (page, source) => parsePage(source, page.kind, page.file),
          worker: !options.fix,
          cacheRoot: cache,
        }),
      )
    : undefined;
  markdown?.catch(() => undefined); // awaited below; do not let an early rejection go unhandled
  if (markdown && options.fix) {
    const result = await markdown;
    for (const [file, text] of result.fixed) {
      writeFileSync(absolute(file), text);
      fixed.push(file);
    }
    pages = pages.map((p) => (result.fixed.has(p.file) ? parsePage(result.fixed.get(p.file)!, p.kind, p.file) : p));
  }
  const current = pages.filter((p) => inScope(p.file));
  if (checks.has('spelling')) {
    const words = join(options.projectRoot, '.cspell/project-words.txt');
    if (existsSync(words) && (!options.only || options.only.has(words))) diagnostics.push(...checkWordList(words, display(words), options.fix));
    diagnostics.push(
      ...(await time('spelling', () =>
        lintSpelling(current, { projectRoot: options.projectRoot, cacheRoot: cache }),
      )),
    );
  }
  if (markdown) diagnostics.push(...(await markdown).diagnostics);

  let coverage: CoverageReport | undefined;
  let shell = 0;
  if (scripts) {
    const result = await scripts;
    diagnostics.push(...result.diagnostics.filter((d) => near(d.file)));
    coverage = result.coverage;
    shell = result.files;
  }

  let htmlPages = 0;
  let links = 0;
  let dist: BuiltSite | undefined;
  if (checks.has('links')) {
    if (!options.dist) throw new Error('links: no built site given (dist)');
    try {
      const site = await options.dist;
      dist = typeof site === 'string' ? { dir: site } : site;
    } catch (error) {
      // A build that fails on content is a finding like any other: keep the other checks' results.
      const message = withoutReported((error as Error).message, diagnostics, absolute);
      diagnostics.push(diagnostic(display(paths.content), 0, 'site-build', message));
    }
  }
  if (checks.has('links') && dist !== undefined) {
    const report = await time('links', () =>
      lintLinks({
        dist: dist!.dir,
        overlay: dist!.overlay,
        paths,
        pages,
        display,
        absolute,
        external: options.external ?? false,
        engine: options.linksEngine,
        siteUrl: siteConfig.siteUrl,
        externalCache: cache ? openCache('links-external', { root: cache }).entries() : undefined,
        scanCache: cache ? openCache('links-scan', { root: cache }).entries() : undefined,
      }),
    );
    diagnostics.push(...report.diagnostics.filter((d) => near(d.file)));
    htmlPages = report.pages;
    links = report.checked;
  }

  return {
    diagnostics,
    coverage,
    fixed,
    counts: {
      markdown: checks.has('markdown') || checks.has('spelling') ? current.length : 0,
      shell,
      htmlPages,
      links,
      parsed: pageCache ? pageCache.misses : files.length,
    },
    timings,
  };
}

/** A build error line (`file:line[:col]  code  message`, as the site prints it). */
const buildLine = /^\s*(\S+):(\d+)(?::\d+)?  ([a-z][a-z-]*)  /;

/**
 * The failed build's output without the page findings lint has reported already under their rule
 * ids (the build's `bash-no-command` is lint's MESH002 on the same line): each finding is printed
 * once. Only lines lint did report are dropped (not with `--changed` on other pages, not the
 * site's own checks such as an alias claimed twice).
 */
export function withoutReported(message: string, reported: readonly Diagnostic[], absolute: (file: string) => string): string {
  const lines = message.split('\n');
  const kept = lines.filter((text) => {
    const m = buildLine.exec(text);
    const rule = m && ruleOfCode(m[3]!);
    if (!m || !rule) return true;
    const [file, line] = [m[1]!, Number(m[2])];
    return !reported.some((d) => d.ruleId === rule.id && d.line === line && (absolute(d.file) === absolute(file) || absolute(d.file).endsWith(`/${file}`)));
  });
  const dropped = lines.length - kept.length;
  return dropped === 0 ? message : [...kept, `(${dropped} page finding(s) of the build are reported above, under their MESH rule ids)`].join('\n');
}
