import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { projectRoot, type ContentPaths } from '../config/paths.ts';

/** Written into the built site's directory when a build completes. */
export const stampName = '.meshdocs-build.json';

interface Stamp {
  digest: string;
  content: string;
}

/**
 * A digest of everything a build reads: every file of the content tree and its data directory,
 * the site's code (src/site, src/model, src/config, src/pages), config and public files, and the installed packages (package-lock.json). Two
 * builds with the same digest produce the same site, so a built site whose stamp matches can be
 * checked instead of built again (`npm run lint` after `npm run build`, a second lint run).
 */
export function buildInputsDigest(paths: ContentPaths): string {
  const hash = createHash('sha256');
  hash.update(paths.content).update('\0');
  const roots = [
    paths.content,
    paths.data,
    // What the site imports (src/lint, src/runner… do not change the pages).
    ...['site', 'model', 'config', 'pages', 'content.config.ts'].map((p) => join(projectRoot, 'src', p)),
    join(projectRoot, 'public'),
    join(projectRoot, 'astro.config.mjs'),
    join(projectRoot, 'package.json'),
    join(projectRoot, 'package-lock.json'),
    join(projectRoot, 'tsconfig.json'),
  ];
  for (const root of roots) {
    for (const file of filesUnder(root)) hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function writeBuildStamp(dist: string, paths: ContentPaths, digest: string): void {
  writeFileSync(join(dist, stampName), JSON.stringify({ digest, content: paths.content } satisfies Stamp) + '\n');
}

/** True when `dist` holds a completed build of exactly the current inputs. */
export function isBuildCurrent(dist: string, paths: ContentPaths): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(dist, stampName), 'utf8')) as Partial<Stamp>;
    return stamp.content === paths.content && stamp.digest === buildInputsDigest(paths);
  } catch {
    return false;
  }
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return (readdirSync(path, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/**
 * Stamps a completed build with the digest of its inputs. Listed after Starlight in the config, so
 * the stamp is written after Pagefind's index: a build that fails on the way has no stamp. The
 * digest is taken before anything is read, so an edit made during the build leaves the stamp
 * stale, never wrongly current.
 */
export function buildStampIntegration({ paths }: { paths: ContentPaths }): AstroIntegration {
  let digest: string | undefined;
  return {
    name: 'meshdocs:build-stamp',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') digest = buildInputsDigest(paths);
      },
      'astro:build:done': ({ dir }) => {
        if (digest) writeBuildStamp(fileURLToPath(dir), paths, digest);
      },
    },
  };
}
