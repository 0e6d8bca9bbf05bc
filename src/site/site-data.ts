import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { projectRoot } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { buildNavTree, type NavNode } from './nav-tree.ts';

type Entry = CollectionEntry<'docs'>;

interface SiteData {
  entries: Entry[];
  nav: NavNode;
  bySlug: Map<string, Entry>;
}

let cached: Promise<SiteData> | undefined;

/** The whole collection, read once per build and shared by every page's components. */
export function getSiteData(): Promise<SiteData> {
  cached ??= (async () => {
    const entries = await getCollection('docs', (e) => import.meta.env.DEV || !e.data.draft);
    const nav = buildNavTree(
      entries.map((e) => ({
        slug: e.id,
        title: e.data.title,
        linktitle: e.data.linktitle,
        weight: e.data.weight,
        draft: e.data.draft,
        status: e.data.status,
      })),
    );
    return { entries, nav, bySlug: new Map(entries.map((e) => [e.id, e])) };
  })();
  return cached;
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
