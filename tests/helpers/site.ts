import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths.ts';
import { run } from '../../src/process/index.ts';

/**
 * A fresh directory for a build's output, inside the project (`npm run build` stages every build below
 * the project anyway, so outputs elsewhere work too: tests/site/hardening.test.ts builds into /tmp).
 */
export function tempDist(): string {
  const base = join(projectRoot, 'node_modules/.cache/meshdocs-tests');
  mkdirSync(base, { recursive: true });
  // Tests remove their own; what a failed or interrupted run left goes after an hour.
  for (const name of readdirSync(base)) {
    const dir = join(base, name);
    if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
  }
  return mkdtempSync(join(base, 'dist-'));
}

/** Runs the real `npm run build` (scripts/site.ts → astro build) on a content tree into a temporary dist. */
export async function buildSite(contentDir: string, dist = tempDist()) {
  const result = await run(process.execPath, ['scripts/site.ts', 'build'], {
    cwd: projectRoot,
    env: { MESHDOCS_CONTENT: contentDir, MESHDOCS_DIST: dist, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { dist, exitCode: result.exitCode, output: result.all ?? '' };
}
