import type { Page } from '../parse.ts';
import type { VersionValues } from '../versions.ts';

/**
 * Where a check applies: `build` fails the site build (and the dev server shows it), `snips` refuses
 * the page in `npm run snips`, `lint` reports it in `npm run lint`, `editor` in the markdownlint
 * editor extension (through the generated bundle).
 */
export type Tool = 'build' | 'snips' | 'lint' | 'editor';

/** A replacement of `deleteCount` characters at `column` (1-based) on `line` (1-based, in the file). */
export interface RuleFix {
  line: number;
  column: number;
  deleteCount: number;
  insertText: string;
}

/** One problem a rule found, placed in the file (front matter lines count). */
export interface RuleFinding {
  /** The finding's code: the id the build and `npm run snips` print (`bash-no-command`). */
  code: string;
  line: number;
  /** 1-based; 0 or absent when the whole line is meant. */
  column?: number;
  message: string;
  fix?: RuleFix;
}

/** What a rule may look at besides the page: the facts of the tree, built once per run. */
export interface RuleContext {
  /** The version values of data/args.yml. */
  versions: VersionValues;
  hasBoilerplate(name: string): boolean;
  hasGlossaryEntry(label: string, term: string | undefined): boolean;
}

/**
 * A check of the page model, written once. Lint and the editor report its findings under `id`
 * (`MESH002`, the doc page docs/lint/MESH002.md); the build and `npm run snips` under each finding's
 * code (`bash-no-command`), which `codes` lists with the tools it applies in. Same naming fields as a
 * markdownlint rule (`names` = id and alias, `description`, `tags`), so it becomes one for the editor.
 */
export interface Rule {
  id: string;
  alias: string;
  description: string;
  tags: readonly string[];
  severity: 'error' | 'warning';
  codes: Readonly<Record<string, readonly Tool[]>>;
  check(page: Page, context: RuleContext): RuleFinding[];
}

/** Every tool. */
export const everywhere: readonly Tool[] = ['build', 'snips', 'lint', 'editor'];
/** Lint and the editor: style and authoring advice that renders and tests fine. */
export const lintOnly: readonly Tool[] = ['lint', 'editor'];

/**
 * The findings the parse itself makes (front matter, encoding, fences, bash splits, directives whose
 * attributes cannot be read): the check is the parse, reported here under its rule.
 */
export function parseFindings(page: Page, ...codes: string[]): RuleFinding[] {
  return page.diagnostics
    .filter((d) => codes.includes(d.ruleId))
    .map((d) => ({ code: d.ruleId, line: d.line, column: d.column || undefined, message: d.message }));
}

/**
 * Declares a rule under its id and alias (`MESH004`, `no-command-after-output`): an error unless it
 * says otherwise.
 */
export function defineRule(id: string, alias: string, rule: Omit<Rule, 'id' | 'alias' | 'severity'> & { severity?: Rule['severity'] }): Rule {
  return { ...rule, id, alias, severity: rule.severity ?? 'error' };
}

/** Style advice (lint and the editor only), under one code: its alias. */
export function styleRule(id: string, alias: string, rule: Pick<Rule, 'description' | 'tags' | 'check'>): Rule {
  return defineRule(id, alias, { ...rule, codes: { [alias]: lintOnly } });
}

/**
 * A rule whose check is the parse: an error everywhere, under its one code (MESH002, MESH011, MESH012).
 */
export function parseRule(id: string, alias: string, rule: Pick<Rule, 'description' | 'tags'> & { code: string }): Rule {
  const { code, ...meta } = rule;
  return defineRule(id, alias, { ...meta, codes: { [code]: everywhere }, check: (page) => parseFindings(page, code) });
}

/** Whether the page's snips are generated (every boilerplate, docs pages with `test: yes`), so its commands run in a test. */
export function isTestedPage(page: Pick<Page, 'kind' | 'rawFrontmatter'>): boolean {
  return page.kind === 'boilerplate' || page.rawFrontmatter.test === 'yes';
}
