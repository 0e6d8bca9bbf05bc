import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { RuleParams } from 'markdownlint';
import { resolveContentPaths, type ContentPaths } from '../config/paths.ts';
import { buildContentIndex, kindOf } from '../model/content-tree.ts';
import { parsePage } from '../model/parse.ts';
import { appliesIn, ruleContext, ruleInformation, rules, runRules, type RuleContext, type RuleResult, type Tool } from '../model/rules/index.ts';
import type { Finding, RuleInfo } from './markdownlint-custom-rules.mjs';

/** The registry's rules that apply in a tool, as markdownlint names them (id and alias). */
export function ruleInfos(tool: Extract<Tool, 'lint' | 'editor'>): RuleInfo[] {
  return rules
    .filter((rule) => appliesIn(rule, tool))
    .map((rule) => ({ names: [rule.id, rule.alias], description: rule.description, tags: [...rule.tags], information: ruleInformation(rule).href }));
}

/**
 * Registry results grouped by rule id, as markdownlint-custom-rules.mjs takes them. With `keyed`,
 * each finding carries its index in `results`, which comes back as the error's context.
 */
export function findingsByRule(results: readonly RuleResult[], keyed = false): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  results.forEach(({ rule, finding }, i) => {
    (out[rule.id] ??= []).push({
      line: finding.line,
      column: finding.column,
      message: finding.message,
      ...(finding.fix ? { fix: finding.fix } : {}),
      ...(keyed ? { key: String(i) } : {}),
    });
  });
  return out;
}

/** The last page checked: every rule of one file shares one parse and one run of the registry. */
let last: { name: string; source: string; findings: Record<string, Finding[]> } | undefined;
const contexts = new Map<string, RuleContext>();

/**
 * The editor's findings for the text markdownlint hands the custom rules (markdownlint-cli2 and the
 * editor extension load `.markdownlint-cli2.jsonc`, which names the generated bundle). Not a
 * content page (README, docs/lint/*.md): none, the built-in rules only.
 */
export function editorFindings(params: RuleParams): Record<string, Finding[]> | undefined {
  const file = isAbsolute(params.name) ? params.name : resolve(params.name);
  const paths = contentPathsOf(file);
  if (!paths) return undefined;
  const source = [...params.frontMatterLines, ...params.lines].join('\n');
  if (last && last.name === params.name && last.source === source) return last.findings;
  let context = contexts.get(paths.content);
  if (!context) {
    context = ruleContext(buildContentIndex(paths));
    contexts.set(paths.content, context);
  }
  const page = parsePage(source, kindOf(paths, file), params.name);
  last = { name: params.name, source, findings: findingsByRule(runRules(page, context, 'editor')) };
  return last.findings;
}

/** The content tree a file belongs to: the nearest ancestor `en/` directory is `<content>/en`. */
export function contentPathsOf(file: string): ContentPaths | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === 'en' && existsSync(resolve(dir, '..'))) return resolveContentPaths(dirname(dir));
  }
  return undefined;
}
