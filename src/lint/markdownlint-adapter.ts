import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { Rule, RuleParams } from 'markdownlint';
import { resolveContentPaths, type ContentPaths } from '../config/paths.ts';
import { buildContentIndex, kindOf, type ContentIndex } from '../model/content-tree.ts';
import { parsePage, type Page } from '../model/parse.ts';
import { validatePage } from '../model/validate.ts';
import type { RegisteredRule, RuleContext } from './rules/index.ts';

/**
 * Turns the page rules into markdownlint custom rules, for markdownlint-cli2 and the editor
 * extension (which load `.markdownlint-cli2.jsonc`). `npm run lint` does not use this path: it runs
 * the rules on the page model directly, where front matter lines keep their numbers.
 *
 * Reasoning: markdownlint hides front matter from rules and only accepts lines of the body, so a
 * finding in the front matter is reported on the first body line, naming the real line.
 */
export function toMarkdownlintRules(rules: readonly RegisteredRule[]): Rule[] {
  return rules.map((rule) => ({
    names: [...rule.names],
    description: rule.description,
    tags: [...rule.tags],
    information: rule.information,
    parser: 'none',
    function(params, onError) {
      const checked = pageFor(params);
      if (!checked) return;
      const offset = params.frontMatterLines.length;
      for (const finding of rule.check(checked.page, checked.context)) {
        const bodyLine = finding.line - offset;
        const inFrontMatter = bodyLine < 1;
        const lineNumber = Math.min(Math.max(bodyLine, 1), Math.max(params.lines.length, 1));
        const fix = finding.fix && !inFrontMatter
          ? { lineNumber: finding.fix.line - offset, editColumn: finding.fix.column, deleteCount: finding.fix.deleteCount, insertText: finding.fix.insertText }
          : undefined;
        onError({
          lineNumber,
          detail: inFrontMatter ? `front matter line ${finding.line}: ${finding.message}` : finding.message,
          ...(finding.column && !inFrontMatter ? { range: [finding.column, 1] as [number, number] } : {}),
          ...(fix ? { fixInfo: fix } : {}),
        });
      }
    },
  }));
}

/** The last page parsed: every rule of one file shares one parse and one validatePage call. */
let last: { name: string; source: string; page: Page; context: RuleContext } | undefined;
const indexes = new Map<string, ContentIndex>();

function pageFor(params: RuleParams): { page: Page; context: RuleContext } | undefined {
  const file = isAbsolute(params.name) ? params.name : resolve(params.name);
  const paths = contentPathsOf(file);
  if (!paths) return undefined; // not a content page (README, docs/lint/*.md): built-in rules only
  const source = [...params.frontMatterLines, ...params.lines].join('\n');
  if (last && last.name === params.name && last.source === source) return last;
  let index = indexes.get(paths.content);
  if (!index) {
    index = buildContentIndex(paths);
    indexes.set(paths.content, index);
  }
  const page = parsePage(source, kindOf(paths, file), params.name);
  last = { name: params.name, source, page, context: { index, model: validatePage(page, index) } };
  return last;
}

/** The content tree a file belongs to: the nearest ancestor `en/` directory is `<content>/en`. */
export function contentPathsOf(file: string): ContentPaths | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === 'en' && existsSync(resolve(dir, '..'))) return resolveContentPaths(dirname(dir));
  }
  return undefined;
}
