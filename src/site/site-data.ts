import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { projectRoot, resolveContentPaths } from '../config/paths.ts';
import { readSiteFile, type SiteFile } from '../config/site-file.ts';
import { siteConfig } from '../config/site.ts';
import { sectionOf } from './layouts.ts';
import type { ListedPage } from './lists.ts';
import { buildNavTree, flatten, type NavNode } from './nav-tree.ts';

type Entry = CollectionEntry<'docs'>;
type Resource = CollectionEntry<'entries'>;

interface SiteData {
  entries: Entry[];
  /** Bundle resources (FAQ questions…), shown on their bundle's page. */
  resources: Resource[];
  /** The docs' navigation tree (the sidebar of the docs). */
  nav: NavNode;
  /** The navigation tree of a section (`docs`, `blog`, `about`…): the sidebar of its pages. */
  navOf: (section: string) => NavNode;
  bySlug: Map<string, Entry>;
  /** Every page as the list pages read it. */
  listed: ListedPage[];
  /** Every page as "See also" reads it. */
  related: { slug: string; title: string; keywords?: string[]; skip?: boolean }[];
}

let cached: Promise<SiteData> | undefined;

/** The whole collection, read once per build and shared by every page's components. */
export function getSiteData(): Promise<SiteData> {
  cached ??= (async () => {
    const entries = await getCollection('docs', (e) => import.meta.env.DEV || !e.data.draft);
    const resources = await getCollection('entries', (e) => import.meta.env.DEV || !e.data.draft);
    const navInput = entries.map((e) => ({
      slug: e.id,
      title: e.data.title,
      linktitle: e.data.linktitle,
      weight: e.data.weight,
      draft: e.data.draft,
      status: e.data.status,
    }));
    const trees = new Map<string, NavNode>();
    const navOf = (section: string): NavNode => {
      const key = section || 'docs';
      let tree = trees.get(key);
      if (!tree) trees.set(key, (tree = buildNavTree(navInput, key)));
      // A section with no pages of its own (a page of src/pages such as /ecosystem/) shows the docs' tree.
      return tree.hasPage || tree.children.length > 0 || key === 'docs' ? tree : navOf('docs');
    };
    const listed = entries.map(listedOf);
    const related = entries.map((e) => ({ slug: e.id, title: e.data.title, keywords: e.data.keywords, skip: e.data.skip_seealso }));
    return { entries, resources, nav: navOf('docs'), navOf, bySlug: new Map(entries.map((e) => [e.id, e])), listed, related };
  })();
  return cached;
}

let siteNav: SiteFile['nav'] | undefined;

/**
 * The header's navigation (data/site.yml): parsed once per build, not for every page. The dev
 * server reads it on every page, so an edit shows on reload (no content sync follows a change to it).
 */
export function headerNav(): SiteFile['nav'] {
  if (import.meta.env.DEV) return readSiteFile(resolveContentPaths().data).value.nav;
  return (siteNav ??= readSiteFile(resolveContentPaths().data).value.nav);
}

const readingOrders = new WeakMap<NavNode, NavNode[]>();

/** A tree's pages in reading order, computed once per tree (every page of a section asks for it). */
export function readingOrderOf(tree: NavNode): NavNode[] {
  let order = readingOrders.get(tree);
  if (!order) readingOrders.set(tree, (order = flatten(tree)));
  return order;
}

/** The section tree a page's sidebar, breadcrumbs and previous/next come from. */
export async function navOfPage(id: string): Promise<NavNode> {
  return (await getSiteData()).navOf(sectionOf(id));
}

export function listedOf(e: Entry): ListedPage {
  const d = e.data;
  return {
    id: e.id,
    title: d.title,
    linktitle: d.linktitle,
    description: d.description,
    weight: d.weight,
    publishdate: d.publishdate,
    attribution: d.attribution,
    subtitle: d.subtitle,
    release: d.release,
    cves: d.cves,
    cvss: d.cvss,
    releases: d.releases,
    layout: d.layout,
    draft: d.draft,
  };
}

/**
 * The page's test in the repository: its `test.sh` when there is exactly one `*test.sh`,
 * otherwise the page's folder. Undefined when the page is not `test: yes`.
 */
export function pageTestUrl(entry: Entry): string | undefined {
  if (entry.data.test !== 'yes' || !entry.filePath) return undefined;
  const dir = dirname(join(projectRoot, entry.filePath));
  const tests = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('test.sh')).sort() : [];
  const repoDir = relative(projectRoot, dir).split('\\').join('/');
  const { url, branch } = siteConfig.repository;
  if (tests.length === 1) return `${url}/blob/${branch}/${repoDir}/${tests[0]}`;
  return `${url}/tree/${branch}/${repoDir}`;
}
