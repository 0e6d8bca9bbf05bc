import { siteConfig } from '../../config/site.ts';
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
import type { PageRule } from './types.ts';

export type { PageRule, RuleContext, RuleFinding, RuleFix } from './types.ts';

export interface RegisteredRule extends PageRule {
  /** Link to the rule's doc page (docs/lint/<id>.md), shown by the editor extension. */
  information: URL;
}

/** The doc page of a rule, in the repository (the editor links to it). */
export function ruleInformation(id: string): URL {
  const { url, branch } = siteConfig.repository;
  return new URL(`${url}/blob/${branch}/docs/lint/${id}.md`);
}

/** Every custom rule, in id order. Add a rule: one file here, one line below, one docs/lint/<id>.md. */
export const pageRules: readonly RegisteredRule[] = [
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
].map((rule) => ({ ...rule, information: ruleInformation(rule.names[0]) }));

/** Whether a markdownlint-style config enables a rule (by id or alias; `default` applies otherwise). */
export function isRuleEnabled(rule: Pick<PageRule, 'names'>, config: Record<string, unknown>): boolean {
  for (const name of rule.names) {
    const value = config[name] ?? config[name.toLowerCase()];
    if (value !== undefined) return value !== false;
  }
  return config.default !== false;
}
