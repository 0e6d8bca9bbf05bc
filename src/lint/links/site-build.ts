import { existsSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentPaths } from '../../config/paths.ts';
import { buildInto } from '../../site/astro-process.ts';
import { planRebuild, type RebuildPlan } from '../../site/build-stamp.ts';
import { partialEnv } from '../../site/partial-build.ts';
import { distFileOf, pageUrl, type BuiltSite } from './dist-pages.ts';

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
 * `astro build` into `out` as `npm run build` runs it (without the tsx and scripts/site.ts start-ups):
 * staged and moved into place, so a failed build leaves the build in place as it was.
 */
async function runAstroBuild(out: string, env: Record<string, string> = {}): Promise<void> {
  const result = await buildInto(out, { env });
  if (result.exitCode !== 0) {
    const log = result.output.trim().split('\n').slice(-30).join('\n');
    throw new Error(`the site build failed (exit ${result.exitCode}), so links were not checked:\n${log}`);
  }
}
