import { join } from 'node:path';
import { openCache } from '../cache/index.ts';
import type { ContentPaths } from '../config/paths.ts';

/**
 * A partial build: only some pages of the tree, rendered by the real site (same config, components and
 * Markdown pipeline) into a directory of their own. `npm run lint` uses one when only page bodies
 * changed since the build in place (see `planRebuild`): the edited pages' new HTML is checked together
 * with the build in place, instead of building 1,000 pages again.
 */
export const partialEnv = 'MESHDOCS_PARTIAL';

/** Where lint's partial build of a tree, beside the build in `out`, is written: one per tree and output, so two lints at once never share one. */
export function partialBuildDir(paths: ContentPaths, out: string): string {
  return join(openCache('partial-build', { tree: paths.content }).forOutput(out), 'dist');
}

/**
 * Where lint's build without the malformed pages (see `leftOutEnv`) goes, beside its partial build
 * `partialOut`: a whole site, kept while some pages are left out (and reused while the tree is unchanged).
 */
export function leftOutBuildDir(partialOut: string): string {
  return `${partialOut}-without`;
}

/** The pages of a partial build (paths relative to `<content>/en`), or undefined for a full build. */
export function partialPages(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const value = env[partialEnv];
  if (!value) return undefined;
  return value.split('\n').filter(Boolean);
}

/** Glob patterns matching exactly these files (the content loader takes globs). */
export function exactPatterns(files: readonly string[]): string[] {
  return files.map((f) => f.replace(/[*?[\]{}()!+@]/g, '\\$&'));
}

/**
 * A build without some pages: the whole site, less the pages the site check refuses (paths relative
 * to `<content>/en`). `npm run lint` makes one when some pages are malformed, so the links of every
 * page that does build are still checked; the left-out pages are reported with their problems.
 */
export const leftOutEnv = 'MESHDOCS_LEFT_OUT';

/** The pages a build leaves out (paths relative to `<content>/en`); empty for a build of every page. */
export function leftOutPages(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[leftOutEnv] ?? '').split('\n').filter(Boolean);
}
