import type { RawBlockToken, ShortcodeToken, TextToken, Token } from './shortcode-scan.ts';

/**
 * Shortcode tokens nested the way Hugo nests them: an opening tag is paired when a matching
 * closing tag follows at the same level; otherwise it stands alone (Hugo decides the same way,
 * from the presence of the closing tag).
 */
export type HugoNode = TextToken | RawBlockToken | ShortcodeNode;

export interface ShortcodeNode {
  type: 'node';
  open: ShortcodeToken;
  /** Set for a paired shortcode. */
  close?: ShortcodeToken;
  children: HugoNode[];
}

export interface ShortcodeTree {
  nodes: HugoNode[];
  /** Closing tags with no opening tag (Hugo fails the build on these). */
  strayClosings: ShortcodeToken[];
}

export function buildShortcodeTree(tokens: Token[]): ShortcodeTree {
  const root: HugoNode[] = [];
  const stack: ShortcodeNode[] = [];
  const strayClosings: ShortcodeToken[] = [];
  const current = (): HugoNode[] => (stack.length ? stack[stack.length - 1]!.children : root);

  /** An opening tag that never closed: it stands alone and its children move up to its parent. */
  const flatten = (node: ShortcodeNode): HugoNode[] => [{ type: 'node', open: node.open, children: [] }, ...node.children];

  for (const token of tokens) {
    if (token.type !== 'shortcode') {
      current().push(token);
      continue;
    }
    if (token.selfClosing) {
      current().push({ type: 'node', open: token, children: [] });
      continue;
    }
    if (!token.closing) {
      const node: ShortcodeNode = { type: 'node', open: token, children: [] };
      stack.push(node);
      continue;
    }
    const at = findLastIndex(stack, (n) => n.open.name === token.name);
    if (at < 0) {
      // Rendered as a standalone tag, so it stays visible and gets reported.
      strayClosings.push(token);
      current().push({ type: 'node', open: token, children: [] });
      continue;
    }
    // Unclosed tags above the match stand alone.
    while (stack.length - 1 > at) {
      const dangling = stack.pop()!;
      current().push(...flatten(dangling));
    }
    const node = stack.pop()!;
    node.close = token;
    current().push(node);
  }
  while (stack.length) {
    const dangling = stack.pop()!;
    current().push(...flatten(dangling));
  }
  return { nodes: root, strayClosings };
}

function findLastIndex<T>(list: T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
