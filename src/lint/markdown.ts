import type { LintError } from 'markdownlint';
import type { ContentIndex } from '../model/content-tree.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { Page } from '../model/parse.ts';
import { applyInlineConfig } from './inline-config.ts';
import { applyRuleFixes, runPageRules } from './page-rules.ts';

export interface MarkdownResult {
  diagnostics: Diagnostic[];
  /** Fixed text per page file (only pages that changed), when `fix` was asked. */
  fixed: Map<string, string>;
}

/**
 * Markdown style: markdownlint's built-in rules (configured by `.markdownlint-cli2.jsonc`) on the
 * page text, plus our rules on the page model. With `fix`, returns the fixed text of each page
 * (built-in fixes first, then ours on the result) and reports what is left after fixing.
 */
export async function lintMarkdown(
  pages: readonly Page[],
  index: ContentIndex,
  config: Record<string, unknown>,
  options: {
    fix?: boolean;
    reparse?: (page: Page, source: string) => Page;
    /** Built-in results computed elsewhere (a worker thread), keyed by page file. */
    builtIn?: Promise<Record<string, LintError[]>>;
  } = {},
): Promise<MarkdownResult> {
  const builtIn = options.builtIn ? await options.builtIn : await lintBuiltIn(pages, config);
  const fixed = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const errors = builtIn[page.file] ?? [];
    const ours = runPageRules(page, index, config);
    if (options.fix && options.reparse && (ours.fixes.length > 0 || errors.some((e) => e.fixInfo))) {
      const { applyFixes } = await import('markdownlint');
      const afterBuiltIn = applyFixes(page.source, errors);
      // Our fixes were placed on the original text; built-in fixes may add or remove lines, so
      // re-run our rules on the new text before applying ours.
      const reparsed = options.reparse(page, afterBuiltIn);
      const text = applyRuleFixes(afterBuiltIn, runPageRules(reparsed, index, config).fixes);
      if (text !== page.source) fixed.set(page.file, text);
      const finalPage = options.reparse(page, text);
      const again = await lintBuiltIn([finalPage], config);
      diagnostics.push(...toDiagnostics(page.file, again[page.file] ?? []), ...(await applyInlineConfig(finalPage, runPageRules(finalPage, index, config).diagnostics)));
      continue;
    }
    diagnostics.push(...toDiagnostics(page.file, errors), ...(await applyInlineConfig(page, ours.diagnostics)));
  }
  return { diagnostics, fixed };
}

/** In this thread (`--fix`, tests); loaded on demand: a normal run lints on the worker, or not at all. */
async function lintBuiltIn(pages: readonly Page[], config: Record<string, unknown>): Promise<Record<string, LintError[]>> {
  const { lint } = await import('markdownlint/promise');
  const strings = Object.fromEntries(pages.map((p) => [p.file, p.source]));
  return lint({ strings, config: config as never, handleRuleFailures: true, noInlineConfig: false });
}

function toDiagnostics(file: string, errors: readonly LintError[]): Diagnostic[] {
  return errors.map((e) => {
    const detail = e.errorDetail ? `: ${e.errorDetail}` : '';
    const context = e.errorContext ? ` ["${e.errorContext}"]` : '';
    const fixable = e.fixInfo ? ' (fixable with --fix)' : '';
    return diagnostic(file, e.lineNumber, e.ruleNames[0]!, `${e.ruleDescription}${detail}${context}${fixable}`, {
      column: e.errorRange?.[0] ?? 0,
    });
  });
}
