/**
 * Hugo content pages written in HTML (`index.html` with front matter: istio.io's API reference,
 * generated from the protos, and its landing page) become `index.md` pages whose body is the same
 * HTML. CommonMark passes HTML through only as HTML blocks, and an HTML block ends at a blank line,
 * after which an indented line would be an indented code block and text would be Markdown. So the
 * body is written as one HTML block: outside `<pre>`, lines lose their leading whitespace (HTML
 * collapses it anyway) and blank lines are dropped; inside `<pre>`, where both are content, an empty
 * line holds an empty comment (`<!---->`), which renders as nothing.
 */
export function htmlAsMarkdownBody(html: string): string {
  const out: string[] = [];
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
    out.push(trimmed);
  }
  return out.join('\n') + (html.endsWith('\n') ? '\n' : '');
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
