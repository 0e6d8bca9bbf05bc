import type { APIRoute } from 'astro';
import { resolveContentPaths } from '../../config/paths.ts';
import { siteConfig } from '../../config/site.ts';
import { readSiteFile } from '../../config/site-file.ts';
import { atomFeed } from '../../site/feed.ts';
import { blogPosts } from '../../site/lists.ts';
import { getSiteData } from '../../site/site-data.ts';

/** /blog/feed.xml: the newest posts as an Atom feed (linked from the blog's pages, src/site/components/Head.astro). */
export const GET: APIRoute = async () => {
  const { listed } = await getSiteData();
  const { title } = readSiteFile(resolveContentPaths().data).value;
  const body = atomFeed({ siteUrl: siteConfig.siteUrl, title, posts: blogPosts(listed) });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
