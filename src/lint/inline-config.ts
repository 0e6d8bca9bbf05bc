import type { Rule } from 'markdownlint';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Page } from '../model/parse.ts';
import { pageRules } from './rules/index.ts';

/** Inline configuration comments markdownlint understands (`<!-- markdownlint-disable MESH009 -->`…). */
const inlineComment = /<!--\s*markdownlint-(disable|enable|capture|restore|configure-file)/;

/**
 * Applies a page's `<!-- markdownlint-… -->` comments to our rules' findings, exactly as markdownlint
 * applies them to its own (and as the editor, which runs our rules inside markdownlint, shows them):
 * the findings are handed to markdownlint as those of rules with the same names, and what it keeps is
 * what is reported. Only pages with such a comment pay for it. Findings on line 0 (the whole file)
 * are kept; findings in the front matter are placed on the first line, as in the editor.
 */
export async function applyInlineConfig(page: Page, diagnostics: readonly Diagnostic[]): Promise<Diagnostic[]> {
  if (diagnostics.length === 0 || !inlineComment.test(page.source)) return [...diagnostics];
  const { lint } = await import('markdownlint/promise');
  const rules: Rule[] = pageRules.map((rule) => ({
    names: [...rule.names],
    description: rule.description,
    tags: [...rule.tags],
    parser: 'none',
    function(params, onError) {
      const offset = params.frontMatterLines.length;
      diagnostics.forEach((d, i) => {
        if (d.ruleId !== rule.names[0] || d.line < 1) return;
        const lineNumber = Math.min(Math.max(d.line - offset, 1), Math.max(params.lines.length, 1));
        onError({ lineNumber, detail: String(i) });
      });
    },
  }));
  const config = Object.fromEntries([['default', false], ...pageRules.map((r) => [r.names[0], true])]);
  const results = await lint({ strings: { page: page.source }, config, customRules: rules, handleRuleFailures: true });
  const kept = new Set((results.page ?? []).map((e) => Number(e.errorDetail)));
  return diagnostics.filter((d, i) => d.line < 1 || !pageRules.some((r) => r.names[0] === d.ruleId) || kept.has(i));
}
