import { visit } from 'unist-util-visit';
import { containerDirectives, leafDirectives } from '../../model/directives.ts';
import { DirectiveError, type RenderPlugin } from './context.ts';

/**
 * Refuses a container or leaf directive the authoring format does not have (`:::sidebarnote`), before
 * any concern renders one: Starlight would print it back as text. Unknown text directives stay text
 * (`key:value` in prose parses as one).
 */
export const remarkKnownDirectives: RenderPlugin = (ctx) => (tree, file) => {
  const where = ctx.placeOf(file);
  visit(tree, (node) => {
    if (node.type === 'containerDirective' && !(node.name in containerDirectives)) {
      throw new DirectiveError(`${where(node)}: unknown directive ":::${node.name}" (known: ${Object.keys(containerDirectives).join(', ')})`);
    }
    if (node.type === 'leafDirective' && !(node.name in leafDirectives)) {
      throw new DirectiveError(`${where(node)}: unknown directive "::${node.name}" (known: ${Object.keys(leafDirectives).join(', ')})`);
    }
  });
};
