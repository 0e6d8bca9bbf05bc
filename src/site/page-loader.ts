import { relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { ContentPaths } from '../config/paths.ts';
import { faqQuestionGlob, pageSlug, sitePagesOf, walkContent } from '../model/content-tree.ts';
import { includesDigest } from './content-store.ts';
import { createPageRenderer, type EntryType } from './page-render.ts';
import { RenderedPages } from './rendered-cache.ts';
import { exactPatterns, leftOutPages } from './partial-build.ts';

/**
 * Starlight's `docs` collection, loaded from the istio.io-style tree: every page of `<content>/en`
 * (`index.md` / `_index.md` bundles and plain `foo.md` pages of every section: docs, blog, news, about…),
 * or only the pages of a partial build. Not pages: boilerplates, glossary entries, and bundle resources
 * (FAQ questions, event banners: see `isBundleResource`), which the `entries` collection loads.
 *
 * Astro's glob loader warns `Duplicate id "docs/…"` whenever a page it already stored changes (every
 * rebuild after an edit, every save in the dev server): it asks the store whether the id exists, not
 * whether another file holds it. Two files that really are one page (`docs/a.md`, `docs/a/index.md`)
 * are refused by the site check (`checkTreeForSite`) with both paths, so the loader is given a store
 * that never reports an id as taken.
 *
 * Astro re-renders an entry only when its digest changes, and digests the page's own file: mixing in a
 * digest of what pages include (boilerplates, glossary, version values, our renderer) re-renders them
 * when one of those changes (the dev server syncs on such a change, src/site/integration.ts).
 *
 * Astro's glob loader finds the files, ids and digests and watches the tree; only its rendering is
 * replaced (parse once): a page is rendered from the page model's parse, and not at all when its
 * text and what it includes are unchanged (src/site/page-render.ts).
 */
export function pageLoader(paths: ContentPaths, partial: readonly string[] | undefined): Loader {
  // The whole tree, minus what is not a page: a page added while serving is picked up by the pattern.
  const { resources } = sitePagesOf(paths, walkContent(paths));
  // A build without the pages lint found malformed (`leftOutPages`) skips them too.
  // An FAQ question added while serving is matched by its glob, as the walk at start would have told.
  const notPages = ['boilerplates/**', 'glossary/**', faqQuestionGlob, ...exactPatterns([...resources.map((f) => relativePosix(paths, f)), ...leftOutPages()])].map((p) => `!${p}`);
  return digestingLoader(paths, partial ? exactPatterns(partial) : ['**/*.md', ...notPages]);
}

/** The `entries` collection: bundle resources (FAQ questions…), rendered on their bundle's page. */
export function entryLoader(paths: ContentPaths): Loader {
  const { resources } = sitePagesOf(paths, walkContent(paths));
  // A glob that matches nothing warns on every build: a tree without entries gets an empty collection quietly.
  if (resources.length === 0) return { name: 'meshdocs-no-entries', load: async ({ store }) => store.clear() };
  return digestingLoader(paths, [faqQuestionGlob, ...exactPatterns(resources.map((f) => relativePosix(paths, f)))]);
}

function relativePosix(paths: ContentPaths, file: string): string {
  return relative(paths.lang, file).split(sep).join('/');
}

function digestingLoader(paths: ContentPaths, pattern: string[]): Loader {
  const inner = glob({
    base: paths.lang,
    pattern,
    generateId: ({ entry }) => pageSlug(entry) || 'index',
  });
  return {
    ...inner,
    load: async (context: LoaderContext) => {
      const includes = includesDigest(paths);
      const rendered = new RenderedPages(paths, includes);
      await inner.load({
        ...context,
        store: withoutTakenIds(context.store),
        watcher: context.watcher && inOrder(context.watcher, context.logger),
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${includes}\0${data}` : { includes, data }),
        ...{ entryTypes: renderingFromModel(context, paths, rendered) },
      } as LoaderContext);
      rendered.save();
    },
  };
}

/**
 * The dev server's watcher, as the glob loader sees it: its handlers run one after another, in the
 * order of the file events. Astro runs them at once, so of two quick saves the first could finish
 * last and stay served; and a page it cannot read (bad YAML) became an `UnhandledRejection` with no
 * path. A failure is logged with the file's path instead; the integration prints the page model's
 * `file:line  rule  message` for the same save.
 */
function inOrder(watcher: NonNullable<LoaderContext['watcher']>, logger: LoaderContext['logger']): NonNullable<LoaderContext['watcher']> {
  let queue: Promise<unknown> = Promise.resolve();
  const proxy: NonNullable<LoaderContext['watcher']> = new Proxy(watcher, {
    get(target, prop) {
      if (prop === 'on') {
        return (event: string, handler: (...args: unknown[]) => unknown) => {
          target.on(event as 'change', (...args: unknown[]) => {
            queue = queue
              .then(() => handler(...args))
              .catch((error: unknown) => {
                const file = typeof args[0] === 'string' ? `${relative(process.cwd(), args[0]) || args[0]}: ` : '';
                logger.error(`${file}not reloaded: ${(error as Error).message.split('\n')[0]}`);
              });
          });
          return proxy;
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}

/**
 * `MESHDOCS_RENDER=astro`: Astro parses and renders every page itself, as before parse once. Only for
 * comparing the two (tests/site/parse-once.test.ts): the HTML must be the same.
 */
export const astroRenderEnv = 'MESHDOCS_RENDER';

/**
 * The glob loader's content types (an internal of its context, not in Astro's types), with `.md`
 * rendered from the page model's parse (src/site/page-render.ts) instead of parsed again.
 */
function renderingFromModel(context: LoaderContext, paths: ContentPaths, rendered: RenderedPages): Map<string, EntryType> | undefined {
  const types = (context as { entryTypes?: Map<string, EntryType> }).entryTypes;
  const markdown = types?.get('.md');
  if (!types || !markdown?.getRenderFunction || process.env[astroRenderEnv] === 'astro') return types;
  const own: EntryType = {
    ...markdown,
    getRenderFunction: async (config) => (await createPageRenderer(config, paths, rendered)) ?? markdown.getRenderFunction!(config),
  };
  return new Map([...types, ['.md', own]]);
}

function withoutTakenIds(store: LoaderContext['store']): LoaderContext['store'] {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'has') return () => false;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
