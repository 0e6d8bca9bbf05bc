import { siteConfig } from '../../config/site.ts';
import { findGlossaryEntry, type ContentIndex } from '../content-tree.ts';
import { diagnostic, type Diagnostic } from '../diagnostic.ts';
import type { Page } from '../parse.ts';
import { frontmatterRule } from './mesh001-frontmatter.ts';
import { bashCommandPromptRule } from './mesh002-bash-command-prompt.ts';
import { noKubectlExecItRule } from './mesh003-no-kubectl-exec-it.ts';
import { commandAfterOutputRule } from './mesh004-command-after-output.ts';
import { knownDirectivesRule } from './mesh005-known-directives.ts';
import { boilerplateExistsRule } from './mesh006-boilerplate-exists.ts';
import { glossaryTermExistsRule } from './mesh007-glossary-term-exists.ts';
import { knownVersionsRule } from './mesh008-known-versions.ts';
import { noCurlyQuotesRule } from './mesh009-no-curly-quotes.ts';
import { headingLevelsRule } from './mesh010-heading-levels.ts';
import { closedFencesRule } from './mesh011-closed-fences.ts';
import { completeCommandsRule } from './mesh012-complete-commands.ts';
import { utf8EncodingRule } from './mesh013-utf8-encoding.ts';
import type { Rule, RuleContext, RuleFinding, Tool } from './types.ts';

export { isTestedPage, type Rule, type RuleContext, type RuleFinding, type RuleFix, type Tool } from './types.ts';
export { usesInteractiveExec } from './mesh003-no-kubectl-exec-it.ts';
export { generatorFindingsForLint, treeChecks, type TreeCheck } from './tree-checks.ts';

/**
 * Every check of a page, once, in id order. The site build, `npm run snips`, lint and the editor
 * bundle each take the rules (and the codes) that apply to them from this list.
 * Add a rule: one file here, one line below, one docs/lint/<id>.md, one fixture under
 * tests/fixtures/rules/<id>/ (tests/model/rules.test.ts walks this list), then
 * `npm run lint -- --write-bundle`.
 */
export const rules: readonly Rule[] = [
  frontmatterRule,
  bashCommandPromptRule,
  noKubectlExecItRule,
  commandAfterOutputRule,
  knownDirectivesRule,
  boilerplateExistsRule,
  glossaryTermExistsRule,
  knownVersionsRule,
  noCurlyQuotesRule,
  headingLevelsRule,
  closedFencesRule,
  completeCommandsRule,
  utf8EncodingRule,
];

/** The doc page of a rule, in the repository (relative to its root). */
export function ruleDocPath(rule: Pick<Rule, 'id'>): string {
  return `docs/lint/${rule.id}.md`;
}

/** The doc page of a rule on the repository's web view (the editor links to it). */
export function ruleInformation(rule: Pick<Rule, 'id'>): URL {
  const { url, branch } = siteConfig.repository;
  return new URL(`${url}/blob/${branch}/${ruleDocPath(rule)}`);
}

/** Whether a rule reports anything in a tool. */
export function appliesIn(rule: Rule, tool: Tool): boolean {
  return Object.values(rule.codes).some((tools) => tools.includes(tool));
}

/** The finding codes that apply in a tool (the build's: what fails the site build). */
export function codesIn(tool: Tool): Set<string> {
  return new Set(rules.flatMap((r) => Object.entries(r.codes).filter(([, tools]) => tools.includes(tool)).map(([code]) => code)));
}

/** The rule a finding code belongs to. */
export function ruleOfCode(code: string): Rule | undefined {
  return rules.find((r) => code in r.codes);
}

/** The checks' view of a content tree. */
export function ruleContext(index: Pick<ContentIndex, 'boilerplates' | 'glossary' | 'versions'>): RuleContext {
  return {
    versions: index.versions,
    hasBoilerplate: (name) => index.boilerplates.has(name),
    hasGlossaryEntry: (label, term) => findGlossaryEntry(index as ContentIndex, label, term) !== undefined,
  };
}

export interface RuleResult {
  rule: Rule;
  finding: RuleFinding;
}

/** The findings of every rule that applies in `tool`, restricted to the codes that apply there. */
export function runRules(page: Page, context: RuleContext, tool: Tool): RuleResult[] {
  const out: RuleResult[] = [];
  for (const rule of rules) {
    if (!appliesIn(rule, tool)) continue;
    for (const finding of rule.check(page, context)) {
      if (rule.codes[finding.code]?.includes(tool)) out.push({ rule, finding });
    }
  }
  return out;
}

/**
 * A page's findings as the tool prints them: lint and the editor under the rule's id (`MESH002`),
 * the build and snips under the finding's code (`bash-no-command`), each finding once.
 */
export function checkPage(page: Page, context: RuleContext, tool: Tool): Diagnostic[] {
  const byId = tool === 'lint' || tool === 'editor';
  return runRules(page, context, tool).map(({ rule, finding }) =>
    diagnostic(page.file, finding.line, byId ? rule.id : finding.code, finding.message, { column: finding.column ?? 0, severity: rule.severity }),
  );
}
