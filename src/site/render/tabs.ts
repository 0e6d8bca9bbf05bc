import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { escapeAttr, escapeHtml } from '../html-escape.ts';
import { setElement, type RenderPlugin } from './context.ts';

/**
 * `::::tabset{category}` with `:::tab{name value}` children → buttons + panels, driven by
 * src/site/client/tabs.ts. A tab outside a tabset is reported by validatePage before the build; its
 * content renders plainly.
 */
export const remarkTabs: RenderPlugin = () => (tree) => {
  // Tab ids only need to be unique within a page; counting per page keeps the output deterministic.
  let tabsets = 0;
  visit(tree, 'containerDirective', (node: ContainerDirective) => {
    if (node.name === 'tabset') renderTabset(node, `mesh-tabs-${++tabsets}`);
  });
};

function renderTabset(node: ContainerDirective, id: string): void {
  const category = node.attributes?.category ?? '';
  const tabs = node.children.filter((c): c is ContainerDirective => c.type === 'containerDirective' && c.name === 'tab');
  // A tabset without tabs is MESH005's finding (the build stops on it); the dev server shows its content plainly.
  if (tabs.length === 0) return;
  const buttons = tabs
    .map((tab, i) => {
      const name = tab.attributes?.name ?? `Tab ${i + 1}`;
      const value = tab.attributes?.value ?? slugValue(name);
      return `<button type="button" role="tab" id="${id}-tab-${i}" aria-controls="${id}-panel-${i}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}" data-value="${escapeAttr(value)}">${escapeHtml(name)}</button>`;
    })
    .join('');
  setElement(node, 'mesh-tabs', { 'data-category': category, className: ['mesh-tabs'] });
  const children: RootContent[] = [{ type: 'html', value: `<div role="tablist" class="mesh-tabs__list">${buttons}</div>` }];
  tabs.forEach((tab, i) => {
    const value = tab.attributes?.value ?? slugValue(tab.attributes?.name ?? `Tab ${i + 1}`);
    setElement(tab, 'div', {
      role: 'tabpanel',
      id: `${id}-panel-${i}`,
      'aria-labelledby': `${id}-tab-${i}`,
      'data-value': value,
      className: ['mesh-tabs__panel'],
      ...(i === 0 ? {} : { hidden: true }),
    });
    children.push(tab as never);
  });
  node.children = children as never;
}

function slugValue(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
