import type { ContentIndex } from './content-tree.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Page } from './parse.ts';
import { checkPage, codesIn, ruleContext } from './rules/index.ts';

/**
 * The codes that fail the site build (a page that would render wrong or not at all), from the rule
 * registry (src/model/rules/): lint reports these and more (style, spelling, snips).
 */
export const buildBreakingRules: ReadonlySet<string> = codesIn('build');

/**
 * Where a build-breaking rule breaks the build when that is not on every page: the one place that
 * says so (the rule registry takes it over). Elsewhere the rule is still reported by lint.
 *
 * `bash-incomplete-command`: on a tested page (`test: yes`) and in a boilerplate the block becomes
 * shell (snips.sh), where an unclosed quote or heredoc would swallow the lines after it, so the page
 * must not build. On an untested page the block is only shown: it renders as written (istio.io has
 * 11 such blocks, quoted on purpose or copied from a terminal), and lint reports it (MESH012).
 */
const buildBreakingScope: Readonly<Record<string, (page: Pick<Page, 'kind' | 'rawFrontmatter'>) => boolean>> = {
  'bash-incomplete-command': (page) => page.kind === 'boilerplate' || page.rawFrontmatter.test === 'yes',
};

/** The diagnostic fails the site build on this page (its rule is build-breaking and applies here). */
export function breaksBuild(d: Pick<Diagnostic, 'ruleId'>, page: Pick<Page, 'kind' | 'rawFrontmatter'>): boolean {
  return buildBreakingRules.has(d.ruleId) && (buildBreakingScope[d.ruleId]?.(page) ?? true);
}

/** The build's verdict on a page: the registry's rules that apply to the build, under their codes. */
export function validatePage(page: Page, index: ContentIndex): Diagnostic[] {
  return checkPage(page, ruleContext(index), 'build');
}
