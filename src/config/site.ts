/**
 * The one place that says where the site lives and which repositories it points at.
 * Edit links, page-test badges and `@path@` links are all built from these values.
 */
export const siteConfig = {
  title: 'Meshdocs',
  /** Public URL of the site: canonical URLs and the sitemap use it. */
  siteUrl: 'https://meshdocs.dev',
  /** The docs repository: "Edit this page" and the page-test badge point into it. */
  repository: {
    url: 'https://github.com/meshdocs/meshdocs',
    branch: 'main',
  },
  /**
   * The mesh's source repository: `@samples/foo.yaml@` in a code block links to this file
   * at the branch named by `source_branch_name` in `data/args.yml`.
   */
  meshSource: {
    url: 'https://github.com/meshdocs/mesh',
    rawUrl: 'https://raw.githubusercontent.com/meshdocs/mesh',
  },
  /**
   * String rewrites applied to every line of a tested page before snips are generated
   * (istio.io keeps the same list in snip.py). Order matters: each runs on the previous result.
   */
  snipRewrites: [{ from: 'kubectl delete gtw', to: 'kubectl delete gtw --cascade=foreground' }],
} as const;

export type SiteConfig = typeof siteConfig;
