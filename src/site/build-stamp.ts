import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fingerprint } from '../cache/index.ts';
import type { ContentPaths } from '../config/paths.ts';
import { loadPage } from '../model/parse.ts';
import { walkTree } from '../model/tree-walk.ts';
import { checkTreeForSite, frontmatterDigest } from './validate-tree.ts';

/** Written into the built site's directory when a build completes. */
export const stampName = '.meshdocs-build.json';

/** What a build read, file by file for the content tree. */
export interface BuildInputs {
  /** Everything: two builds with the same digest produce the same site. */
  digest: string;
  /** Everything outside the content tree: `data/`, the site's code and config, the packages. */
  rest: string;
  /** Content-relative path (with `/`) → sha1 of the file. */
  files: Record<string, string>;
}

interface Stamp extends BuildInputs {
  content: string;
  /** Content-relative path of each page → digest of its front matter. */
  frontmatter: Record<string, string>;
}

/**
 * Reads every input of a build: every file of the content tree and its data directory, and the site's
 * code, components, styles, config, public files and packages (the `site` tool of src/cache/tools.ts).
 * A built site whose stamp has the same digest can be checked instead of built again (`npm run lint`
 * after `npm run build`, a second lint run).
 */
export function readBuildInputs(paths: ContentPaths): BuildInputs {
  const files: Record<string, string> = {};
  for (const file of filesUnder(paths.content)) files[contentPath(paths, file)] = createHash('sha1').update(readFileSync(file)).digest('hex');
  const restDigest = fingerprint('site', { files: [paths.data] });
  const digest = createHash('sha256').update(paths.content).update('\0').update(restDigest).update(JSON.stringify(files)).digest('hex');
  return { digest, rest: restDigest, files };
}

export function buildInputsDigest(paths: ContentPaths): string {
  return readBuildInputs(paths).digest;
}

export function writeBuildStamp(dist: string, paths: ContentPaths, inputs: BuildInputs, frontmatter: Record<string, string>): void {
  const stamp: Stamp = { ...inputs, content: paths.content, frontmatter };
  writeFileSync(join(dist, stampName), JSON.stringify(stamp) + '\n');
}

function readStamp(dist: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(dist, stampName), 'utf8')) as Partial<Stamp>;
    return stamp.digest && stamp.rest && stamp.files && stamp.frontmatter && stamp.content ? (stamp as Stamp) : undefined;
  } catch {
    return undefined;
  }
}

/** True when `dist` holds a completed build of exactly the current inputs. */
export function isBuildCurrent(dist: string, paths: ContentPaths): boolean {
  return planRebuild(dist, paths).kind === 'current';
}

export type RebuildPlan =
  /** The build in place shows the current inputs (files the site does not render may have changed). */
  | { kind: 'current' }
  /** Only the bodies of these pages (absolute paths) changed: rendering them alone is enough. */
  | { kind: 'partial'; pages: string[] }
  | { kind: 'full'; reason: string };

/** Shell scripts beside pages (test.sh, snips.sh) are not rendered: only their existence shows. */
const unrendered = new Set(['.sh']);

/**
 * What it takes to bring the build in `dist` up to date. A page whose front matter is unchanged
 * changes no other page (titles, weights and aliases make the sidebar, pagination and redirects),
 * so when nothing but such pages' bodies changed, rendering those pages is enough. Anything else
 * (code, data, boilerplates, the glossary, a page added, removed or retitled…) needs a full build.
 */
export function planRebuild(dist: string, paths: ContentPaths, maxPages = 25): RebuildPlan {
  const stamp = readStamp(dist);
  if (!stamp) return { kind: 'full', reason: existsSync(dist) ? `${stampName} missing or unreadable` : 'no build yet' };
  if (stamp.content !== paths.content) return { kind: 'full', reason: `the build is of ${stamp.content}` };
  const now = readBuildInputs(paths);
  if (now.digest === stamp.digest) return { kind: 'current' };
  if (now.rest !== stamp.rest) return { kind: 'full', reason: 'code, config, packages or data changed' };
  const before = Object.keys(stamp.files);
  const after = Object.keys(now.files);
  const added = after.filter((f) => !(f in stamp.files));
  const removed = before.filter((f) => !(f in now.files));
  if (added.length || removed.length) return { kind: 'full', reason: `files ${added.length ? 'added' : 'removed'}: ${[...added, ...removed].slice(0, 3).join(', ')}` };
  const changed = after.filter((f) => now.files[f] !== stamp.files[f] && !unrendered.has(extname(f)));
  if (changed.length === 0) return { kind: 'current' };
  if (changed.length > maxPages) return { kind: 'full', reason: `${changed.length} files changed` };
  const pages: string[] = [];
  for (const rel of changed) {
    const file = join(paths.content, rel);
    const inCollection = relative(paths.lang, file).split(sep).join('/');
    if (extname(rel) !== '.md' || !(inCollection === 'index.md' || inCollection.startsWith('docs/'))) {
      return { kind: 'full', reason: `${rel} is not a page` };
    }
    if (stamp.frontmatter[rel] === undefined || frontmatterDigest(loadPage(file, 'docs').rawFrontmatter) !== stamp.frontmatter[rel]) {
      return { kind: 'full', reason: `front matter of ${rel} changed` };
    }
    pages.push(file);
  }
  return { kind: 'partial', pages };
}

/**
 * Stamps a completed build with what it read. Listed after Starlight in the config, so the stamp is
 * written after Pagefind's index: a build that fails on the way has no stamp. The inputs are read
 * before anything else, so an edit made during the build leaves the stamp stale, never wrongly current.
 */
export function buildStampIntegration({ paths }: { paths: ContentPaths }): AstroIntegration {
  let inputs: BuildInputs | undefined;
  let frontmatter: Record<string, string> = {};
  return {
    name: 'meshdocs:build-stamp',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        inputs = readBuildInputs(paths);
        // The site check has just run on every page and cached its records: this reads them.
        frontmatter = Object.fromEntries(checkTreeForSite(paths).pages.map((p) => [contentPath(paths, p.path), p.frontmatter]));
      },
      'astro:build:done': ({ dir }) => {
        if (inputs) writeBuildStamp(fileURLToPath(dir), paths, inputs, frontmatter);
      },
    },
  };
}

function contentPath(paths: ContentPaths, file: string): string {
  return relative(paths.content, file).split(sep).join('/');
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return walkTree(path).files;
}
