import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/paths.ts';

const astroDir = join(projectRoot, 'node_modules/astro');

/**
 * Astro's own entry point, run with this Node (no npx, no extra process in between). Read from its
 * package.json: the file moved between majors (astro.js in 5, bin/astro.mjs in 7).
 */
export const astroBin = join(astroDir, (JSON.parse(readFileSync(join(astroDir, 'package.json'), 'utf8')) as { bin: { astro: string } }).bin.astro);

/**
 * The environment Astro runs in. A test runner's environment (NODE_ENV=test, Vitest's
 * MODE/DEV/PROD…) would turn a build into a dev build (no search index), so those go; telemetry is
 * off; NODE_ENV matches the command.
 */
export function astroEnv(command: 'dev' | 'build' | 'preview', env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const inherited = Object.entries(env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(entry[0]) && !entry[0].startsWith('VITEST'),
  );
  return { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: command === 'dev' ? 'development' : 'production' };
}
