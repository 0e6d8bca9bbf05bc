import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Page } from '../model/parse.ts';

/**
 * The page text with everything that is not prose blanked out (spaces, newlines kept so offsets,
 * lines and columns stay those of the file): code blocks, inline code, HTML, link and image URLs,
 * front matter keys and paths, directive names and attribute syntax. Uses the page's mdast, so a
 * fence inside a list or a tab is handled like the site renders it.
 */
export function maskNonProse(page: Page): string {
  const chars = page.source.split('');
  const blank = (start: number, end: number): void => {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  visit(page.tree, (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'html':
        // `<!-- cspell:ignore word -->` stays: it is an instruction to the spelling check.
        if (!/cspell[:-]/i.test(node.value)) blank(start, end);
        return 'skip';
      case 'code':
      case 'inlineCode':
      case 'definition':
        blank(start, end);
        return 'skip';
      case 'yaml':
        maskYaml(page.source, start, end, blank);
        return 'skip';
      case 'link':
      case 'image':
      case 'linkReference':
      case 'imageReference': {
        const text = page.source.slice(start, end);
        if (node.type === 'link' && (text === node.url || text === `<${node.url}>`)) {
          blank(start, end); // an autolink: all URL
          return 'skip';
        }
        // `[text](url "title")` / `[text][ref]`: the URL part follows the link text.
        const last = 'children' in node ? node.children.at(-1)?.position?.end.offset : undefined;
        const close = page.source.indexOf(']', last ?? start + 1);
        if (close >= 0 && close < end) blank(close + 1, end);
        return;
      }
      case 'containerDirective':
      case 'leafDirective':
      case 'textDirective':
        maskDirectiveSyntax(page.source, start, blank);
        return;
      default:
        return;
    }
  });
  return chars.join('');
}

/** Keys, and values that are paths or URLs (`aliases`, `owner`), are not prose. */
function maskYaml(source: string, start: number, end: number, blank: (s: number, e: number) => void): void {
  let offset = start;
  for (const line of source.slice(start, end).split('\n')) {
    const key = /^(\s*-?\s*)([\w-]+:)(?=\s|$)/.exec(line);
    if (key) blank(offset + key[1]!.length, offset + key[1]!.length + key[2]!.length);
    for (const m of line.matchAll(/[\w.-]*\/[\w./#-]*/g)) blank(offset + m.index, offset + m.index + m[0].length);
    offset += line.length + 1;
  }
}

/** Attribute values a reader sees (labels, captions); all others are ids or paths. */
const visibleAttributes: Record<string, string[]> = { tab: ['name'], quote: ['caption'], image: ['caption', 'alt', 'title'] };

/**
 * `:::tab{name="Mesh APIs" value="mesh-apis"}`: the name and the attribute keys and ids are syntax;
 * visible values (`name`, `caption`, `alt`, `title`) are prose and stay.
 */
function maskDirectiveSyntax(source: string, start: number, blank: (s: number, e: number) => void): void {
  const lineEnd = source.indexOf('\n', start);
  const head = source.slice(start, lineEnd < 0 ? source.length : lineEnd);
  const name = /^:+[\w-]+/.exec(head);
  if (!name) return;
  blank(start, start + name[0].length);
  const braceAt = head.indexOf('{', name[0].length);
  if (braceAt < 0) return;
  const braceEnd = head.indexOf('}', braceAt);
  const attrs = head.slice(braceAt, braceEnd < 0 ? head.length : braceEnd + 1);
  for (const m of attrs.matchAll(/([\w-]+)=("[^"]*"|'[^']*'|\S+?)(?=\s|}|$)/g)) {
    const at = start + braceAt + m.index;
    const visible = (visibleAttributes[name[0].replace(/^:+/, '')] ?? []).includes(m[1]!);
    blank(at, at + m[1]!.length + 1 + (visible ? 1 : m[2]!.length));
  }
}
