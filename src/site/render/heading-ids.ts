import type { Heading } from 'mdast';
// Its types declare `data.hProperties` on mdast nodes (what remark-rehype reads for heading ids).
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { splitHeadingId } from '../../model/sections.ts';
import type { RenderPlugin } from './context.ts';

/** `## Before you begin {#before}` → id `before`, text without the suffix. */
export const remarkHeadingIds: RenderPlugin = () => (tree) => {
  visit(tree, 'heading', applyHeadingId);
};

function applyHeadingId(heading: Heading): void {
  const last = heading.children.at(-1);
  if (!last || last.type !== 'text') return;
  const { text, id } = splitHeadingId(last.value);
  if (!id) return;
  last.value = text;
  heading.data = { ...heading.data, hProperties: { ...(heading.data?.hProperties ?? {}), id } };
}
