import type { BundledLanguage, Highlighter, ThemedToken } from 'shiki';
import { commandText, splitBashBlock, type BashLine } from '../model/bash-split.ts';
import type { FenceMeta } from '../model/fence-meta.ts';
import { splitRepoPaths, stripRepoPaths } from '../model/repo-links.ts';
import { codeThemes } from './highlighter.ts';
import { escapeAttr, escapeHtml } from './html-escape.ts';

export interface CodeRenderInput {
  /** Language of the block ('' when none). */
  lang: string;
  meta: FenceMeta;
  /** Body with version values already substituted. */
  value: string;
  /** Languages resolved by `ensureLanguage` (text when unknown). */
  lang2: { code: string; output: string };
}

export interface CodeRenderContext {
  highlighter: Highlighter;
  /** URL of a file of the mesh's source repository (`@path@`). */
  repoLink: (path: string) => string;
  /** Reuse tokens of text already highlighted by this highlighter (default); false for benchmarks. */
  cache?: boolean;
}

/**
 * HTML of one code block. A `bash` block shows its commands (with a `$` prompt drawn by CSS, not
 * copied) and its output as separate parts, using the same split as the snips generator; the copy
 * button copies only the commands. `@path@` becomes a link to the mesh's source repository unless
 * `expandlinks=false`.
 */
export function renderCodeBlock(input: CodeRenderInput, ctx: CodeRenderContext): string {
  const { meta } = input;
  const isBash = input.lang === 'bash';
  const rawLines = input.value.split('\n');
  let lines: { raw: string; kind: 'cmd' | 'out' | 'code'; prompt: boolean }[];
  let copy: string;
  if (isBash) {
    const split = splitBashBlock(input.value);
    const kinds = new Map<number, BashLine & { kind: 'cmd' | 'out' }>();
    for (const c of split.commands) kinds.set(c.index, { ...c, kind: 'cmd' });
    for (const o of split.output) kinds.set(o.index, { ...o, kind: 'out' });
    lines = rawLines.map((_, i) => {
      const k = kinds.get(i)!;
      return { raw: k.text, kind: k.kind, prompt: k.prompt };
    });
    copy = stripRepoPaths(commandText(split));
  } else {
    lines = rawLines.map((raw) => ({ raw, kind: 'code' as const, prompt: false }));
    copy = stripRepoPaths(input.value);
  }

  // `@path@` always shows as the bare path (as it is copied and run); `expandlinks=false` only drops the link.
  const parts = lines.map((line) => splitRepoPaths(line.raw));
  const texts = parts.map((p) => p.map((x) => x.text).join(''));
  // Tokenize each run of same-kind lines together, so multi-line constructs (heredocs, YAML) keep their state.
  const tokens: ThemedToken[][] = [];
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end + 1 < lines.length && lines[end + 1]!.kind === lines[start]!.kind) end++;
    const lang = lines[start]!.kind === 'out' ? input.lang2.output : input.lang2.code;
    tokens.push(...tokenizeLines(ctx.highlighter, texts.slice(start, end + 1), lang, ctx.cache !== false));
    start = end + 1;
  }
  const html = lines
    .map((line, i) => {
      const links = meta.expandlinks ? linkRanges(parts[i]!) : [];
      const body = renderTokens(tokens[i] ?? [], links, ctx.repoLink);
      const cls = line.kind === 'cmd' ? 'line mesh-cmd' : line.kind === 'out' ? 'line mesh-out' : 'line';
      return `<span class="${cls}"${line.prompt ? ' data-prompt' : ''}>${body}</span>`;
    })
    .join('\n');

  const attrs = [
    `class="mesh-code"`,
    `data-lang="${escapeAttr(input.lang || 'text')}"`,
    meta.outputis ? `data-outputis="${escapeAttr(meta.outputis)}"` : '',
  ].filter(Boolean);
  const download = meta.downloadas
    ? `<a class="mesh-code__download" download="${escapeAttr(meta.downloadas)}" href="data:text/plain;charset=utf-8,${encodeURIComponent(copy)}" aria-label="Download ${escapeAttr(meta.downloadas)}">Download</a>`
    : '';
  return (
    `<div ${attrs.join(' ')}><div class="mesh-code__tools">${download}` +
    `<button type="button" class="mesh-code__copy" data-copy="${escapeAttr(copy)}" aria-label="Copy ${isBash ? 'commands' : 'code'}">Copy</button></div>` +
    `<pre class="astro-code mesh-code__pre" tabindex="0"><code>${html}</code></pre></div>`
  );
}

/**
 * Tokens already computed, per highlighter (so per build where the build makes one, and never across
 * Shiki versions or themes), keyed by language and text: the same command or manifest recurs across
 * pages (tabs, boilerplates, the steps of a task), and a block's tokens depend on nothing else.
 */
const tokenCaches = new WeakMap<object, TokenCache>();
/** Past this many distinct runs the cache starts again, so a long dev session never grows without bound. */
const maxCachedRuns = 50_000;

interface TokenCache {
  runs: Map<string, ThemedToken[][]>;
  hits: number;
  misses: number;
}

/** Hits and misses of the token cache of `highlighter` (benchmarks read the hit rate). */
export function tokenCacheStats(highlighter: object): { hits: number; misses: number; size: number } {
  const c = tokenCaches.get(highlighter);
  return { hits: c?.hits ?? 0, misses: c?.misses ?? 0, size: c?.runs.size ?? 0 };
}

/** One token list per input line. */
function tokenizeLines(highlighter: Highlighter, lines: string[], lang: string, useCache: boolean): ThemedToken[][] {
  if (lang === 'text') return lines.map((content) => [{ content, offset: 0 } as ThemedToken]);
  const text = lines.join('\n');
  if (!useCache) return tokenize(highlighter, lines, text, lang);
  let cache = tokenCaches.get(highlighter);
  if (!cache) tokenCaches.set(highlighter, (cache = { runs: new Map(), hits: 0, misses: 0 }));
  const key = `${lang}\0${text}`;
  const cached = cache.runs.get(key);
  if (cached) {
    cache.hits++;
    return cached;
  }
  cache.misses++;
  const tokens = tokenize(highlighter, lines, text, lang);
  if (cache.runs.size >= maxCachedRuns) cache.runs.clear();
  cache.runs.set(key, tokens);
  return tokens;
}

function tokenize(highlighter: Highlighter, lines: string[], text: string, lang: string): ThemedToken[][] {
  // No time limit per line: Shiki's default (500 ms) leaves a line unhighlighted when the machine is
  // busy (the first line a grammar tokenizes compiles its patterns), so one build differed from the next.
  const out = highlighter.codeToTokens(text, { lang: lang as BundledLanguage, themes: codeThemes, defaultColor: false, tokenizeTimeLimit: 0 }).tokens;
  // Shiki returns one entry per line; guard against a mismatch rather than shift every later line.
  return out.length === lines.length ? out : lines.map((content) => [{ content, offset: 0 } as ThemedToken]);
}

/** Character ranges (in the line without `@`) that are repository paths. */
function linkRanges(parts: { text: string; repoPath?: string }[]): { start: number; end: number; path: string }[] {
  const ranges: { start: number; end: number; path: string }[] = [];
  let offset = 0;
  for (const p of parts) {
    if (p.repoPath) ranges.push({ start: offset, end: offset + p.text.length, path: p.repoPath });
    offset += p.text.length;
  }
  return ranges;
}

function renderTokens(tokens: ThemedToken[], ranges: { start: number; end: number; path: string }[], repoLink: (p: string) => string): string {
  let out = '';
  let pos = 0;
  let openRange: { end: number } | undefined;
  for (const token of tokens) {
    const style = token.htmlStyle ? Object.entries(token.htmlStyle).map(([k, v]) => `${k}:${v}`).join(';') : '';
    // Split the token at link boundaries so a path inside a token still becomes one link.
    const cuts = new Set<number>([0, token.content.length]);
    for (const r of ranges) {
      if (r.start > pos && r.start < pos + token.content.length) cuts.add(r.start - pos);
      if (r.end > pos && r.end < pos + token.content.length) cuts.add(r.end - pos);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length - 1; i++) {
      const from = pos + sorted[i]!;
      const piece = token.content.slice(sorted[i], sorted[i + 1]);
      const range = ranges.find((r) => r.start === from);
      if (range && !openRange) {
        out += `<a class="mesh-code__link" href="${escapeAttr(repoLink(range.path))}">`;
        openRange = range;
      }
      out += style ? `<span style="${style}">${escapeHtml(piece)}</span>` : escapeHtml(piece);
      if (openRange && from + piece.length >= openRange.end) {
        out += '</a>';
        openRange = undefined;
      }
    }
    pos += token.content.length;
  }
  if (openRange) out += '</a>';
  return out;
}

export { escapeAttr, escapeHtml } from './html-escape.ts';
