import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import { escapeHtml } from '../html-escape.ts';
import type { RenderPlugin } from './context.ts';

/**
 * ```` ```mermaid ```` fences (istio.io's `mermaid` shortcode, imported) become diagrams: a
 * `<pre class="mermaid">` holding the escaped source, which `src/site/client/mermaid.ts` draws in
 * the browser with the mermaid library, loaded only on pages that have one. Drawing at build time
 * would need a headless browser per build; the source stays readable without JavaScript. Before code
 * (which would render the fence as a code block), after boilerplates (a diagram in one is drawn too).
 */
export const remarkMermaid: RenderPlugin = () => (tree) => {
  visit(tree, 'code', (node, i, parent) => {
    if (node.lang !== 'mermaid' || !parent || i === undefined) return;
    const html: Html = { type: 'html', value: `<pre class="mermaid mesh-mermaid">${escapeHtml(node.value)}</pre>` };
    parent.children[i] = html;
  });
};
