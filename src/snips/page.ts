import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { CodeBlock, Page } from '../model/parse.ts';
import { checkPage, isTestedPage, type RuleContext } from '../model/rules/index.ts';
import type { VersionValues } from '../model/versions.ts';
import { transformLine, type LineContext, type SnipRewrite } from './lines.ts';
import { renderSnipsFile, type Snippet } from './render.ts';
import type { PageSnips, SnipDefinition } from './types.ts';

/** What a boilerplate contributes to a page that includes it. */
export type BoilerplateStatus = 'snips' | 'empty' | 'unknown' | 'cycle';

export interface SnipsContext {
  paths: Pick<ContentPaths, 'root' | 'lang' | 'boilerplateSnips'>;
  versions: VersionValues;
  /** Rewrites applied to every code line; `siteConfig.snipRewrites` in the CLI. */
  rewrites: readonly SnipRewrite[];
  /**
   * Whether boilerplate `name` yields a snips file, so that a page including it sources it.
   * `cycle` when boilerplates include each other.
   */
  boilerplate: (name: string) => BoilerplateStatus;
  /** Generate even when the page is not `test: yes` (`--stdout`, the migration's compat check). */
  force?: boolean;
}

/** The names a page's definitions start with: `snip`, or `bpsnip_<name>` for a boilerplate. */
export function snipPrefix(page: Pick<Page, 'kind'>, markdown: string): string {
  return page.kind === 'boilerplate' ? `bpsnip_${basename(markdown, '.md').replaceAll('-', '_')}` : 'snip';
}

/**
 * Where the generated file goes: `snips.sh` beside an `index.md`/`_index.md`,
 * `<file>.md_snips.sh` beside any other page (istio.io's naming), and
 * `boilerplates/snips/<name>.sh` for a boilerplate.
 */
export function snipsTarget(paths: Pick<ContentPaths, 'boilerplateSnips'>, kind: Page['kind'], markdown: string): string {
  if (kind === 'boilerplate') return join(paths.boilerplateSnips, `${basename(markdown, '.md')}.sh`);
  const name = basename(markdown);
  return join(dirname(markdown), name === 'index.md' || name === '_index.md' ? 'snips.sh' : `${name}_snips.sh`);
}

/** The `source` line argument for a boilerplate: relative to the docs repo root, as tests `cd` there. */
export function boilerplateSource(name: string): string {
  return `content/en/boilerplates/snips/${name}.sh`;
}

export { isTestedPage };

/**
 * Turns a parsed page into its `snips.sh`: each code block of a `##` section becomes a shell
 * function (`bash`: its commands, plus `<name>_out` with its output) or a variable (other
 * languages), named `snip_<section>_<n>` or `snip_<snip_id>`.
 *
 * ```` ```bash ```` / `$ kubectl get pods` / `NAME READY` under `## Check the pods` gives
 * `snip_check_the_pods_1() { kubectl get pods }` and `snip_check_the_pods_1_out`.
 *
 * Always returns the generated text, even with error diagnostics (the compat check compares it
 * anyway); callers decide whether to write it.
 */
export function generatePageSnips(page: Page, ctx: SnipsContext, markdown: string = resolve(page.file)): PageSnips {
  const kind = page.kind === 'boilerplate' ? 'boilerplate' : 'docs';
  const result: PageSnips = {
    source: page.file,
    target: snipsTarget(ctx.paths, page.kind, markdown),
    content: undefined,
    definitions: [],
    sources: [],
    diagnostics: [],
    kind,
    boilerplates: [],
    markdown,
  };
  if (!ctx.force && !isTestedPage(page)) return result;

  // Names that reach shell code: the boilerplate's name (its function prefix, its `source` line)
  // and the path in the banner comment. Safe ones are written as istio.io does; others refuse the page.
  const unsafe = unsafeName(page, ctx, markdown);
  if (unsafe) {
    result.diagnostics.push(diagnostic(page.file, 1, 'snip-unsafe-name', unsafe));
    return result;
  }

  // The rule registry's verdict (src/model/rules/), the build's and lint's for the same checks: an
  // unclosed fence, bad front matter, a block with no command or with commands bash would read past,
  // an unknown boilerplate or version value, `kubectl exec -it`, a command after output.
  result.diagnostics.push(...checkPage(page, rulesContext(ctx), 'snips'));

  const lineCtx: LineContext = { rewrites: ctx.rewrites, versions: ctx.versions };
  const prefix = snipPrefix(page, markdown);
  const snippets: Snippet[] = [];
  const seen = new Map<string, number>();
  const report = (line: number, ruleId: string, message: string, severity: Diagnostic['severity'] = 'error'): void => {
    result.diagnostics.push(diagnostic(page.file, line, ruleId, message, { severity }));
  };
  const define = (name: string, definitionKind: SnipDefinition['kind'], line: number): void => {
    const first = seen.get(name);
    if (first !== undefined) {
      report(line, 'snip-duplicate-name', `duplicate snip name "${name}" (first defined by the block on line ${first}); bash would keep only the last one`);
    } else {
      seen.set(name, line);
    }
    result.definitions.push({ name, kind: definitionKind, file: page.file, line });
  };

  for (const name of includedBoilerplates(page, ctx, report)) {
    result.boilerplates.push(name);
    result.sources.push(boilerplateSource(name));
  }

  for (const block of page.codeBlocks) {
    const snipId = block.meta.snipId;
    if (snipId === 'none') continue;
    if (snipId !== undefined && !/^\w+$/.test(snipId)) {
      report(block.line, 'snip-invalid-id', `snip_id="${snipId}" must be letters, digits and "_" only (it becomes a shell name)`);
      continue;
    }
    const name = `${prefix}_${snipId ?? `${block.section}_${block.positionInSection}`}`;
    if (block.lang === 'bash' && block.bash) {
      snippets.push(bashSnippet(block, name, lineCtx));
      define(name, 'function', block.line);
      if (block.bash.output.length > 0) define(`${name}_out`, 'output', block.line);
    } else {
      const lines = bodyLines(block);
      snippets.push({ type: 'variable', name, lines: lines.map((line) => transformLine(line, false, lineCtx)) });
      define(name, 'variable', block.line);
    }
  }

  if (snippets.length > 0 || result.sources.length > 0) {
    result.content = renderSnipsFile(bannerPath(ctx.paths, markdown), result.sources, snippets);
  }
  return result;
}

type Report = (line: number, ruleId: string, message: string, severity?: Diagnostic['severity']) => void;

/** What the registry's snips rules look at: the session's version values and boilerplates. */
function rulesContext(ctx: SnipsContext): RuleContext {
  return {
    versions: ctx.versions,
    hasBoilerplate: (name) => ctx.boilerplate(name) !== 'unknown',
    // No glossary rule applies to snips (tests/model/rules.test.ts checks the registry).
    hasGlossaryEntry: () => true,
  };
}

function bashSnippet(block: CodeBlock, name: string, ctx: LineContext): Snippet {
  const split = block.bash!;
  const convert = (lines: { index: number; text: string }[]): string[] => lines.map(({ text }) => transformLine(text, true, ctx));
  const commands = convert(split.commands);
  const output = split.output.length > 0 ? convert(split.output) : undefined;
  return { type: 'function', name, commands, output };
}

/** The block's lines; an empty block has none (not one empty line). */
function bodyLines(block: CodeBlock): string[] {
  return block.value === '' ? [] : block.value.split('\n');
}

/**
 * Boilerplates the page includes (`::boilerplate{name="…"}`), in first-seen order, without
 * repeats, keeping those that yield snips. A missing or unknown name is MESH006's (the registry's).
 */
function includedBoilerplates(page: Page, ctx: SnipsContext, report: Report): string[] {
  const names: string[] = [];
  for (const d of page.directives) {
    if (d.type !== 'leafDirective' || d.name !== 'boilerplate') continue;
    const name = d.attributes.name;
    if (!name || names.includes(name)) continue;
    const status = ctx.boilerplate(name);
    if (status === 'cycle') report(d.line, 'snip-boilerplate-cycle', `boilerplate "${name}" includes itself, directly or through others`);
    else if (status === 'snips') names.push(name);
  }
  return names;
}

/** A boilerplate name becomes `bpsnip_<name>` and `source "…/<name>.sh"`: letters, digits, `-`, `_` only (istio.io's own pattern plus `_`). */
export const safeBoilerplateName = /^[A-Za-z0-9_-]+$/;

function unsafeName(page: Page, ctx: SnipsContext, markdown: string): string | undefined {
  if (page.kind === 'boilerplate') {
    const name = basename(markdown, '.md');
    if (!safeBoilerplateName.test(name)) {
      return `boilerplate file name "${name}" would be written into shell code: use letters, digits, "-" and "_" only`;
    }
  }
  // The banner path sits in a `#` comment: a line break (or any control character) would end it.
  if (/[\u0000-\u001f\u007f]/.test(bannerPath(ctx.paths, markdown))) {
    return 'the page path holds a line break or control character, which would break out of the snips.sh banner comment: rename the directory';
  }
  return undefined;
}

/** The banner names the Markdown file relative to `content/en/` (istio.io's convention). */
function bannerPath(paths: Pick<ContentPaths, 'root' | 'lang'>, markdown: string): string {
  for (const base of [paths.lang, paths.root]) {
    const rel = relative(base, markdown);
    if (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '') return rel.split(sep).join('/');
  }
  return markdown;
}
