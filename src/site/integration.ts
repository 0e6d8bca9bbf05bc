import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { ContentPaths } from '../config/paths.ts';
import { siteConfig } from '../config/site.ts';
import { ContentError, formatDiagnostic, sortDiagnostics } from '../model/diagnostic.ts';
import { isInside, walkTree } from '../model/tree-walk.ts';
import { normalizeAlias } from '../model/url-safety.ts';
import { outputPath, redirectFile, redirectHtml, type Redirect } from './aliases.ts';
import { checkSite } from './check-site.ts';
import { invalidateCacheOnIncludeChange } from './content-store.ts';
import { dataStoreModulePlugin } from './data-store-module.ts';
import { renderPlugins } from './render/index.ts';

/**
 * The site's glue: registers our renderer (src/site/render), checks every page with the page model
 * before Astro renders (file:line errors), writes redirect pages for `aliases`, and keeps Astro's
 * content cache honest when something a page includes (boilerplates, glossary, version values) changes.
 * Listed before Starlight: Starlight adds its remark plugins to the processor set here, after ours.
 */
export function meshdocsIntegration({ paths, partial = false }: { paths: ContentPaths; partial?: boolean }): AstroIntegration {
  let redirects: Redirect[] = [];
  return {
    name: 'meshdocs',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        // The remark pipeline (Astro 7's default is Sätteri): our renderer and the page model are remark plugins.
        updateConfig({ markdown: { processor: unified({ remarkPlugins: renderPlugins(paths) }) } });
        const check = checkSite(paths);
        redirects = check.redirects;
        // Reported here only (the integration runs once per build), not by scripts/site.ts too.
        for (const w of sortDiagnostics(check.warnings)) logger.warn(formatDiagnostic(w));
        const all = check.errors;
        if (all.length > 0) {
          const error = new ContentError(all, `${all.length} problem(s) in ${relative(process.cwd(), paths.content) || paths.content}`);
          // The dev server keeps running so the author can fix the page and see it reload.
          if (command === 'build') throw error;
          logger.error(error.message);
        }
        // The build keeps its content store in cacheDir, the dev server in <root>/.astro.
        const storeDir = command === 'dev' ? fileURLToPath(new URL('.astro/', config.root)) : fileURLToPath(config.cacheDir);
        invalidateCacheOnIncludeChange(paths, storeDir, logger);
        // The pages read the content store from its file rather than compiling it as one string (src/site/data-store-module.ts).
        updateConfig({ vite: { plugins: [dataStoreModulePlugin(join(storeDir, 'data-store.json'))] } });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // Pages do not re-render when something they include changes (Astro watches each page file
        // alone): the pages' digests include what they include (src/content.config.ts), so a content
        // sync re-renders them.
        const includes = [paths.boilerplates, paths.glossary, paths.data];
        server.watcher.add(includes);
        // Astro reloads its content config on a change under the content tree and skips a sync asked for
        // meanwhile ("Content config not loaded"); it does not say so to the caller. So the sync is asked
        // for after a pause and again later: once the pages carry the new digest, another sync renders nothing.
        let timers: NodeJS.Timeout[] = [];
        const onInclude = (file: string) => {
          if (!includes.some((dir) => file.startsWith(`${dir}/`)) || file.startsWith(`${paths.boilerplateSnips}/`)) return;
          logger.info(`${relative(process.cwd(), file)} changed: re-rendering the pages that include it`);
          for (const t of timers) clearTimeout(t);
          timers = [1_000, 5_000, 15_000].map((ms) => setTimeout(() => void refreshContent?.({}), ms).unref());
        };
        server.watcher.on('change', onInclude);
        server.watcher.on('add', onInclude);
        // A saved page is checked as the build checks it, and its problems printed the same way.
        const onPage = (file: string) => {
          if (!file.endsWith('.md') || !isInside(paths.lang, file) || isInside(paths.boilerplateSnips, file)) return;
          const shown = relative(process.cwd(), file) || file;
          const check = checkSite(paths);
          redirects = check.redirects;
          for (const d of sortDiagnostics(check.errors.filter((e) => e.file === shown))) logger.error(formatDiagnostic(d));
        };
        server.watcher.on('change', onPage);
        server.watcher.on('add', onPage);
        server.middlewares.use((req, res, next) => {
          let path: string;
          try {
            path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
          } catch {
            return next(); // a malformed %-escape is no asset and no alias
          }
          const asset = bundleAssetFor(paths, path);
          if (asset) {
            res.setHeader('Content-Type', assetTypes[extname(asset)] ?? 'application/octet-stream');
            res.end(readFileSync(asset));
            return;
          }
          const wanted = normalizeAlias(path);
          const hit = redirects.find((r) => r.from === wanted);
          if (!hit) return next();
          res.statusCode = 301;
          res.setHeader('Location', hit.to);
          res.end();
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        // A partial build renders a few pages beside a full build, which has the redirects and assets.
        if (partial) return;
        const out = fileURLToPath(dir);
        const inside = (rel: string): string => {
          const file = outputPath(out, rel);
          if (!file) throw new Error(`refusing to write ${rel}: it is not inside the output directory ${out}`);
          return file;
        };
        for (const r of redirects) {
          const file = inside(redirectFile(r.from));
          if (existsSync(file)) {
            logger.warn(`alias ${r.from} is also a real page; not overwritten`);
            continue;
          }
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, redirectHtml(r.to, siteConfig.siteUrl));
        }
        if (redirects.length > 0) logger.info(`${redirects.length} alias redirect(s) written`);
        const assets = listBundleAssets(paths);
        for (const asset of assets) {
          const target = inside(relative(paths.lang, asset));
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(asset, target);
        }
        if (assets.length > 0) logger.info(`${assets.length} page-bundle asset(s) copied`);
      },
    },
  };
}

/** Files of page bundles a page may reference relatively (`::image{src="./arch.svg"}`). */
const assetTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

/** Every image (and PDF) beside the pages of `<lang>` (every section, blog posts too): copied next to the page's HTML. */
export function listBundleAssets(paths: ContentPaths): string[] {
  return walkTree(paths.lang, paths.content).files.filter((f) => extname(f).toLowerCase() in assetTypes && !isInside(paths.boilerplates, f));
}

function bundleAssetFor(paths: ContentPaths, urlPath: string): string | undefined {
  if (!(extname(urlPath).toLowerCase() in assetTypes)) return undefined;
  const file = join(paths.lang, urlPath);
  return isInside(paths.lang, file) && !isInside(paths.boilerplates, file) && statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}
