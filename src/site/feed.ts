import type { ListedPage } from './lists.ts';
import { url } from './lists.ts';

/**
 * The blog's Atom feed (RFC 4287), written here rather than by a library: a few elements, and every
 * value a page's front matter gives (titles, authors, summaries) goes through `xmlText`.
 */
export function atomFeed(options: { siteUrl: string; title: string; posts: readonly ListedPage[]; limit?: number }): string {
  const site = options.siteUrl.replace(/\/+$/, '');
  const posts = options.posts.slice(0, options.limit ?? 20);
  const stamp = (date?: string) => `${date ?? '1970-01-01'}T00:00:00Z`;
  const updated = stamp(posts.find((p) => p.publishdate)?.publishdate);
  const entries = posts.map((p) => {
    const link = `${site}${url(p.id)}`;
    return [
      '  <entry>',
      `    <title>${xmlText(p.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      `    <id>${xmlText(link)}</id>`,
      `    <published>${stamp(p.publishdate)}</published>`,
      `    <updated>${stamp(p.publishdate)}</updated>`,
      `    <author><name>${xmlText(p.attribution ?? options.title)}</name></author>`,
      ...(p.description ? [`    <summary>${xmlText(p.description)}</summary>`] : []),
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xmlText(`${options.title} Blog`)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${site}/blog/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${site}/blog/`)}"/>`,
    `  <id>${xmlText(`${site}/blog/`)}</id>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** Text for XML content or a double-quoted attribute: the five special characters escaped, characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
