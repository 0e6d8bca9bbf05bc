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
