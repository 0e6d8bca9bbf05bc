/**
 * Splits a Hugo page body into plain text and shortcode tokens, the way Hugo reads them:
 * `{{< name params >}}`, `{{< /name >}}`, `{{< name params />}}`, the `{{% … %}}` form, and the
 * escaped form (`{{<` + `/*` … `*` + `/>}}`: contributor docs use it to show a shortcode literally;
 * it becomes plain text `{{< name >}}`). HTML comments are kept as text, untouched: Hugo expands shortcodes
 * inside them too, but the result is invisible either way, and istio.io comments shortcodes out
 * on purpose (`<!-- {{< text … >}} -->`).
 *
 * `text` and `mermaid` bodies are raw: nothing inside them is a block or a callout, so the scanner
 * takes everything up to the matching closing tag as one `raw` token.
 */

import { lastAtOrBefore, lineStartsOf } from '../lint/text-position.ts';

export interface ShortcodeParams {
  positional: string[];
  named: Record<string, string>;
}

export interface TextToken {
  type: 'text';
  text: string;
  /** Offset in the source. */
  offset: number;
}

export interface ShortcodeToken {
  type: 'shortcode';
  name: string;
  /** `{{< /name >}}`. */
  closing: boolean;
  /** `{{< name … />}}`. */
  selfClosing: boolean;
  /** `<` or `%`. */
  delimiter: '<' | '%';
  params: ShortcodeParams;
  /** The token as written. */
  raw: string;
  offset: number;
  end: number;
}

/** A `text`/`mermaid` block: the opening tag and the body up to its closing tag, unparsed. */
export interface RawBlockToken {
  type: 'raw';
  open: ShortcodeToken;
  /** Text between the end of the opening tag and the start of the closing tag. */
  body: string;
  /** Offset of the body in the source. */
  bodyOffset: number;
  /** The closing tag (undefined when missing: the body runs to the end of the file). */
  close: ShortcodeToken | undefined;
}

export type Token = TextToken | ShortcodeToken | RawBlockToken;

/** Shortcodes whose inner content is code, not Markdown. */
export const rawBodyShortcodes = new Set(['text', 'mermaid']);

/** Reads one shortcode starting at `start` (which points at `{{`). Undefined when it is not one. */
export function readShortcode(source: string, start: number): ShortcodeToken | { escaped: string; end: number } | undefined {
  const delimiter = source[start + 2];
  if (delimiter !== '<' && delimiter !== '%') return undefined;
  const close = delimiter === '<' ? '>}}' : '%}}';
  let i = start + 3;
  // Escaped form (comment markers inside the tag) renders literally as `{{< … >}}`.
  const afterOpen = /^\s*\/\*/.exec(source.slice(i, i + 8));
  if (afterOpen) {
    const endMarker = source.indexOf(`*/${close}`, i);
    if (endMarker < 0) return undefined;
    const inner = source.slice(i + afterOpen[0].length, endMarker);
    return { escaped: `{{${delimiter}${inner.replace(/\s+$/, ' ')}${close}`, end: endMarker + 2 + close.length };
  }
  let quote: string | undefined;
  for (; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === '`') quote = c;
    else if (source.startsWith(close, i)) break;
    // Another tag opens before this one closed: this was not a shortcode.
    else if (c === '{' && source.startsWith('{{', i) && /^\{\{[<%]/.test(source.slice(i, i + 3))) return undefined;
  }
  if (i >= source.length) return undefined;
  const end = i + close.length;
  const inner = source.slice(start + 3, i).trim();
  const m = /^(\/)?\s*([A-Za-z_][\w.-]*)([\s\S]*)$/.exec(inner);
  if (!m) return undefined;
  let rest = m[3]!.trim();
  let selfClosing = false;
  if (rest.endsWith('/') && !rest.endsWith('\\/')) {
    selfClosing = true;
    rest = rest.slice(0, -1).trim();
  }
  return {
    type: 'shortcode',
    name: m[2]!,
    closing: m[1] === '/',
    selfClosing,
    delimiter,
    params: parseShortcodeParams(rest),
    raw: source.slice(start, end),
    offset: start,
    end,
  };
}

/** `bash yaml`, `syntax="bash" snip_id=x`, `` name=`raw` ``: Hugo's parameter syntax. */
export function parseShortcodeParams(text: string): ShortcodeParams {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  const param = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))|"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+)/g;
  for (const m of text.matchAll(param)) {
    if (m[1]) named[m[1]] = m[2] !== undefined ? unescapeQuoted(m[2]) : (m[3] ?? m[4] ?? '');
    else if (m[5] !== undefined) positional.push(unescapeQuoted(m[5]));
    else positional.push(m[6] ?? m[7] ?? '');
  }
  return { positional, named };
}

function unescapeQuoted(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Splits `source` into tokens. Never throws: anything that is not a shortcode stays text. */
export function scanShortcodes(source: string): Token[] {
  const tokens: Token[] = [];
  let textStart = 0;
  let textOffset = 0;
  let text = '';
  const flushText = (upTo: number): void => {
    text += source.slice(textStart, upTo);
    if (text) tokens.push({ type: 'text', text, offset: textOffset });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const next = nextInteresting(source, i);
    if (next < 0) break;
    if (source.startsWith('<!--', next)) {
      const end = source.indexOf('-->', next + 4);
      // `<!--` written in inline code (an odd number of backticks before it on its line) is text.
      const lineStart = source.lastIndexOf('\n', next - 1) + 1;
      const inCode = (source.slice(lineStart, next).match(/`/g)?.length ?? 0) % 2 === 1;
      i = end < 0 || inCode ? next + 4 : end + 3;
      continue;
    }
    const token = readShortcode(source, next);
    if (!token) {
      i = next + 2;
      continue;
    }
    if ('escaped' in token) {
      // Literal text: keep what came before, then the unescaped form (offsets stay approximate).
      if (!text) textOffset = textStart;
      text += source.slice(textStart, next) + token.escaped;
      textStart = token.end;
      i = token.end;
      continue;
    }
    flushText(next);
    // `{{< text file="…" >}}` / `url=` has no body (Hugo refuses one): it is not a raw block.
    const sourced = token.name === 'text' && (token.params.named.file !== undefined || token.params.named.url !== undefined);
    if (rawBodyShortcodes.has(token.name) && !token.closing && !token.selfClosing && !sourced) {
      const close = findClosing(source, token.end, token.name);
      const bodyEnd = close ? close.offset : source.length;
      tokens.push({ type: 'raw', open: token, body: source.slice(token.end, bodyEnd), bodyOffset: token.end, close });
      i = close ? close.end : source.length;
    } else {
      tokens.push(token);
      i = token.end;
    }
    textStart = i;
    textOffset = i;
  }
  flushText(source.length);
  return tokens;
}

function nextInteresting(source: string, from: number): number {
  const a = source.indexOf('{{', from);
  const b = source.indexOf('<!--', from);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** The first `{{< /name >}}` after `from` that is a real (not escaped) tag. */
function findClosing(source: string, from: number, name: string): ShortcodeToken | undefined {
  let i = from;
  for (;;) {
    const at = source.indexOf('{{', i);
    if (at < 0) return undefined;
    const token = readShortcode(source, at);
    if (token && !('escaped' in token) && token.closing && token.name === name) return token;
    i = token ? token.end : at + 2;
  }
}

/** Maps offsets to 1-based lines (binary search over line starts). */
export function lineIndex(source: string): (offset: number) => number {
  const starts = lineStartsOf(source);
  return (offset) => lastAtOrBefore(starts, offset) + 1;
}
