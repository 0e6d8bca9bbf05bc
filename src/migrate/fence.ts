/**
 * Writes a fenced code block that CommonMark reads back with exactly the given body.
 *
 * The fence sits at the indentation of the Hugo `{{< text >}}` line, and so does every body line:
 * inside a list item the block stays in the item, and CommonMark removes exactly that
 * indentation again. Body lines are the ones istio.io's generator sees: the opening line's
 * indentation stripped where present, other lines kept as they are (§1.3 of the reference).
 */
export interface FenceSpec {
  /** Indentation of the opening line (spaces). */
  indent: string;
  lang: string;
  /** `key=value` pairs in order; values with spaces or quotes get quoted. */
  meta: [string, string][];
  /** Body lines, indentation already stripped. */
  lines: string[];
}

export function renderFence(spec: FenceSpec): string {
  const longest = Math.max(0, ...spec.lines.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const meta = spec.meta.map(([k, v]) => ` ${k}=${quoteMetaValue(v)}`).join('');
  const body = spec.lines.map((l) => (l === '' ? '' : spec.indent + l));
  return [`${spec.indent}${fence}${spec.lang}${meta}`, ...body, `${spec.indent}${fence}`].join('\n');
}

export function quoteMetaValue(value: string): string {
  if (/^[^\s"'`]+$/.test(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  return `'${value.replaceAll("'", '')}'`;
}

/**
 * Splits a Hugo block body into the lines the generator reads. The first element (rest of the
 * opening line) and the last (text before the closing tag) are dropped, as Hugo and snip.py do.
 */
export function bodyLines(body: string, indent: string): string[] {
  const lines = body.split('\n');
  const middle = lines.length >= 2 ? lines.slice(1, -1) : [];
  return middle.map((l) => (indent && l.startsWith(indent) ? l.slice(indent.length) : l));
}

/**
 * `text_import` snippets: the lines between `# $snippet NAME …` and `# $endsnippet`, plus the
 * `syntax`/`outputis` written on the marker line.
 */
export function extractSnippet(
  text: string,
  name: string,
): { lines: string[]; syntax?: string; outputis?: string } | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*#\\s*\\$snippet\\s+${escapeRegExp(name)}(\\s|$)`).test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^\s*#\s*\$endsnippet\b/.test(l));
  const marker = lines[start]!;
  const syntax = /syntax="([^"]*)"/.exec(marker)?.[1];
  const outputis = /outputis="([^"]*)"/.exec(marker)?.[1];
  return { lines: lines.slice(start + 1, end < 0 ? lines.length : end), syntax, outputis };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
