/**
 * `npm run serve | build | preview`: Astro with the project's defaults (127.0.0.1, no telemetry).
 * MESHDOCS_CONTENT=<dir> builds another content tree; MESHDOCS_DIST=<dir> writes the build elsewhere.
 */
import { execa } from 'execa';
import { astroBin, astroEnv } from '../src/site/astro-process.ts';

const [command = 'dev', ...rest] = process.argv.slice(2);
const commands: Record<string, string[] | undefined> = {
  dev: ['dev', '--host', '127.0.0.1'],
  build: ['build'],
  preview: ['preview', '--host', '127.0.0.1'],
};
const args = commands[command];
if (!args) {
  console.error(`usage: tsx scripts/site.ts dev|build|preview [astro options]`);
  process.exit(2);
}
const result = await execa(process.execPath, [astroBin, ...args, ...rest], {
  stdio: 'inherit',
  reject: false,
  extendEnv: false,
  env: astroEnv(command as 'dev' | 'build' | 'preview'),
});
process.exitCode = result.exitCode ?? 1;
