import { existsSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentPaths } from '../../config/paths.ts';
import { buildInto } from '../../site/astro-process.ts';
import { planRebuild, type RebuildPlan } from '../../site/build-stamp.ts';
import { ContentError, type Diagnostic } from '../../model/diagnostic.ts';
import { checkSite } from '../../site/check-site.ts';
import { leftOutEnv, partialEnv } from '../../site/partial-build.ts';
import { checkTreeForSite } from '../../site/validate-tree.ts';
import { distFileOf, pageUrl, type BuiltSite, type LeftOutPage } from './dist-pages.ts';

export interface SiteForLinks {
  plan: RebuildPlan;
  /** Settles when the site is ready (at once when the build in place is current). */
  site: Promise<BuiltSite>;
}

/**
 * The built site `npm run lint` checks links on, as cheaply as it can be had:
 * - the build in `out` when it is of exactly the current inputs (its stamp says so);
 * - when only page bodies changed, the build in `out` plus those pages rendered alone by a partial
 *   build into `partialOut` (seconds, not a 1,000-page build);
 * - else a full build into `out`.
 * `full: true` (--no-cache, --crawl) always builds everything. Builds run in a child process, so the
 * other checks go on meanwhile.
 */
export function siteForLinks(paths: ContentPaths, out: string, partialOut: string, options: { full?: boolean } = {}): SiteForLinks {
  const { errors, leftOut } = pagesToLeaveOut(paths);
  if (errors.length > 0) {
    // Problems no page can be left out for (a boilerplate, the tree itself): the site cannot build.
    const site = Promise.reject(new ContentError(errors, 'the site build refuses the tree, so links were not checked'));
    return { plan: { kind: 'full', reason: 'the tree has problems the build refuses' }, site };
  }
  if (leftOut.length > 0) {
    // Some pages are malformed: the rest of the site is built without them, in a directory of its own
    // (the build in `out` stays a build of every page), and reused while the tree is unchanged.
    const without = `${partialOut}-without`;
    const plan: RebuildPlan = options.full ? { kind: 'full', reason: 'asked' } : planRebuild(without, paths);
    const rel = leftOut.map((p) => relative(paths.lang, p.path).split(sep).join('/'));
    const ready = plan.kind === 'current' ? Promise.resolve() : runAstroBuild(without, { [leftOutEnv]: rel.join('\n') });
    return { plan, site: ready.then(() => ({ dir: without, leftOut })) };
  }
  const plan: RebuildPlan = options.full ? { kind: 'full', reason: 'asked' } : planRebuild(out, paths);
  if (plan.kind === 'current') return { plan, site: Promise.resolve({ dir: out }) };
  if (plan.kind === 'partial') {
    rmSync(partialOut, { recursive: true, force: true });
    const pages = plan.pages.map((p) => relative(paths.lang, p).split(sep).join('/'));
    const site = runAstroBuild(partialOut, { [partialEnv]: pages.join('\n') }).then(() => {
      // A draft page has no HTML in either build: only pages the partial build wrote replace theirs.
      const files = plan.pages.map((p) => distFileOf(pageUrl(paths, p))).filter((f) => existsSync(join(partialOut, f)));
      return { dir: out, overlay: { dir: partialOut, files: new Set(files) } };
    });
    return { plan, site };
  }
  return { plan, site: runAstroBuild(out).then(() => ({ dir: out })) };
}

/**
 * The pages the site check refuses (docs and other pages: a build can leave them out), each with its
 * problems, and the problems a build cannot leave out (boilerplates, glossary entries, the tree walk).
 */
export function pagesToLeaveOut(paths: ContentPaths): { leftOut: LeftOutPage[]; errors: Diagnostic[] } {
  // File names as the site check shows them (relative to the working directory), as lint's are.
  const { pages } = checkTreeForSite(paths);
  const { errors } = checkSite(paths, []);
  const byFile = new Map(pages.filter((p) => p.kind === 'docs' || p.kind === 'page').map((p) => [p.file, p]));
  const leftOut = new Map<string, LeftOutPage>();
  const rest: Diagnostic[] = [];
  for (const error of errors) {
    const page = byFile.get(error.file);
    if (!page) {
      rest.push(error);
      continue;
    }
    const entry = leftOut.get(page.path) ?? { path: page.path, file: page.file, url: pageUrl(paths, page.path), aliases: page.aliases, errors: [] };
    entry.errors.push(error);
    leftOut.set(page.path, entry);
  }
  return { leftOut: [...leftOut.values()], errors: rest };
}

/**
 * `astro build` into `out` as `npm run build` runs it (without the scripts/site.ts start-up):
 * staged and moved into place, so a failed build leaves the build in place as it was.
 */
async function runAstroBuild(out: string, env: Record<string, string> = {}): Promise<void> {
  const result = await buildInto(out, { env });
  if (result.exitCode !== 0) {
    const log = result.output.trim().split('\n').slice(-30).join('\n');
    throw new Error(`the site build failed (exit ${result.exitCode}), so links were not checked:\n${log}`);
  }
}
