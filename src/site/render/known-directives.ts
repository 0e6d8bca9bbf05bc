import { visit } from 'unist-util-visit';
import { unknownDirectiveProblem } from '../../model/directives.ts';
import { DirectiveError, type RenderPlugin } from './context.ts';

/**
 * Refuses a container or leaf directive the authoring format does not have (`:::sidebarnote`), before
 * any concern renders one: Starlight would print it back as text. The build's page check (MESH005)
 * refuses such a page first; this guard is for the dev server, which renders a page whatever it holds. Unknown text directives stay text
 * (`key:value` in prose parses as one).
 */
export const remarkKnownDirectives: RenderPlugin = (ctx) => (tree, file) => {
  const where = ctx.placeOf(file);
  visit(tree, (node) => {
    const problem = node.type === 'containerDirective' || node.type === 'leafDirective' ? unknownDirectiveProblem(node.type, node.name) : undefined;
    if (problem) throw new DirectiveError(`${where(node)}: ${problem}`);
  });
};
