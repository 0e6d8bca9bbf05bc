import type { ContentIndex } from '../../model/content-tree.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Page } from '../../model/parse.ts';

/** A replacement of `deleteCount` characters at `column` (1-based) on `line` (1-based, in the file). */
export interface RuleFix {
  line: number;
  column: number;
  deleteCount: number;
  insertText: string;
}

/** One problem a rule found, placed in the file (front matter lines count). */
export interface RuleFinding {
  line: number;
  /** 1-based; 0 when the whole line is meant. */
  column?: number;
  message: string;
  fix?: RuleFix;
}

/** What a rule may look at besides the page: built once per page, shared by all rules. */
export interface RuleContext {
  index: ContentIndex;
  /** `validatePage(page, index)`: parse problems plus directive, boilerplate, glossary and version checks. */
  model: Diagnostic[];
}

/**
 * A custom lint rule over the page model. Same fields as a markdownlint rule (`names`, `description`,
 * `tags`, `information`), so the adapter in `markdownlint-adapter.ts` turns it into one for the
 * editor, but `check` receives the parsed page, with lines counted in the whole file.
 */
export interface PageRule {
  /** `[id, alias]`, e.g. `['MESH003', 'no-kubectl-exec-it']`. */
  names: readonly [string, string];
  description: string;
  tags: readonly string[];
  check(page: Page, context: RuleContext): RuleFinding[];
}

/** Findings from the model's own diagnostics with the given rule ids (the model already placed them). */
export function fromModel(context: RuleContext, ...ruleIds: string[]): RuleFinding[] {
  return context.model
    .filter((d) => ruleIds.includes(d.ruleId))
    .map((d) => ({ line: d.line, column: d.column || undefined, message: d.message }));
}
