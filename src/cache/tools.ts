/**
 * Every cache of the toolchain, by the name of its directory (node_modules/.cache/meshdocs/<tool>/),
 * with the code its results depend on: files and directories of the project, an npm package by its
 * package.json. What else a result depends on (the tree's boilerplates, a config file, a tool's
 * `--version`) the caller passes as inputs to `openCache`.
 */

/** The page model: what parses and checks pages, and the parsers' versions. */
const model = ['src/model', 'package-lock.json'];

/** Everything the site is built from besides the content tree: its code, components, styles, config and packages. */
export const siteCode = [
  'src/site',
  'src/model',
  'src/config',
  'src/pages',
  'src/content.config.ts',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

export const tools = {
  /** Parsed pages (v8), shared by every tree: lint reads pages from here. */
  pages: { code: model },
  /** The site's per-page check records (src/site/validate-tree.ts), one file per tree. */
  'site-check': { code: model },
  /** markdownlint's results (built-in and registry rules, one run), per page text and registry findings. */
  markdownlint: { code: ['node_modules/markdownlint/package.json', 'src/lint/markdownlint-custom-rules.mjs'] },
  /** cspell's issues, per page prose. */
  spelling: { code: ['src/lint/spelling.ts', 'src/lint/spelling-mask.ts', 'node_modules/cspell-lib/package.json'] },
  /** shellcheck's findings, per script text (its version is an input). */
  shellcheck: { code: [] },
  /** External links' answers, per URL (for a day). */
  'links-external': { code: [] },
  /** What each built page links to and its anchors, per HTML text. */
  'links-scan': { code: ['src/lint/links/dist-scan.ts'] },
  /** The built site: its stamp lives in the output (src/site/build-stamp.ts), no directory here. */
  site: { code: siteCode },
  /**
   * Rendered pages (HTML and metadata, v8) by path and text, one file per tree (src/site/rendered-cache.ts).
   * Its input is `includesDigest` (src/site/content-store.ts), which already holds the site's code.
   */
  rendered: { code: [] },
  /** Astro's own cache (its content store), one per tree and output directory. */
  astro: { code: siteCode },
  /** Builds in progress: Astro writes there, and a finished build is moved to its output. */
  builds: { code: [] },
  /** Lint's partial builds of edited pages, one per tree and output directory. */
  'partial-build': { code: [] },
} as const satisfies Record<string, { code: readonly string[] }>;

export type Tool = keyof typeof tools;
