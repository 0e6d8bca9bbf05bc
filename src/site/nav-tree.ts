/**
 * The navigation tree of the docs, built from page slugs and front matter. Pure: the Astro
 * components feed it the collection. Sections come from folders; order is `weight`, then title.
 */
export interface NavInput {
  /** `docs/tasks/traffic-management/request-routing` (no leading or trailing slash). */
  slug: string;
  title: string;
  linktitle?: string;
  weight?: number;
  draft?: boolean;
  status?: string;
}

export interface NavNode {
  slug: string;
  url: string;
  label: string;
  weight: number;
  status?: string;
  /** True when a page exists at this slug (an `_index.md`/`index.md`); folders without one still group. */
  hasPage: boolean;
  children: NavNode[];
}

/** Pages without a weight go after weighted ones, as in Hugo. */
const NO_WEIGHT = Number.MAX_SAFE_INTEGER;

export function buildNavTree(pages: NavInput[], rootSlug = 'docs'): NavNode {
  const nodes = new Map<string, NavNode>();
  const node = (slug: string): NavNode => {
    let n = nodes.get(slug);
    if (!n) {
      const last = slug.split('/').at(-1) ?? slug;
      n = { slug, url: `/${slug}/`, label: titleCase(last), weight: NO_WEIGHT, hasPage: false, children: [] };
      nodes.set(slug, n);
      if (slug !== rootSlug) {
        const parent = slug.slice(0, slug.lastIndexOf('/'));
        node(parent || rootSlug).children.push(n);
      }
    }
    return n;
  };
  const root = node(rootSlug);
  for (const page of pages) {
    if (page.draft) continue;
    if (page.slug !== rootSlug && !page.slug.startsWith(`${rootSlug}/`)) continue;
    const n = node(page.slug);
    n.label = page.linktitle ?? page.title;
    n.weight = page.weight ?? NO_WEIGHT;
    n.status = page.status;
    n.hasPage = true;
  }
  sortTree(root);
  linkFoldersToFirstPage(root);
  return root;
}

/** A folder without an `_index.md` has no page of its own: its link goes to its first page instead. */
function linkFoldersToFirstPage(n: NavNode): string | undefined {
  const firsts = n.children.map(linkFoldersToFirstPage);
  if (!n.hasPage) {
    const first = firsts.find((u) => u !== undefined);
    if (first) n.url = first;
    return first;
  }
  return n.url;
}

function sortTree(n: NavNode): void {
  n.children.sort((a, b) => a.weight - b.weight || a.label.localeCompare(b.label));
  n.children.forEach(sortTree);
}

function titleCase(segment: string): string {
  return segment.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** The chain of nodes from the root to the page (inclusive), or just the root when not found. */
export function pathTo(root: NavNode, slug: string): NavNode[] {
  const chain: NavNode[] = [root];
  let current = root;
  while (current.slug !== slug) {
    const next = current.children.find((c) => slug === c.slug || slug.startsWith(`${c.slug}/`));
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** Pages in reading order (depth first), for previous/next links. */
export function flatten(root: NavNode): NavNode[] {
  const out: NavNode[] = [];
  const walk = (n: NavNode) => {
    if (n.hasPage) out.push(n);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

/**
 * "See also": pages sharing keywords with this one, most shared first, then by title.
 * Pages with `skip_seealso` are not listed and do not list.
 */
export function seeAlso(
  slug: string,
  pages: { slug: string; title: string; keywords?: string[]; skip?: boolean }[],
  limit = 6,
): { slug: string; title: string }[] {
  const self = pages.find((p) => p.slug === slug);
  if (!self?.keywords?.length || self.skip) return [];
  const mine = new Set(self.keywords);
  return pages
    .filter((p) => p.slug !== slug && !p.skip)
    .map((p) => ({ p, shared: (p.keywords ?? []).filter((k) => mine.has(k)).length }))
    .filter((x) => x.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.p.title.localeCompare(b.p.title))
    .slice(0, limit)
    .map(({ p }) => ({ slug: p.slug, title: p.title }));
}

/** "5 minute read": words of the page source / 200, rounded up, at least 1 (as Hugo's ReadingTime). */
export function readingMinutes(body: string): number {
  const words = body.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 200));
}
