import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openCache } from '../cache/index.ts';
import { projectRoot } from '../config/paths.ts';
import { run } from '../process/index.ts';
import { withBuildLock } from './build-lock.ts';

const astroDir = join(projectRoot, 'node_modules/astro');

/**
 * Astro's own entry point, run with this Node (no npx, no extra process in between). Read from its
 * package.json: the file moved between majors (astro.js in 5, bin/astro.mjs in 7).
 */
export const astroBin = join(astroDir, (JSON.parse(readFileSync(join(astroDir, 'package.json'), 'utf8')) as { bin: { astro: string } }).bin.astro);

/**
 * The environment Astro runs in. A test runner's environment (NODE_ENV=test, Vitest's
 * MODE/DEV/PROD…) would turn a build into a dev build (no search index), so those go; telemetry is
 * off; NODE_ENV matches the command; mimalloc returns freed memory at once unless the environment says otherwise.
 */
export function astroEnv(command: 'dev' | 'build' | 'preview', env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const inherited = Object.entries(env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(entry[0]) && !entry[0].startsWith('VITEST'),
  );
  return {
    // Vite's bundler (Rolldown) allocates through mimalloc, which by default keeps freed memory for
    // a while: after bundling, the build then renders every page holding ~0.5 GB it no longer uses
    // (docs/performance.md). Returned at once, the peak of a whole-site build drops by that much.
    MIMALLOC_PURGE_DELAY: '0',
    ...Object.fromEntries(inherited),
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_ENV: command === 'dev' ? 'development' : 'production',
  };
}

/** `astro dev` or `astro preview` in the foreground, its output on the terminal; resolves to its exit code. */
export async function runAstro(command: 'dev' | 'preview', args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const result = await run(process.execPath, [astroBin, command, '--host', '127.0.0.1', ...args], {
    output: 'inherit',
    inheritEnv: false,
    env: astroEnv(command, env),
  });
  return result.exitCode;
}

/** Set by `buildInto` for astro.config.mjs: where Astro writes this build (MESHDOCS_DIST stays the output the user named). */
export const stagingEnv = 'MESHDOCS_BUILD_DIR';

export interface BuildRun {
  exitCode: number;
  /** Astro's output (empty when it went to the terminal). */
  output: string;
}

/**
 * `astro build` of the site into `out`, as a whole or not at all. Astro writes into a directory of
 * its own below the project (so its intermediate server bundle is never `<cwd>/.astro`, which two
 * builds with outputs elsewhere would share and delete under each other); only a build that
 * succeeds is moved into place, so a failed build leaves the previous good one where it was.
 */
export async function buildInto(out: string, options: { env?: Record<string, string>; inherit?: boolean; args?: string[] } = {}): Promise<BuildRun> {
  const target = resolve(out);
  // Below the project (node_modules/.cache/meshdocs/builds), so Astro keeps its server bundle inside the staging directory.
  const stagingRoot = openCache('builds').dir;
  pruneStaging(stagingRoot);
  const staging = mkdtempSync(join(stagingRoot, 'build-'));
  try {
    // One at a time: every build of this checkout writes the same `<project>/.astro/` (see build-lock.ts).
    const result = await withBuildLock(stagingRoot, () =>
      run(process.execPath, [astroBin, 'build', ...(options.args ?? [])], {
        cwd: projectRoot,
        inheritEnv: false,
        env: { ...astroEnv('build'), ...options.env, MESHDOCS_DIST: target, [stagingEnv]: staging },
        output: options.inherit ? 'inherit' : 'capture',
      }),
    );
    const exitCode = result.exitCode;
    if (exitCode === 0) publish(staging, target);
    return { exitCode, output: result.all };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Moves a finished build to `target`, replacing what is there: renamed beside it first (copied
 * when the two are on different file systems), then swapped in, so `target` never holds half of one
 * build and half of another.
 */
function publish(staging: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const next = `${target}.meshdocs-new-${process.pid}`;
  const old = `${target}.meshdocs-old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  try {
    renameSync(staging, next);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(staging, next, { recursive: true });
  }
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(next, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/** Staging directories of builds that were killed on the way (a day old). */
function pruneStaging(stagingRoot: string): void {
  for (const name of readdirSync(stagingRoot)) {
    const dir = join(stagingRoot, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > 86_400_000) rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed by another build meanwhile
    }
  }
}
