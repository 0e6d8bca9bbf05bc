import type { PageSnips, SnipDefinition, TreeSnips } from './types.ts';

/**
 * Every name a test can use after sourcing a page's `snips.sh`: the page's own definitions and,
 * through its `source` lines, those of the boilerplates it includes (transitively).
 */
export function namesAvailable(page: PageSnips, tree: Pick<TreeSnips, 'pages'>): Map<string, SnipDefinition> {
  const byName = new Map<string, PageSnips>();
  for (const p of tree.pages) if (p.kind === 'boilerplate') byName.set(p.target.replace(/^.*[\\/]/, '').replace(/\.sh$/, ''), p);
  const names = new Map<string, SnipDefinition>();
  const visited = new Set<PageSnips>();
  const visit = (p: PageSnips): void => {
    if (visited.has(p)) return;
    visited.add(p);
    for (const name of p.boilerplates) {
      const included = byName.get(name);
      if (included) visit(included);
    }
    for (const d of p.definitions) names.set(d.name, d);
  };
  visit(page);
  return names;
}
