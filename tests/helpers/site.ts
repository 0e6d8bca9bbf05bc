import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { projectRoot } from '../../src/config/paths.ts';

/** Runs the real `npm run build` (scripts/site.ts → astro build) on a content tree into a temporary dist. */
export async function buildSite(contentDir: string, dist = mkdtempSync(join(tmpdir(), 'meshdocs-dist-'))) {
  const result = await execa('npx', ['tsx', 'scripts/site.ts', 'build'], {
    cwd: projectRoot,
    env: { MESHDOCS_CONTENT: contentDir, MESHDOCS_DIST: dist, NO_COLOR: '1', FORCE_COLOR: '0' },
    reject: false,
    all: true,
  });
  return { dist, exitCode: result.exitCode, output: result.all ?? '' };
}
