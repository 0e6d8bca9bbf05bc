import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { resolveContentPaths } from './config/paths.ts';
import { frontmatterSchema } from './model/frontmatter.ts';
import { entryLoader, pageLoader } from './site/page-loader.ts';
import { partialPages } from './site/partial-build.ts';

const paths = resolveContentPaths();

export const collections = {
  // Starlight's `docs` collection: every page of the istio.io-style tree, whatever its section (see
  // pageLoader); the section is the first segment of its id. Boilerplates, glossary entries and bundle
  // resources are not pages. A partial build (lint's quick rebuild of edited pages) loads those pages only.
  docs: defineCollection({
    loader: pageLoader(paths, partialPages()),
    // The one front matter schema (src/model/frontmatter.ts) on top of Starlight's.
    // A plain (stripping) object: Starlight parses its own keys (hero, template…); ours must not hand them
    // back untransformed. `draft` is Starlight's own (a boolean defaulting to false, which its routes filter
    // on); our optional one would replace it in Starlight's deep merge and hide every page from a build.
    schema: docsSchema({ extend: z.object(frontmatterSchema.omit({ draft: true }).shape) }),
  }),
  // Bundle resources shown on their bundle's page, not at a URL of their own: the FAQ's questions.
  entries: defineCollection({
    loader: entryLoader(paths),
    schema: frontmatterSchema,
  }),
};
