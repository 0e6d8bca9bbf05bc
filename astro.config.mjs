// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { openCache } from './src/cache/index.ts';
import { resolveContentPaths } from './src/config/paths.ts';
import { siteConfig } from './src/config/site.ts';
import { buildStampIntegration } from './src/site/build-stamp.ts';
import { meshdocsIntegration } from './src/site/integration.ts';
import { partialPages } from './src/site/partial-build.ts';
import { join } from 'node:path';

// Every command honours MESHDOCS_CONTENT=<dir> (tests, benchmarks and migration build other trees).
const paths = resolveContentPaths();
// Lint's partial builds (a few edited pages) keep their own content cache and skip the search index.
const partial = partialPages() !== undefined;

// The output the user named; `npm run build` (src/site/astro-process.ts) has Astro write into a
// staging directory and moves it there when the build succeeds.
const out = process.env.MESHDOCS_DIST ?? './dist';
// One Astro cache (its content store) per content tree and output directory: switching trees never
// mixes their entries, and two builds at once (other outputs, or a lint's partial build) never share
// one, since Astro writes its store through one fixed temporary name.
const astroCache = openCache('astro', { tree: paths.content }).forOutput(out);

export default defineConfig({
  site: siteConfig.siteUrl,
  outDir: process.env.MESHDOCS_BUILD_DIR ?? out,
  cacheDir: partial ? join(astroCache, 'partial') : astroCache,
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  integrations: [
    // Our renderer (src/site/render) and page checks; before Starlight, whose remark plugins run after ours.
    meshdocsIntegration({ paths, partial }),
    starlight({
      title: siteConfig.title,
      description: 'Documentation of the service mesh, tested on every change.',
      logo: { src: './src/site/assets/logo.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      social: [{ icon: 'github', label: 'GitHub', href: siteConfig.repository.url }],
      editLink: { baseUrl: `${siteConfig.repository.url}/edit/${siteConfig.repository.branch}/` },
      // Code blocks are rendered by our renderer (src/site/render/code.ts: command/output split, copy only commands), not Expressive Code.
      expressiveCode: false,
      // The sidebar is ours (src/site/components/Sidebar.astro): it renders only the reader's branch of the tree.
      sidebar: [],
      markdown: { processedDirs: [paths.content] },
      lastUpdated: false,
      pagefind: !partial,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      customCss: ['./src/site/styles/meshdocs.css'],
      components: {
        Sidebar: './src/site/components/Sidebar.astro',
        PageTitle: './src/site/components/PageTitle.astro',
        MarkdownContent: './src/site/components/MarkdownContent.astro',
        Pagination: './src/site/components/Pagination.astro',
      },
    }),
    // Last, after Pagefind: only a completed build is stamped (`npm run lint` reuses it).
    ...(partial ? [] : [buildStampIntegration({ paths })]),
  ],
});
