import { relative } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { buildContentIndex, loadAllPages } from '../model/content-tree.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Page } from '../model/parse.ts';
import { buildBreakingRules, validatePage } from '../model/validate.ts';

export interface TreeCheck {
  pages: Page[];
  /** Problems that make a page render wrong: the build fails on them. */
  errors: Diagnostic[];
}

/**
 * Parses every page of the tree with the page model and keeps the problems that break the site.
 * Runs before Astro renders anything, so a malformed page fails fast with file and line,
 * and runs on every build (Astro's content cache would otherwise skip unchanged pages).
 */
export function checkTreeForSite(paths: ContentPaths, cwd = process.cwd()): TreeCheck {
  const index = buildContentIndex(paths);
  const pages = loadAllPages(paths, (file) => relative(cwd, file) || file);
  const errors = pages.flatMap((page) => validatePage(page, index)).filter((d) => buildBreakingRules.has(d.ruleId));
  return { pages, errors };
}
