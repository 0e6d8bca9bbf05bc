import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';

/**
 * The page layouts: one component each (src/site/components/layouts/), chosen by front matter
 * (`layout:`, istio.io's names kept) or, when unset, by where the page sits in the tree. Pure: the
 * components and the site check (unknown names) use it.
 */
export const layoutNames = [
  'default',
  'blog', // the blog's list: /blog/
  'blog-post',
  'news-feed', // /news/: announcements by release, bulletins
  'release-list', // /news/releases/: every release's announcements
  'release-grid', // /news/releases/1.25.x/: one release's announcements
  'release-notes', // an announcement
  'security-grid', // /news/security/: the bulletins table
  'bulletin',
  'faq-landing', // /about/faq/: the categories and their questions
  'faq', // a category: its questions with their answers
  'analysis-landing', // the table of analysis messages
  'analysis-message', // one `istioctl analyze` message
  'protoc-gen-docs', // an API reference page (istio.io's generator's name)
  'case-study',
  'glossary', // every glossary entry
] as const;

export type LayoutName = (typeof layoutNames)[number];

const known = new Set<string>(layoutNames);

export function isLayoutName(name: string): name is LayoutName {
  return known.has(name);
}

/** Layouts by position, for pages that do not name one: `[id pattern, layout]`, first match wins. */
const byPath: [RegExp, LayoutName][] = [
  [/^blog$/, 'blog'],
  [/^blog\/.+/, 'blog-post'],
  [/^news$/, 'news-feed'],
  [/^news\/releases$/, 'release-list'],
  [/^news\/releases\/[^/]+$/, 'release-grid'],
  [/^news\/releases\/[^/]+\/[^/]+$/, 'release-notes'],
  [/^news\/security$/, 'security-grid'],
  [/^news\/security\/[^/]+$/, 'bulletin'],
  [/^about\/faq$/, 'faq-landing'],
  [/^about\/faq\/[^/]+$/, 'faq'],
  [/^about\/case-studies\/[^/]+$/, 'case-study'],
  [/^docs\/reference\/glossary$/, 'glossary'],
];

/** The layout of the page with this id (its slug): its known `layout:`, else the one of its place, else `default`. */
export function layoutOf(id: string, layout: string | undefined): LayoutName {
  if (layout !== undefined && isLayoutName(layout)) return layout;
  if (layout !== undefined) return 'default';
  return byPath.find(([re]) => re.test(id))?.[1] ?? 'default';
}

/** The section of a page: the first segment of its id (`blog/2024/x` → `blog`; the home page → ``). */
export function sectionOf(id: string): string {
  return id === 'index' ? '' : (id.split('/')[0] ?? '');
}

/** One warning per page whose `layout:` names no layout: it renders with the default one. */
export function unknownLayoutWarnings(pages: readonly { file: string; layout?: string }[]): Diagnostic[] {
  return pages
    .filter((p) => p.layout !== undefined && !isLayoutName(p.layout))
    .map((p) =>
      diagnostic(p.file, 0, 'unknown-layout', `layout ${JSON.stringify(p.layout)} is not one of ${layoutNames.join(', ')}: the page uses the default layout`, {
        severity: 'warning',
      }),
    );
}
