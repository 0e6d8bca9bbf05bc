import type { Parent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import type { ContentPaths } from '../../config/paths.ts';
import { kindOf, type ContentIndex } from '../../model/content-tree.ts';
import { loadPage } from '../../model/parse.ts';
import { validatePage } from '../../model/validate.ts';
import { DirectiveError, type Place, type RenderPlugin } from './context.ts';

/**
 * `::boilerplate{name="x"}` → the parsed content of `boilerplates/x.md`, recursively. First in the
 * pipeline: every other concern sees the included content as part of the page.
 */
export const remarkBoilerplates: RenderPlugin = (ctx) => (tree, file) => {
  expand(tree, ctx.index(), ctx.placeOf(file), file.path, new Set(), ctx.paths);
};

function expand(tree: Parent, index: ContentIndex, where: Place, source: string | undefined, stack: Set<string>, paths: ContentPaths): void {
  visit(tree, 'leafDirective', (node: LeafDirective, i, parent) => {
    if (node.name !== 'boilerplate' || !parent || i === undefined) return;
    const name = node.attributes?.name ?? '';
    const file = index.boilerplates.get(name);
    if (!file) throw new DirectiveError(`${where(node)}: ${unknownBoilerplate(source, name, index, paths)}`);
    if (stack.has(name)) throw new DirectiveError(`${where(node)}: boilerplate "${name}" includes itself`);
    const page = loadPage(file, 'boilerplate');
    const children = page.tree.children.filter((c) => c.type !== 'yaml');
    const fragment: Root = { type: 'root', children };
    expand(fragment, index, where, file, new Set([...stack, name]), paths);
    // Positions of included nodes point into the boilerplate; errors inside it name the page's include line.
    visit(fragment, (n) => {
      if (n.position) n.position = node.position;
    });
    parent.children.splice(i, 1, ...(fragment.children as RootContent[]));
    return [SKIP, i + fragment.children.length];
  });
}

/**
 * The page model's own finding for a boilerplate that does not exist. The site check refuses such a
 * page before Astro renders; the dev server renders it anyway (it keeps running), and lands here.
 */
function unknownBoilerplate(source: string | undefined, name: string, index: ContentIndex, paths: ContentPaths): string {
  const fallback = `no boilerplate "${name}"`;
  if (!source) return fallback;
  const found = validatePage(loadPage(source, kindOf(paths, source)), index).find((d) => d.ruleId === 'unknown-boilerplate' && (!name || d.message.includes(`"${name}"`)));
  return found?.message ?? fallback;
}
