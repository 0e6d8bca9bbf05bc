import { statSync } from 'node:fs';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { findGlossaryEntry } from '../../model/content-tree.ts';
import { loadPage } from '../../model/parse.ts';
import { setElement, type RenderContext, type RenderPlugin } from './context.ts';

/** `:gloss[Envoy]` → the term with its definition shown on hover and focus. Other text directives stay text. */
export const remarkGlossary: RenderPlugin = (ctx) => (tree) => {
  const index = ctx.index();
  visit(tree, 'textDirective', (node: TextDirective) => {
    if (node.name !== 'gloss') return;
    const entry = findGlossaryEntry(index, toString(node), node.attributes?.term ?? undefined);
    if (!entry) return; // reported by validatePage with file and line
    const definition = glossaryDefinition(ctx, entry.file);
    setElement(node, 'span', { className: ['mesh-gloss'], tabindex: '0', 'data-term': entry.slug });
    node.children = [
      ...(node.children as never[]),
      { type: 'text', value: definition, data: { hName: 'span', hProperties: { role: 'tooltip', className: ['mesh-gloss__def'] } } } as never,
    ];
  });
};

/** The entry's first paragraph as plain text; by file and modification time, as the dev server re-renders in one process. */
function glossaryDefinition(ctx: RenderContext, file: string): string {
  const key = `${file}\0${statSync(file).mtimeMs}`;
  let text = ctx.glossaryDefinitions.get(key);
  if (text === undefined) {
    const page = loadPage(file, 'glossary');
    const first = page.tree.children.find((c) => c.type === 'paragraph');
    text = first ? toString(first).replace(/\s+/g, ' ').trim() : '';
    ctx.glossaryDefinitions.set(key, text);
  }
  return text;
}
