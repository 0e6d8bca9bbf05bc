import { relative } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { kindOf, pageSlug, sitePagesOf, walkContent } from '../model/content-tree.ts';
import { loadPage } from '../model/parse.ts';
import { faqQuestionRoute, url } from '../site/lists.ts';
import type { BuiltSite } from './built-site.ts';

/** Why a page file of the tree has no page in the build. */
export type NotRenderedReason = 'draft' | 'bundle resource' | 'missing';

/**
 * Where the pages of a build come from, against its content tree: the tree's page files (FAQ
 * questions included: they get pages of their own) that have a page, the pages the site makes with no
 * file of their own (the 404 page, the blog's later list pages, /ecosystem/), and the page files with
 * no page, each with the reason (a draft; a bundle resource shown on its bundle's page, such as an
 * event banner; or missing: a page the build should have rendered). `npm run bench -- istio-site` prints it.
 */
export interface PageAccount {
  fromFiles: number;
  generated: string[];
  notRendered: { file: string; reason: NotRenderedReason }[];
}

export function accountPages(site: BuiltSite, paths: ContentPaths): PageAccount {
  const rendered = new Set(site.pages);
  const { pages, resources } = sitePagesOf(paths, walkContent(paths));
  const isResource = new Set(resources);
  const fileUrls = new Set<string>();
  const notRendered: PageAccount['notRendered'] = [];
  for (const file of [...pages, ...resources]) {
    const slug = pageSlug(relative(paths.lang, file)) || 'index';
    const page = !isResource.has(file) || faqQuestionRoute(slug) !== undefined;
    const at = url(slug);
    fileUrls.add(at);
    if (page && rendered.has(at)) continue;
    const draft = loadPage(file, kindOf(paths, file)).rawFrontmatter.draft === true;
    notRendered.push({ file: relative(paths.lang, file), reason: draft ? 'draft' : page ? 'missing' : 'bundle resource' });
  }
  return {
    fromFiles: site.pages.filter((p) => fileUrls.has(p)).length,
    generated: site.pages.filter((p) => !fileUrls.has(p)),
    notRendered: notRendered.sort((a, b) => a.file.localeCompare(b.file)),
  };
}
