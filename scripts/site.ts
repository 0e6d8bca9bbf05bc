/**
 * `npm run serve | build | preview`: Astro with the project's defaults (127.0.0.1, no telemetry).
 * MESHDOCS_CONTENT=<dir> builds another content tree; MESHDOCS_DIST=<dir> writes the build elsewhere.
 * A build checks every page first (exit 2 with `file:line  rule  message` on bad input), then builds
 * into a staging directory that replaces the output only when the build succeeded (exit 1 if not).
 */
import { relative, resolve } from 'node:path';
import { execa } from 'execa';
import { projectRoot, resolveContentPaths } from '../src/config/paths.ts';
import { formatDiagnostic, sortDiagnostics } from '../src/model/diagnostic.ts';
import { astroBin, astroEnv, buildInto } from '../src/site/astro-process.ts';
import { checkSite } from '../src/site/check-site.ts';

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
if (command === 'build') {
  const paths = resolveContentPaths();
  const { errors } = checkSite(paths);
  if (errors.length > 0) {
    for (const d of sortDiagnostics(errors)) console.error(formatDiagnostic(d));
    console.error(`build: ${errors.length} problem(s) in ${relative(process.cwd(), paths.content) || paths.content}; nothing built`);
    process.exit(2);
  }
  const out = resolve(process.env.MESHDOCS_DIST ?? resolve(projectRoot, 'dist'));
  const result = await buildInto(out, { inherit: true, args: rest });
  if (result.exitCode !== 0) console.error(`build: the site build failed (exit ${result.exitCode}); ${relative(process.cwd(), out) || out} is unchanged`);
  process.exitCode = result.exitCode === 0 ? 0 : 1;
} else {
  const result = await execa(process.execPath, [astroBin, ...args, ...rest], {
    stdio: 'inherit',
    reject: false,
    extendEnv: false,
    env: astroEnv(command as 'dev' | 'build' | 'preview'),
  });
  process.exitCode = result.exitCode ?? 1;
}
