import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { RenderPlugin } from './context.ts';

/** Our callouts as Starlight asides (which then render them, icons included): name and default title. */
const callouts: Readonly<Record<string, { variant: string; title: string }>> = {
  tip: { variant: 'tip', title: 'Tip' },
  warning: { variant: 'caution', title: 'Warning' },
  idea: { variant: 'note', title: 'Idea' },
};

/**
 * `:::warning` → Starlight's `:::caution` titled "Warning". Starlight's asides plugin runs after ours
 * and renders them; `note`, `caution` and `danger` are Starlight's own names and pass through.
 */
export const remarkCallouts: RenderPlugin = () => (tree) => {
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    const callout = callouts[node.name];
    if (!callout) return;
    // Starlight takes the title from a directive label.
    const hasLabel = (node.children[0]?.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
    if (!hasLabel && callout.title.toLowerCase() !== callout.variant) {
      node.children.unshift({ type: 'paragraph', data: { directiveLabel: true } as never, children: [{ type: 'text', value: callout.title }] });
    }
    node.name = callout.variant;
  });
};
