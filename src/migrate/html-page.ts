import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { markdownText } from './markdown-out.ts';

/**
 * Hugo content pages written in HTML (`index.html` with front matter: istio.io's API reference,
 * generated from the protos, and its landing page) become `index.md` pages whose body is the same
 * HTML. CommonMark passes HTML through only as HTML blocks, and an HTML block ends at a blank line,
 * after which an indented line would be an indented code block and text would be Markdown. So the
 * body is written as one HTML block: outside `<pre>`, lines lose their leading whitespace (HTML
 * collapses it anyway) and blank lines are dropped; inside `<pre>`, where both are content, an empty
 * line holds an empty comment (`<!---->`), which renders as nothing. The section headings become
 * Markdown headings (`## VirtualService {#VirtualService}`), so the page's table of contents lists them.
 */
export function htmlAsMarkdownBody(html: string): string {
  const out: string[] = [];
  /** Indexes in `out` of the section headings the generator wrote at the top level (column 0, outside `<pre>`). */
  const headings: number[] = [];
  let inPre = false;
  for (const line of html.split('\n')) {
    const startsInPre = inPre;
    inPre = preStateAfter(line, inPre);
    if (startsInPre) {
      out.push(line.trim() === '' ? '<!---->' : line);
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.trim() === '') continue;
    if (trimmed === line && !inPre && headingOf(line)) headings.push(out.length);
    out.push(trimmed);
  }
  for (const at of headings) {
    // The HTML after the heading must open an HTML block again after the blank line; text there would be Markdown.
    if (at + 1 < out.length && !opensHtmlBlock(out[at + 1]!)) continue;
    const { depth, id, text } = headingOf(out[at]!)!;
    out[at] = `\n${'#'.repeat(depth)} ${markdownText(text)} {#${id}}\n`;
  }
  return out.join('\n') + (html.endsWith('\n') ? '\n' : '');
}

/**
 * `<h2 id="VirtualService">VirtualService</h2>`, a line of its own: a heading of the API reference
 * (the TOC lists Markdown headings only; HTML passes through the renderer as text). Headings holding
 * markup or character references, or without an id, stay HTML.
 */
function headingOf(line: string): { depth: number; id: string; text: string } | undefined {
  const m = /^<h([2-6]) id="([^"\s{}]+)">([^<>&]+)<\/h\1>\s*$/.exec(line);
  return m && m[3]!.trim() !== '' ? { depth: Number(m[1]), id: m[2]!, text: m[3]!.trim() } : undefined;
}

/** Whether a line starts an HTML block that a blank line may precede (CommonMark's kinds 1 to 6; the tag names are micromark's). */
function opensHtmlBlock(line: string): boolean {
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(line)?.[1]?.toLowerCase();
  if (tag !== undefined) return htmlBlockNames.includes(tag) || (htmlRawNames.includes(tag) && !line.startsWith('</'));
  return /^<(!--|\?|![A-Za-z]|!\[CDATA\[)/.test(line);
}

/** Whether a `<pre>` is still open after this line. */
function preStateAfter(line: string, inPre: boolean): boolean {
  let open = inPre;
  for (const m of line.matchAll(/<(\/?)pre\b/gi)) open = m[1] !== '/';
  return open;
}

/** `docs/x/index.html` → `docs/x/index.md`. */
export function markdownPathOf(htmlPath: string): string {
  return htmlPath.replace(/\.html?$/, '.md');
}
