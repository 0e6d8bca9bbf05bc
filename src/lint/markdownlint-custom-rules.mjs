// @ts-check
/**
 * The one way the rule registry's findings (src/model/rules/) reach markdownlint: as markdownlint
 * custom rules, so that markdownlint itself applies the config (`"MESH009": false`, by id or alias,
 * `default`), the inline comments (`<!-- markdownlint-disable-next-line MESH009 -->`) and the fixes
 * (`applyFixes`) to them exactly as to its own rules. Used by
 * - `npm run lint`, on a worker thread (workers/markdownlint-worker.mjs) or in this thread, with the
 *   findings computed on the page model beforehand (`findingsOf` looks them up);
 * - the editor bundle (editor/markdownlint-rules.mjs, generated from markdownlint-entry.ts), which computes
 *   them from the text markdownlint hands it.
 * Plain JavaScript: the editor's markdownlint imports it through the bundle in plain Node.
 *
 * markdownlint hides the front matter from rules and only accepts lines of the body, so a finding in
 * the front matter is reported on the first body line, naming its real line.
 */

/**
 * @typedef {{ names: string[], description: string, tags: string[], information: string }} RuleInfo
 *   A rule's names (id, alias) and texts, as data (the worker receives it by message).
 * @typedef {{ line: number, column?: number, message: string, key?: string,
 *   fix?: { line: number, column: number, deleteCount: number, insertText: string } }} Finding
 *   Lines are the file's (front matter counted). `key`, when given, comes back as the error's
 *   `errorContext`: lint finds its own finding again by it.
 * @typedef {(params: import('markdownlint').RuleParams) => Record<string, Finding[]> | undefined} FindingsOf
 *   The findings of a page by rule id; undefined for a file that is not a content page.
 */

/**
 * @param {readonly RuleInfo[]} rules
 * @param {FindingsOf} findingsOf
 * @returns {import('markdownlint').Rule[]}
 */
export function markdownlintRules(rules, findingsOf) {
  return rules.map((rule) => ({
    names: [...rule.names],
    description: rule.description,
    tags: [...rule.tags],
    information: new URL(rule.information),
    parser: 'none',
    function(params, onError) {
      const offset = params.frontMatterLines.length;
      const lastLine = Math.max(params.lines.length, 1);
      for (const finding of findingsOf(params)?.[rule.names[0] ?? ''] ?? []) {
        const bodyLine = finding.line - offset;
        const inFrontMatter = bodyLine < 1;
        const lineNumber = Math.min(Math.max(bodyLine, 1), lastLine);
        const fix = finding.fix && !inFrontMatter ? finding.fix : undefined;
        onError({
          lineNumber,
          detail: inFrontMatter ? `front matter line ${finding.line}: ${finding.message}` : finding.message,
          ...(finding.key !== undefined ? { context: finding.key } : {}),
          ...(finding.column && !inFrontMatter ? { range: /** @type {[number, number]} */ ([finding.column, 1]) } : {}),
          ...(fix ? { fixInfo: { lineNumber: fix.line - offset, editColumn: fix.column, deleteCount: fix.deleteCount, insertText: fix.insertText } } : {}),
        });
      }
    },
  }));
}

/**
 * One markdownlint run over pages: the built-in rules and the registry's, with findings given per
 * page name (display path) and rule id.
 * @param {{ strings: Record<string, string>, config: Record<string, unknown>, rules: readonly RuleInfo[],
 *   findings: Record<string, Record<string, Finding[]>> }} input
 * @returns {Promise<import('markdownlint').LintResults>}
 */
export async function lintWithFindings({ strings, config, rules, findings }) {
  const { lint } = await import('markdownlint/promise');
  const customRules = markdownlintRules(rules, (params) => findings[params.name]);
  return lint({ strings, config: /** @type {any} */ (config), customRules, handleRuleFailures: true });
}
