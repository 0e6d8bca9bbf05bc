import type { Tool } from './types.ts';

/**
 * Checks that are not about one page alone, run where their facts are: the snips generator (names
 * across blocks, the boilerplate graph, paths that reach shell code), the walk of the tree, the
 * site's check of the whole tree. Listed here with the page rules so the registry names every
 * finding once; lint passes on the generator's (the page rules' it reports itself, as MESH0xx).
 */
export interface TreeCheck {
  id: string;
  description: string;
  /** Who runs it. */
  by: 'generator' | 'walk' | 'site';
  tools: readonly Tool[];
}

export const treeChecks: readonly TreeCheck[] = [
  { id: 'snip-duplicate-name', description: 'Two code blocks of a page get the same snip name', by: 'generator', tools: ['snips', 'lint'] },
  { id: 'snip-invalid-id', description: 'A snip_id is letters, digits and "_" only', by: 'generator', tools: ['snips', 'lint'] },
  { id: 'snip-boilerplate-cycle', description: 'Boilerplates that include each other', by: 'generator', tools: ['snips', 'lint'] },
  { id: 'snip-unsafe-name', description: 'A boilerplate name or page path that would be written into shell code', by: 'generator', tools: ['snips', 'lint'] },
  // Lint reports the unreadable front matter itself (MESH001).
  { id: 'snip-frontmatter', description: 'A page whose front matter cannot be read: is it tested?', by: 'generator', tools: ['snips'] },
  { id: 'content-tree', description: 'What the walk of the content tree refuses (links out of the tree, loops, `foo.md/` directories)', by: 'walk', tools: ['build', 'snips', 'lint'] },
  { id: 'page-path', description: 'A page path that needs escaping in a URL, or two files that are one page', by: 'site', tools: ['build'] },
];

/** The generator's findings lint passes on (the scripts check). */
export function generatorFindingsForLint(): Set<string> {
  return new Set(treeChecks.filter((c) => c.by === 'generator' && c.tools.includes('lint')).map((c) => c.id));
}
