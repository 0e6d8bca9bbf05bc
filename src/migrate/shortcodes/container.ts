import { escapeAttribute } from '../markdown-out.ts';
import type { ShortcodeToken } from '../shortcode-scan.ts';
import type { ShortcodeNode } from '../shortcode-tree.ts';
import type { Converter, PairedNode, ShortcodeHandler } from './types.ts';

/**
 * Callouts and tabs: `{{< tip >}}…{{< /tip >}}` → `:::tip … :::`, `{{< tabset category-name= >}}` →
 * `::::tabset{category=…}`, `{{< tab name= category-value= >}}` → `:::tab{name=… value=…}`.
 * Outer containers get more colons than what they hold; content is re-indented like Hugo's `strip_indent`.
 */
export const containerNames: ReadonlySet<string> = new Set(['tip', 'warning', 'idea', 'quote', 'tabset', 'tab']);

function container(node: PairedNode, c: Converter): string {
  const token = node.open;
  const indent = c.blockIndent(token.offset);
  const colons = ':'.repeat(3 + containerDepth(node));
  const attrs = containerAttributes(token);
  c.insideContainer++;
  const inner = c.renderNodes(node.children);
  c.insideContainer--;
  const lines = inner.split('\n');
  if (lines.length < 2) {
    c.report(token.offset, 'shortcode-one-line', `{{< ${token.name} >}} must span several lines (Hugo refuses it too)`, 'warning');
  }
  const ind = indent ?? '';
  const first = lines.length >= 2 ? lines[0]!.trim() : inner.trim();
  const last = lines.length >= 2 ? lines[lines.length - 1]!.trim() : '';
  const middle = lines.length >= 2 ? lines.slice(1, -1) : [];
  const prefix = stripPrefix(middle);
  const body = [...(first ? [ind + first] : []), ...middle.map((l) => reindent(l, prefix, ind)), ...(last ? [ind + last] : [])];
  const head = `${indent === undefined ? `\n` : ''}${colons}${token.name}${attrs}`;
  return [head, ...body, `${ind}${colons}`].join('\n');
}

export const containerHandler: ShortcodeHandler = { paired: container };

/** Depth of nested callouts/tabs below a container: its fence needs that many more colons. */
export function containerDepth(node: ShortcodeNode): number {
  let depth = 0;
  for (const child of node.children) {
    if (child.type === 'node' && child.close && containerNames.has(child.open.name)) {
      depth = Math.max(depth, 1 + containerDepth(child));
    } else if (child.type === 'node') {
      depth = Math.max(depth, containerDepth(child));
    }
  }
  return depth;
}

function containerAttributes(token: ShortcodeToken): string {
  const { named, positional } = token.params;
  const attrs: [string, string][] = [];
  if (token.name === 'tabset') {
    if (named['category-name']) attrs.push(['category', named['category-name']]);
    for (const [k, v] of Object.entries(named)) if (k !== 'category-name') attrs.push([k, v]);
  } else if (token.name === 'tab') {
    if (named.name) attrs.push(['name', named.name]);
    if (named['category-value']) attrs.push(['value', named['category-value']]);
    for (const [k, v] of Object.entries(named)) if (k !== 'name' && k !== 'category-value') attrs.push([k, v]);
  } else {
    for (const [k, v] of Object.entries(named)) attrs.push([k, v]);
    if (token.name === 'quote' && positional[0] && !named.caption) attrs.push(['caption', positional[0]]);
  }
  return attrs.length ? `{${attrs.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')}}` : '';
}

/** istio.io's strip_indent: the first non-empty line fixes the prefix (16, 12, 8, 4 or 0 spaces). */
export function stripPrefix(lines: string[]): number {
  const first = lines.find((l) => l.trim() !== '');
  if (!first) return 0;
  for (const n of [16, 12, 8, 4]) if (first.startsWith(' '.repeat(n))) return n;
  return 0;
}

export function reindent(line: string, prefix: number, indent: string): string {
  const rest = line.replace(new RegExp(`^ {0,${prefix}}`), '');
  return rest === '' ? '' : indent + rest;
}
