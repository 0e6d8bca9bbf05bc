import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project checkout: the nearest directory above this module with the project's package.json and
 * astro.config.mjs. Walked up to, not fixed at `../..`: when the site is built, this module is bundled
 * into a chunk that sits wherever Astro puts its server bundle (inside the output directory when
 * that is below the working directory, e.g. `MESHDOCS_DIST=out/site`).
 */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'astro.config.mjs'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../..');
  }
}

export interface ContentPaths {
  /** The docs repository root: the parent of the content directory. Tests `cd` here. */
  root: string;
  /** The content directory (`<root>/content`). */
  content: string;
  /** The English content tree (`<content>/en`). */
  lang: string;
  docs: string;
  boilerplates: string;
  boilerplateSnips: string;
  glossary: string;
  /** `<root>/data`: args.yml (version values), ecosystem.yml. */
  data: string;
}

/**
 * Resolves the content tree every command works on: `MESHDOCS_CONTENT=<dir>` or the project's own
 * `content/`. The docs repo root is always the parent of the content directory, as on istio.io,
 * so a test's `cd` and a snips file's `source "content/en/…"` lines resolve the same way.
 */
export function resolveContentPaths(contentDir?: string, env: NodeJS.ProcessEnv = process.env): ContentPaths {
  const content = resolve(contentDir ?? env.MESHDOCS_CONTENT ?? join(projectRoot, 'content'));
  const root = dirname(content);
  const lang = join(content, 'en');
  return {
    root,
    content,
    lang,
    docs: join(lang, 'docs'),
    boilerplates: join(lang, 'boilerplates'),
    boilerplateSnips: join(lang, 'boilerplates', 'snips'),
    glossary: join(lang, 'glossary'),
    data: join(root, 'data'),
  };
}

/** True when the directory looks like a content tree (has `en/`). */
export function isContentTree(paths: ContentPaths): boolean {
  return existsSync(paths.lang);
}
