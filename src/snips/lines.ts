import { stripRepoPaths } from '../model/repo-links.ts';
import { substituteVersions, type VersionValues } from '../model/versions.ts';

/** A plain-text rewrite applied to every code line of a tested page (`siteConfig.snipRewrites`). */
export interface SnipRewrite {
  readonly from: string;
  readonly to: string;
}

export interface LineContext {
  readonly rewrites: readonly SnipRewrite[];
  readonly versions: VersionValues;
}

/**
 * The per-line transforms of istio.io's generator, in its order (reference §1.3): the configured
 * rewrites, then (bash blocks only, commands and output alike) `@path@` → `path`, then the
 * version values. `expandlinks=false` does not matter here, as in istio.io.
 */
export function transformLine(line: string, isBash: boolean, ctx: LineContext): string {
  let out = line;
  for (const { from, to } of ctx.rewrites) out = out.replaceAll(from, to);
  if (isBash) out = stripRepoPaths(out);
  return substituteVersions(out, ctx.versions);
}
