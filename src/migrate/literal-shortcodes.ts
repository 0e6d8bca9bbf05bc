import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { markdownProcessor } from '../model/parse.ts';

/** A shortcode tag as written: `{{< name … >}}`, `{{% /name %}}`. */
const tag = /\{\{<[^\n]*?>\}\}|\{\{%[^\n]*?%\}\}/g;

/**
 * An escaped shortcode (`{{<` + `/*` … `*` + `/>}}`) is how istio.io's contributor pages show a
 * shortcode's syntax; the importer writes its literal form (`{{< github_file >}}`). In a code block
 * or inline code that is what a reader sees. In prose Hugo prints it as plain text: we write it as
 * inline code there, so it reads as syntax, and a built page never shows a bare shortcode as text
 * (an unconverted one would look the same). Found with the page model's own parser.
 */
export function literalShortcodesAsCode(markdown: string): string {
  if (!/\{\{[<%]/.test(markdown)) return markdown;
  const spans: { start: number; end: number }[] = [];
  visit(markdownProcessor.parse(markdown), 'text', (node: Text) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    for (const m of markdown.slice(start, end).matchAll(tag)) spans.push({ start: start + m.index, end: start + m.index + m[0].length });
  });
  let out = markdown;
  for (const { start, end } of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + inlineCode(out.slice(start, end)) + out.slice(end);
  return out;
}

function inlineCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
