import { layoutOf, type LayoutName } from './layouts.ts';

/**
 * The sections' list pages, computed from the pages' front matter (never from hand-kept lists):
 * the blog, news (announcements by release, bulletins), the FAQ. Pure: the layout components and
 * the blog's extra routes (pagination, feed) feed it the collection.
 */
export interface ListedPage {
  /** The page's slug: `blog/2024/ambient-beta`. */
  id: string;
  title: string;
  linktitle?: string;
  description?: string;
  weight?: number;
  /** `YYYY-MM-DD`. */
  publishdate?: string;
  attribution?: string;
  subtitle?: string;
  release?: string;
  cves?: string[];
  cvss?: string;
  releases?: string[];
  layout?: string;
  draft?: boolean;
}

export const postsPerPage = 10;

export const url = (id: string): string => (id === 'index' ? '/' : `/${id}/`);

function layout(p: ListedPage): LayoutName {
  return layoutOf(p.id, p.layout);
}

/** Newest first; undated last; same day by title. */
export function byPublishdate(a: ListedPage, b: ListedPage): number {
  if (a.publishdate !== b.publishdate) {
    if (!a.publishdate) return 1;
    if (!b.publishdate) return -1;
    return a.publishdate < b.publishdate ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}

/** By weight (unweighted last), then title: the order of the docs' navigation. */
export function byWeight(a: ListedPage, b: ListedPage): number {
  return (a.weight ?? Number.MAX_SAFE_INTEGER) - (b.weight ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title);
}

/** The blog's posts, newest first. */
export function blogPosts(pages: readonly ListedPage[]): ListedPage[] {
  return pages.filter((p) => !p.draft && p.id.startsWith('blog/') && layout(p) === 'blog-post').sort(byPublishdate);
}

export interface PostsPage {
  /** 1-based. */
  number: number;
  count: number;
  posts: ListedPage[];
  /** `/blog/` for page 1, `/blog/page/2/`… */
  url: string;
  prev?: string;
  next?: string;
}

export function blogPageUrl(n: number): string {
  return n <= 1 ? '/blog/' : `/blog/page/${n}/`;
}

/** Page `n` of the blog's list (`postsPerPage` a page); an empty blog has one empty page. */
export function postsPage(posts: readonly ListedPage[], n: number, size = postsPerPage): PostsPage {
  const count = Math.max(1, Math.ceil(posts.length / size));
  return {
    number: n,
    count,
    posts: posts.slice((n - 1) * size, n * size),
    url: blogPageUrl(n),
    prev: n > 1 ? blogPageUrl(n - 1) : undefined,
    next: n < count ? blogPageUrl(n + 1) : undefined,
  };
}

/** The pages directly below `parentId` (one more segment). */
export function childrenOf(pages: readonly ListedPage[], parentId: string): ListedPage[] {
  const depth = parentId.split('/').length + 1;
  return pages.filter((p) => !p.draft && p.id.startsWith(`${parentId}/`) && p.id.split('/').length === depth);
}

export interface ReleaseGroup {
  /** The folder's page: `news/releases/1.25.x`. */
  id: string;
  title: string;
  /** `1.25.x`. */
  name: string;
  announcements: ListedPage[];
}

/** Release announcements grouped by their folder (`news/releases/<x.y>.x/`), newest release first, each newest first. */
export function releaseGroups(pages: readonly ListedPage[]): ReleaseGroup[] {
  const folders = new Map<string, ReleaseGroup>();
  for (const p of pages) {
    const m = /^news\/releases\/([^/]+)$/.exec(p.id);
    if (m && !p.draft) folders.set(p.id, { id: p.id, title: p.title, name: m[1]!, announcements: [] });
  }
  for (const p of pages) {
    const m = /^(news\/releases\/[^/]+)\/[^/]+$/.exec(p.id);
    if (!m || p.draft) continue;
    let group = folders.get(m[1]!);
    if (!group) {
      const name = m[1]!.split('/').at(-1)!;
      group = { id: m[1]!, title: name, name, announcements: [] };
      folders.set(m[1]!, group);
    }
    group.announcements.push(p);
  }
  const groups = [...folders.values()].filter((g) => g.announcements.length > 0);
  for (const g of groups) g.announcements.sort(byPublishdate);
  return groups.sort((a, b) => compareReleaseNames(b.name, a.name));
}

/** `1.10.x` after `1.9.x`, `0.x` first: compared number by number (`x` read as 0); folders that are no version, by name, first. */
export function compareReleaseNames(a: string, b: string): number {
  const va = versionOf(a);
  const vb = versionOf(b);
  if (va && vb) {
    for (let i = 0; i < Math.max(va.length, vb.length); i++) {
      const d = (va[i] ?? 0) - (vb[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.localeCompare(b);
  }
  if (va) return 1;
  if (vb) return -1;
  return a.localeCompare(b);
}

function versionOf(name: string): number[] | undefined {
  if (!/^\d+(\.(\d+|x))*$/.test(name)) return undefined;
  return name.split('.').map((part) => (part === 'x' ? 0 : Number(part)));
}

/** The security bulletins (`news/security/<id>/`), newest first. */
export function bulletins(pages: readonly ListedPage[]): ListedPage[] {
  return pages.filter((p) => !p.draft && /^news\/security\/[^/]+$/.test(p.id)).sort(byPublishdate);
}

/** The FAQ's categories (`about/faq/<category>`), by weight. */
export function faqCategories(pages: readonly ListedPage[]): ListedPage[] {
  return childrenOf(pages, 'about/faq').sort(byWeight);
}

/** The questions of an FAQ category: the entries in its folder, by weight then title. */
export function faqQuestions<T extends { id: string; weight?: number; title: string }>(entries: readonly T[], categoryId: string): T[] {
  return entries
    .filter((e) => e.id.startsWith(`${categoryId}/`) && e.id.split('/').length === categoryId.split('/').length + 1)
    .sort((a, b) => (a.weight ?? Number.MAX_SAFE_INTEGER) - (b.weight ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title));
}

/** An FAQ question's page (`about/faq/<category>/<question>`, at the URL of its path): its category's id and the route's params; undefined for other entries (event banners…). */
export function faqQuestionRoute(id: string): { categoryId: string; category: string; question: string } | undefined {
  const m = /^about\/faq\/([^/]+)\/([^/]+)$/.exec(id);
  return m ? { categoryId: `about/faq/${m[1]!}`, category: m[1]!, question: m[2]! } : undefined;
}

/** The anchor of a question on its category page: the question file's name. */
export function questionAnchor(id: string): string {
  return id.split('/').at(-1) ?? id;
}

/** The analysis messages (pages of layout `analysis-message`) below a landing page, by code. */
export function analysisMessages(pages: readonly ListedPage[], landingId: string): ListedPage[] {
  return pages.filter((p) => !p.draft && p.id.startsWith(`${landingId}/`) && layout(p) === 'analysis-message').sort((a, b) => a.id.localeCompare(b.id));
}

/** `docs/reference/config/analysis/ist0136` → `IST0136`: the message's code is its folder's name. */
export function analysisCode(id: string): string {
  return (id.split('/').at(-1) ?? id).toUpperCase();
}

// One formatter for the build: `toLocaleDateString` makes a new one on every call (3 % of page generation).
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** `2024-05-13` → `May 13, 2024` (UTC: the date is a calendar day, not an instant). */
export function displayDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return dateFormat.format(d);
}
