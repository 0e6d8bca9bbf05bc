import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob, type Loader } from 'astro/loaders';
import { resolveContentPaths } from './config/paths.ts';
import { frontmatterSchema } from './model/frontmatter.ts';
import { pageSlug } from './model/content-tree.ts';
import { includesDigest } from './site/integration.ts';
import { exactPatterns, partialPages } from './site/partial-build.ts';

const paths = resolveContentPaths();
const partial = partialPages();

// Astro re-renders an entry only when its digest changes, and digests the page's own file: mixing in a
// digest of what pages include (boilerplates, glossary, version values, our renderer) re-renders them
// when one of those changes (the dev server syncs on such a change, src/site/integration.ts).
const pages = glob({
  base: paths.lang,
  // A partial build (lint's quick rebuild of edited pages) loads those pages only.
  pattern: partial ? exactPatterns(partial) : ['index.md', 'docs/**/*.md'],
  generateId: ({ entry }) => pageSlug(entry) || 'index',
});
const pagesLoader: Loader = {
  ...pages,
  load: (context) => {
    const includes = includesDigest(paths);
    return pages.load({ ...context, generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${includes}\0${data}` : { includes, data }) });
  },
};

export const collections = {
  // Starlight's `docs` collection, loaded from the istio.io-style tree: `<content>/en/index.md` (home) and
  // `<content>/en/docs/**` (index.md / _index.md page bundles). Boilerplates and glossary entries are not pages.
  docs: defineCollection({
    loader: pagesLoader,
    // The one front matter schema (src/model/frontmatter.ts) on top of Starlight's.
    // A plain (stripping) object: Starlight parses its own keys (hero, template…); ours must not hand them
    // back untransformed. `draft` is Starlight's own (a boolean defaulting to false, which its routes filter
    // on); our optional one would replace it in Starlight's deep merge and hide every page from a build.
    schema: docsSchema({ extend: z.object(frontmatterSchema.omit({ draft: true }).shape) }),
  }),
};
