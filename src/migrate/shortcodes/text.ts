import { bodyLines, renderFence } from '../fence.ts';
import type { RawBlockToken } from '../shortcode-scan.ts';
import { stripPrefix } from './container.ts';
import { textAttributes } from './text-attributes.ts';
import { textImport } from './text-import.ts';
import type { Converter, ShortcodeHandler } from './types.ts';

/**
 * `{{< text bash >}}…{{< /text >}}` → ```` ```bash ````, and `{{< mermaid >}}` → ```` ```mermaid ````.
 * `{{< text file="…" >}}` without a body is `text_import`.
 */
function textFence(raw: RawBlockToken, c: Converter): string {
  const open = raw.open;
  c.count(open.name);
  let indent = c.blockIndent(open.offset);
  let lead = '';
  if (indent === undefined) {
    c.report(open.offset, 'text-inline', `{{< ${open.name} >}} must start its own line: moved to the next line`, 'warning');
    indent = '';
    lead = '\n';
  }
  if (!raw.close) c.report(open.offset, 'unclosed-shortcode', `{{< ${open.name} >}} is never closed ({{< /${open.name} >}})`);
  const lines = hugoStripIndent(bodyLines(c.convertCodeText(raw.body, raw.bodyOffset), indent));
  // The body keeps what the generator reads; only the fence moves when CommonMark needs it.
  const fenceIndent = c.insideContainer > 0 ? indent : markdownIndent(c.body, open.offset, indent);
  const { lang, meta } = open.name === 'mermaid' ? { lang: 'mermaid', meta: [] as [string, string][] } : textAttributes(open.params);
  if (!lang) c.report(open.offset, 'text-syntax', '{{< text >}} without a syntax: written as "plain"', 'warning');
  const language = lang || 'plain';
  if (open.params.named.url || open.params.named.file) {
    c.report(open.offset, 'text-source', '{{< text >}} with url=/file= and a body: the body is used', 'warning');
  }
  c.fences.push({ lang: language, value: lines.join('\n'), sourceLine: c.lineOf(open.offset) });
  return lead + renderFence({ indent: fenceIndent, lang: language, meta, lines });
}

export const text: ShortcodeHandler = { raw: textFence, single: textImport };
export const mermaid: ShortcodeHandler = { raw: textFence };

/**
 * A body indented past its tag (`{{< text bash >}}` at the margin, `    $ kubectl …` below it): Hugo's
 * strip_indent removes the first line's 4/8/12/16-space prefix, so the reader sees `$ kubectl …`.
 * (istio.io's generator keeps that indentation, but a bash block then has no `$ ` line and
 * yields no valid snip, so no tested page does this.)
 */
function hugoStripIndent(lines: string[]): string[] {
  const prefix = ' '.repeat(stripPrefix(lines));
  return prefix ? lines.map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l)) : lines;
}

const listMarker = /^( *)([-*+]|\d{1,9}[.)])( +|$)/;

/**
 * Where a fence must sit so that CommonMark reads it inside the same list item as the Hugo tag
 * (Hugo itself ignores Markdown context). A tag indented 4+ columns past the content of its list
 * item, or indented 4+ outside any list, would become an indented code block holding the fence
 * as text: the fence moves to the item's content column (or the margin).
 */
export function markdownIndent(body: string, offset: number, indent: string): string {
  const width = indent.length;
  if (width < 4) return indent;
  const before = body.slice(0, body.lastIndexOf('\n', offset - 1) + 1).split('\n');
  for (let i = before.length - 1; i >= 0; i--) {
    let line = before[i]!;
    if (line.trim() === '') continue;
    const lead = line.length - line.trimStart().length;
    if (lead >= width) continue;
    let m = listMarker.exec(line);
    // A lazy continuation line (`1. text⏎more text` at the margin): its paragraph's first line decides.
    for (let j = i - 1; !m && j >= 0 && before[j]!.trim() !== ''; j--) {
      m = listMarker.exec(before[j]!);
      if (m) line = before[j]!;
    }
    if (m) {
      const spaces = m[3]!.length;
      const content = m[1]!.length + m[2]!.length + (spaces === 0 || spaces > 4 ? 1 : spaces);
      if (content > width) continue; // a sibling or nested item further in: look further up
      return width - content <= 3 ? indent : ' '.repeat(content);
    }
    if (lead === 0) return ''; // top level: no list holds this block
  }
  return '';
}
