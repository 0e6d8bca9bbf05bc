/**
 * `npm run serve | build | preview`: Astro with the project's defaults (127.0.0.1, no telemetry).
 * MESHDOCS_CONTENT=<dir> builds another content tree; MESHDOCS_DIST=<dir> writes the build elsewhere.
 */
import { execa } from 'execa';

const [command = 'dev', ...rest] = process.argv.slice(2);
const commands: Record<string, string[]> = {
  dev: ['dev', '--host', '127.0.0.1'],
  build: ['build'],
  preview: ['preview', '--host', '127.0.0.1'],
};
const args = commands[command];
if (!args) {
  console.error(`usage: tsx scripts/site.ts dev|build|preview [astro options]`);
  process.exit(2);
}
// A test runner's environment (NODE_ENV=test, Vitest's MODE/DEV/PROD…) would turn a build into a dev
// build (no search index); Astro gets a clean one.
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST'].includes(k) && !k.startsWith('VITEST')),
);
const result = await execa('astro', [...args, ...rest], {
  preferLocal: true,
  stdio: 'inherit',
  reject: false,
  extendEnv: false,
  env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: command === 'dev' ? 'development' : 'production' },
});
process.exitCode = result.exitCode ?? 1;
