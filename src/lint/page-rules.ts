import type { ContentIndex } from '../model/content-tree.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { Page } from '../model/parse.ts';
import { validatePage } from '../model/validate.ts';
import { isRuleEnabled, pageRules, type RegisteredRule, type RuleFix } from './rules/index.ts';

export interface PageRulesResult {
  diagnostics: Diagnostic[];
  fixes: RuleFix[];
}

/** Runs every enabled custom rule on one page; one `validatePage` call shared by all rules. */
export function runPageRules(
  page: Page,
  index: ContentIndex,
  config: Record<string, unknown> = {},
  rules: readonly RegisteredRule[] = pageRules,
): PageRulesResult {
  const context = { index, model: validatePage(page, index) };
  const diagnostics: Diagnostic[] = [];
  const fixes: RuleFix[] = [];
  for (const rule of rules) {
    if (!isRuleEnabled(rule, config)) continue;
    for (const finding of rule.check(page, context)) {
      diagnostics.push(diagnostic(page.file, finding.line, rule.names[0], finding.message, { column: finding.column ?? 0 }));
      if (finding.fix) fixes.push(finding.fix);
    }
  }
  return { diagnostics, fixes };
}

/** Applies single-line replacements, right to left per line so columns stay valid. */
export function applyRuleFixes(source: string, fixes: readonly RuleFix[]): string {
  if (fixes.length === 0) return source;
  const lines = source.split('\n');
  const ordered = [...fixes].sort((a, b) => b.line - a.line || b.column - a.column);
  for (const fix of ordered) {
    const text = lines[fix.line - 1];
    if (text === undefined) continue;
    lines[fix.line - 1] = text.slice(0, fix.column - 1) + fix.insertText + text.slice(fix.column - 1 + fix.deleteCount);
  }
  return lines.join('\n');
}
