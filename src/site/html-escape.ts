/** Text placed in HTML: `&`, `<` and `>` escaped. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Text placed in a double-quoted attribute. */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replaceAll('"', '&quot;').replaceAll('\n', '&#10;');
}
