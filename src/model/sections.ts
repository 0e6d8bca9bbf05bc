/**
 * Snip sections come from `##`-and-deeper ATX headings, read from the raw source line exactly as
 * istio.io's generator reads it: `^##+ ([^{]*)({.*})?$`. A heading whose `{` is not a trailing
 * `{#id}` does not match and so does not start a section.
 */
const sectionHeading = /^##+ ([^{]*)(\{.*\})?$/;

/** The section slug of a raw heading line, or undefined when the line is not a section heading. */
export function sectionOfHeadingLine(rawLine: string): string | undefined {
  const m = sectionHeading.exec(rawLine);
  if (!m) return undefined;
  return slugSection(m[1]!);
}

/** trim, spaces to `_`, drop everything outside `[0-9A-Za-z_]`, lowercase. */
export function slugSection(text: string): string {
  return text
    .trim()
    .replaceAll(' ', '_')
    .replace(/[^0-9A-Za-z_]/g, '')
    .toLowerCase();
}

/** `## Title {#anchor}` → `{ text: 'Title', id: 'anchor' }`. */
export function splitHeadingId(text: string): { text: string; id?: string } {
  const m = /^(.*?)\s*\{#([^}\s]+)\}\s*$/.exec(text);
  return m ? { text: m[1]!, id: m[2]! } : { text };
}
