/** Helpers for writing Markdown text that our page model reads back as meant. */

/** Directive attribute values are double-quoted; `"` and `&` become character references. */
export function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/** Text from data or front matter, shown literally in Markdown (no emphasis, link or HTML). */
export function markdownText(value: string): string {
  return value
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/~~/g, '\\~\\~')
    // `AV:N` would read as a text directive (`:N`).
    .replace(/:(?=[A-Za-z])/g, '\\:');
}

/** A table cell of Markdown written by the site (`features` names are Markdown): only `|` and line breaks matter. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** A GFM table. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `[text](url)` with the text escaped; a URL with spaces or parentheses goes in `<…>`. */
export function markdownLink(text: string, url: string): string {
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `[${markdownText(text)}](${target})`;
}

/** Text or attribute value in generated HTML. */
export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** `latest_news` → `Latest news`: the English text of an istio.io i18n key the site does not carry. */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
