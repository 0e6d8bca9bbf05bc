import type { Diagnostic } from '../model/diagnostic.ts';
import type { SnipDefinition } from '../snips/types.ts';

/**
 * The known differences between our snips and istio.io's, each as a detector of its class (not a
 * list of pages): a detector takes its quirk's difference out of a comparison wherever it appears,
 * and a page whose texts are then identical is explained by the quirks that were taken out. A
 * detector changes only what its quirk accounts for, so any other difference is still there and the
 * page still differs. The quirks are described in ../shared/reference/istio-io-toolchain.md (§1.3, §1.12).
 */

/** One page's comparison: the two snips texts below the banner, and our generator's errors. */
export interface Comparison {
  /** The committed file's body (undefined: istio.io commits no file for the page). */
  theirs: string | undefined;
  /** Our generated body (undefined: our generator writes no file). */
  ours: string | undefined;
  errors: Diagnostic[];
}

/** What a detector may read besides the comparison. */
export interface QuirkContext {
  kind: 'docs' | 'boilerplate';
  /** The page's Markdown in the Hugo site (undefined when it is gone). The importer keeps its line numbers. */
  hugoSource: string | undefined;
  /** Our generated definitions, with the lines of their blocks. */
  definitions: readonly SnipDefinition[];
  /** The Hugo site commits `content/en/boilerplates/snips/<name>.sh`. */
  committedBoilerplate(name: string): boolean;
  /** Our generator writes a snips file for the boilerplate. */
  boilerplateHasSnips(name: string): boolean;
}

export type QuirkId = 'Q1' | 'Q6' | 'stale' | 'boilerplate-on-disk';

export interface Quirk {
  id: QuirkId;
  description: string;
  /** The comparison with this quirk's differences taken out; undefined when the quirk is not present. */
  remove(comparison: Comparison, context: QuirkContext): Comparison | undefined;
}

/** istio.io's block start (snip.py): at least one space after the kind, `>}}` at the end of the line. */
const istioTextStart = /^(\s*)\{\{< text (syntax=)?"?(\w+)"? .*>\}\}$/;
/** A block start our reader sees but istio.io's does not: nothing between the kind and `>}}`. */
const unspacedTextStart = /^\s*\{\{< text (syntax=)?"?\w+"?>\}\}\s*$/;
const istioBoilerplate = /^\s*\{\{< boilerplate\s*"?([a-zA-Z0-9-]+)"? >\}\}$/;
const istioHeading = /^##+ ([^{]*)(\{.*\})?$/;
const sourceLine = /^source "content\/en\/boilerplates\/snips\/([A-Za-z0-9_-]+)\.sh"$/;

/** Line `n` (1-based) of a text. */
const lineAt = (text: string | undefined, n: number): string | undefined => text?.split('\n')[n - 1];

/**
 * Q1: istio.io's generator puts every line after the first output line into the `_out` heredoc,
 * `$ ` commands included, so they never run. The text comes out the same; ours reports each such
 * line (`snip-command-after-output`). Taken out: those errors, when the Hugo line is a `$ ` line.
 */
const q1: Quirk = {
  id: 'Q1',
  description: 'a `$ ` line after output: istio.io puts it in the _out heredoc, ours reports it',
  remove(c, ctx) {
    const isQ1 = (d: Diagnostic): boolean => d.ruleId === 'snip-command-after-output' && /^\s*\$ /.test(lineAt(ctx.hugoSource, d.line) ?? '');
    return c.errors.some(isQ1) ? { ...c, errors: c.errors.filter((d) => !isQ1(d)) } : undefined;
  },
};

/**
 * Q6: `{{< text plain>}}` (no space before `>}}`) does not match istio.io's block start, so its
 * generator writes nothing for the block and does not count it. Ours reads it like any block.
 * Taken out of ours: the snippets of such blocks, and the numbering of the later auto-named
 * snippets of their section moved back by one each.
 */
const q6: Quirk = {
  id: 'Q6',
  description: '`{{< text kind>}}` with no space: a block istio.io does not see',
  remove(c, ctx) {
    if (c.ours === undefined || ctx.hugoSource === undefined) return undefined;
    const hugo = ctx.hugoSource.split('\n');
    const invisible = ctx.definitions.filter((d) => unspacedTextStart.test(hugo[d.line - 1] ?? ''));
    if (invisible.length === 0) return undefined;
    const blocks = new Set(invisible.map((d) => d.line));
    /** The line of the next section heading after a line (istio.io looks for headings everywhere). */
    const sectionEnd = (line: number): number => {
      for (let i = line; i < hugo.length; i++) if (istioHeading.test(hugo[i]!)) return i + 1;
      return Infinity;
    };
    const renamed = new Map<string, string>();
    for (const d of ctx.definitions) {
      if (blocks.has(d.line)) continue;
      const auto = /^(.*)_(\d+)(_out)?$/.exec(d.name);
      if (!auto) continue;
      const [, base, n, out = ''] = auto;
      // Earlier invisible blocks of the same section with an auto name of the same base.
      const before = invisible.filter((x) => x.kind !== 'output' && x.line < d.line && sectionEnd(x.line) > d.line && new RegExp(`^${escape(base!)}_\\d+$`).test(x.name));
      if (before.length > 0) renamed.set(d.name, `${base}_${Number(n) - before.length}${out}`);
    }
    const removed = new Set(invisible.map((d) => d.name));
    const ours = rewriteSnippets(c.ours, ctx.definitions, removed, renamed);
    return ours === c.ours ? undefined : { ...c, ours };
  },
};

/**
 * A committed file whose source is gone: istio.io's generator never deletes output, so a page that
 * is no longer `test: yes` (or is gone), or a boilerplate that lost its code blocks, keeps its old
 * file. Ours writes none (and `npm run snips` removes such files). Taken out: the committed file,
 * when istio.io's own driver would not write it today.
 */
const stale: Quirk = {
  id: 'stale',
  description: 'a committed file whose source is gone (istio.io never deletes generated files)',
  remove(c, ctx) {
    if (c.theirs === undefined || c.ours !== undefined) return undefined;
    const source = ctx.hugoSource;
    const wouldWrite =
      source !== undefined &&
      (ctx.kind === 'docs'
        ? /^test: yes$/m.test(source)
        : source.split('\n').some((l) => (istioTextStart.test(l) && !/snip_id=none\b/.test(l)) || istioBoilerplate.test(l)));
    return wouldWrite ? undefined : { ...c, theirs: undefined };
  },
};

/**
 * istio.io's generator sources a boilerplate's snips only when its file exists on disk when the page
 * is generated: a stale file of a boilerplate without code blocks is still sourced, and a
 * boilerplate whose file is not there is not. Ours sources exactly the boilerplates that have snips.
 * Taken out: `source` lines that differ for that reason alone.
 */
const boilerplateOnDisk: Quirk = {
  id: 'boilerplate-on-disk',
  description: "istio.io sources a boilerplate's snips only when its file exists on disk",
  remove(c, ctx) {
    const theirs = sourcedNames(c.theirs);
    const ours = sourcedNames(c.ours);
    const explained = new Set([
      ...[...theirs].filter((n) => !ours.has(n) && ctx.committedBoilerplate(n) && !ctx.boilerplateHasSnips(n)),
      ...[...ours].filter((n) => !theirs.has(n) && !ctx.committedBoilerplate(n) && ctx.boilerplateHasSnips(n)),
    ]);
    if (explained.size === 0) return undefined;
    const drop = (text: string | undefined): string | undefined => {
      if (text === undefined) return undefined;
      const kept = text.split('\n').filter((l) => !explained.has(sourceLine.exec(l)?.[1] ?? ''));
      // A file that sourced only such boilerplates is one neither generator would write.
      return kept.some((l) => l.trim() !== '') ? kept.join('\n') : undefined;
    };
    return { ...c, theirs: drop(c.theirs), ours: drop(c.ours) };
  },
};

/** Every known quirk, in the order they are taken out. */
export const quirks: readonly Quirk[] = [q1, q6, stale, boilerplateOnDisk];

export interface Explanation {
  status: 'identical' | 'explained' | 'differs';
  /** The quirks taken out (for `explained`: they account for every difference). */
  quirks: QuirkId[];
  /** What is left once the quirks are taken out (equal texts and no errors when explained). */
  remaining: Comparison;
}

/** Same texts (or both absent) and no errors. */
export function isIdentical(c: Comparison): boolean {
  return c.theirs === c.ours && c.errors.length === 0;
}

/** Takes every present quirk out of a comparison and says whether they account for all of it. */
export function explainDifference(comparison: Comparison, context: QuirkContext, known: readonly Quirk[] = quirks): Explanation {
  if (isIdentical(comparison)) return { status: 'identical', quirks: [], remaining: comparison };
  let remaining = comparison;
  const applied: QuirkId[] = [];
  for (const quirk of known) {
    const next = quirk.remove(remaining, context);
    if (next === undefined) continue;
    applied.push(quirk.id);
    remaining = next;
  }
  return { status: isIdentical(remaining) ? 'explained' : 'differs', quirks: applied, remaining };
}

function sourcedNames(text: string | undefined): Set<string> {
  return new Set((text ?? '').split('\n').flatMap((l) => sourceLine.exec(l)?.[1] ?? []));
}

/** Whether a line of a snips file opens the definition (see renderSnippet; the heredoc delimiter may be ENDSNIP_1…). */
function opens(line: string, name: string, kind: SnipDefinition['kind']): boolean {
  return kind === 'function' ? line === `${name}() {` : line.startsWith(`! IFS=$'\\n' read -r -d '' ${name} <<\\`);
}

/**
 * Our snips text without some definitions and with others renamed. Each definition runs from the
 * blank line before its opening line to the blank line before the next definition's.
 */
function rewriteSnippets(text: string, definitions: readonly SnipDefinition[], removed: ReadonlySet<string>, renamed: ReadonlyMap<string, string>): string {
  const trailing = text.endsWith('\n');
  const lines = (trailing ? text.slice(0, -1) : text).split('\n');
  const starts: { index: number; def: SnipDefinition }[] = [];
  let from = 0;
  for (const def of definitions) {
    let index = from;
    while (index < lines.length && !opens(lines[index]!, def.name, def.kind)) index++;
    if (index >= lines.length || lines[index - 1] !== '') return text; // not our layout: left as is, so the page differs
    starts.push({ index, def });
    from = index + 1;
  }
  const out: string[] = lines.slice(0, starts.length ? starts[0]!.index - 1 : lines.length);
  starts.forEach(({ index, def }, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index - 1 : lines.length;
    if (removed.has(def.name)) return;
    const chunk = lines.slice(index - 1, end);
    const name = renamed.get(def.name);
    if (name) chunk[1] = def.kind === 'function' ? `${name}() {` : chunk[1]!.replace(` ${def.name} <<`, ` ${name} <<`);
    out.push(...chunk);
  });
  return out.join('\n') + (trailing ? '\n' : '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
