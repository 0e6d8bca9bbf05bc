import type { ContentIndex } from './content-tree.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Page } from './parse.ts';
import { checkPage, codesIn, ruleContext } from './rules/index.ts';

/**
 * The codes that fail the site build (a page that would render wrong or not at all), from the rule
 * registry (src/model/rules/): lint reports these and more (style, spelling, snips).
 */
export const buildBreakingRules: ReadonlySet<string> = codesIn('build');

/** The build's verdict on a page: the registry's rules that apply to the build, under their codes. */
export function validatePage(page: Page, index: ContentIndex): Diagnostic[] {
  return checkPage(page, ruleContext(index), 'build');
}
