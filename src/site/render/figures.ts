import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { unsafeLinkProblem } from '../../model/url-safety.ts';
import { escapeAttr, escapeHtml } from '../html-escape.ts';
import { setElement, type RenderPlugin } from './context.ts';

/**
 * Figures: `::image{src caption alt width link}` → a captioned image, and `:::quote{caption}` → a
 * quotation with its source.
 */
export const remarkFigures: RenderPlugin = () => (tree) => {
  visit(tree, (node) => {
    if (node.type === 'leafDirective' && node.name === 'image') renderImage(node);
    else if (node.type === 'containerDirective' && node.name === 'quote') renderQuote(node);
  });
};

function renderImage(node: LeafDirective): void {
  const a = node.attributes ?? {};
  const img = `<img src="${escapeAttr(a.src ?? '')}" alt="${escapeAttr(a.alt ?? a.caption ?? '')}"${a.width ? ` style="width:${escapeAttr(a.width)}"` : ''} loading="lazy" decoding="async">`;
  const caption = a.caption ? `<figcaption>${escapeHtml(a.caption)}</figcaption>` : '';
  // An unsafe link is refused by validatePage (the build fails); never rendered live, whatever the caller.
  const link = a.link && !unsafeLinkProblem(a.link) ? a.link : undefined;
  const html = `<figure class="mesh-figure">${link ? `<a href="${escapeAttr(link)}">${img}</a>` : img}${caption}</figure>`;
  setElement(node, 'div', { className: ['mesh-figure-wrap'] });
  node.children = [{ type: 'html', value: html } as never];
}

function renderQuote(node: ContainerDirective): void {
  const caption = node.attributes?.caption;
  setElement(node, 'figure', { className: ['mesh-quote'] });
  const quote = { type: 'blockquote', children: node.children } as never;
  node.children = caption
    ? ([quote, { type: 'paragraph', data: { hName: 'figcaption' }, children: [{ type: 'text', value: `— ${caption}` }] }] as never)
    : ([quote] as never);
}
