import type { LintError } from 'markdownlint';
import type { ContentIndex } from '../model/content-tree.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { Page } from '../model/parse.ts';
import { ruleContext, runRules, type RuleResult } from '../model/rules/index.ts';
import { findingsByRule, ruleInfos } from './markdownlint-adapter.ts';
import { lintPagesCached } from './markdownlint-worker.ts';

export interface MarkdownResult {
  diagnostics: Diagnostic[];
  /** Fixed text per page file (only pages that changed), when `fix` was asked. */
  fixed: Map<string, string>;
}

/**
 * Markdown style: one markdownlint run (configured by `.markdownlint-cli2.jsonc`) with its built-in
 * rules and the rule registry's (src/model/rules/, checked on the page model first), so config,
 * inline comments and fixes work the same for both. With `fix`, returns the fixed text of each page
 * (markdownlint's `applyFixes`, ours included) and reports what is left after fixing.
 */
export async function lintMarkdown(
  pages: readonly Page[],
  index: ContentIndex,
  config: Record<string, unknown>,
  options: {
    fix?: boolean;
    reparse?: (page: Page, source: string) => Page;
    /** Run markdownlint on a worker thread (the main thread goes on with other checks). */
    worker?: boolean;
    /** Where markdownlint's results are kept between runs. */
    cacheRoot?: string;
  } = {},
): Promise<MarkdownResult> {
  const context = ruleContext(index);
  const rules = ruleInfos('lint');
  const lintPages = async (list: readonly Page[], cached: boolean) => {
    const checked = list.map((page) => ({ page, results: runRules(page, context, 'lint') }));
    const input = checked.map(({ page, results }) => ({ name: page.file, source: page.source, findings: findingsByRule(results, true) }));
    const errors = await lintPagesCached(input, config, rules, cached ? { cacheRoot: options.cacheRoot, worker: options.worker } : {});
    return checked.map(({ page, results }) => ({ page, results, errors: errors[page.file] ?? [] }));
  };

  const fixed = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const { page, results, errors } of await lintPages(pages, !options.fix)) {
    if (options.fix && options.reparse && errors.some((e) => e.fixInfo)) {
      const { applyFixes } = await import('markdownlint');
      const text = applyFixes(page.source, errors);
      if (text !== page.source) fixed.set(page.file, text);
      const [left] = await lintPages([options.reparse(page, text)], false);
      diagnostics.push(...toDiagnostics(page.file, left!.errors, left!.results));
      continue;
    }
    diagnostics.push(...toDiagnostics(page.file, errors, results));
  }
  return { diagnostics, fixed };
}

/**
 * markdownlint's errors as findings: a registry rule's error is its finding again (found by the key
 * it carried), with its own line in the file; a built-in rule's is placed by markdownlint.
 */
function toDiagnostics(file: string, errors: readonly LintError[], results: readonly RuleResult[]): Diagnostic[] {
  return errors.map((e) => {
    const ours = e.errorContext === null ? undefined : results[Number(e.errorContext)];
    if (ours && ours.rule.id === e.ruleNames[0]) {
      const { rule, finding } = ours;
      return diagnostic(file, finding.line, rule.id, finding.message, { column: finding.column ?? 0, severity: rule.severity });
    }
    const detail = e.errorDetail ? `: ${e.errorDetail}` : '';
    const context = e.errorContext ? ` ["${e.errorContext}"]` : '';
    const fixable = e.fixInfo ? ' (fixable with --fix)' : '';
    return diagnostic(file, e.lineNumber, e.ruleNames[0]!, `${e.ruleDescription}${detail}${context}${fixable}`, {
      column: e.errorRange?.[0] ?? 0,
    });
  });
}
