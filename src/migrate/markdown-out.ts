/** Helpers for writing Markdown text that our page model reads back as meant. */

/** Directive attribute values are double-quoted; `"` and `&` become character references. */
export function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}
