/**
 * `npm run serve | build | preview`: Astro with the project's defaults (127.0.0.1, no telemetry).
 * A build checks every page first (exit 2 with `file:line  rule  message` on bad input), then builds
 * into a staging directory that replaces the output only when the build succeeded (exit 1 if not).
 */
import { relative, resolve } from 'node:path';
import { defineCommand, exitCode, runCommand, UsageError, type CommandSpec } from '../cli/command.ts';
import { err, out, type Io } from '../cli/io.ts';
import { projectRoot, resolveContentPaths } from '../config/paths.ts';
import { formatDiagnostic, sortDiagnostics } from '../model/diagnostic.ts';
import { buildInto, runAstro } from './astro-process.ts';
import { isBuildCurrent } from './build-stamp.ts';
import { checkSiteInWorker } from './check-site-worker.ts';

const environment = 'Environment: MESHDOCS_CONTENT=<dir> serves or builds another content tree.';
const port = { type: 'string', value: '<n>', help: 'the port on 127.0.0.1 (default: 4321)' } as const;

const serverNotes = (more: string) => [more, 'Exit codes: 0 stopped, 1 the server failed, 2 bad invocation.'];

/** `npm run serve` and `npm run preview`: an Astro server on 127.0.0.1. */
const server = (name: string, astro: 'dev' | 'preview', summary: string, notes: string[]) =>
  defineCommand(name, { summary, options: { port }, passthrough: `options for astro ${astro}`, notes });

const serve = server('serve', 'dev', 'Serves the site on http://127.0.0.1:4321 and re-renders what a saved page changes (astro dev).', serverNotes(environment));

const build = defineCommand('build', {
  summary:
    'Checks every page, then builds the site into dist/ (astro build). A page with a problem stops the\n' +
    'build before Astro starts; a failed build leaves the previous one in place.',
  options: { force: { type: 'boolean', help: 'build even when the output is already a build of the same inputs' } },
  passthrough: 'options for astro build',
  notes: [
    'When the output is a completed build of exactly these inputs (every file of the content tree, data/,\n' +
      "the site's code and packages: its .meshdocs-build.json says so), nothing is built again.",
    `${environment} MESHDOCS_DIST=<dir> writes the build elsewhere.`,
    'Exit codes: 0 built, 1 the build failed, 2 bad input (a page with a problem) or bad invocation.',
  ],
});

const preview = server('preview', 'preview', 'Serves the last build (dist/, or MESHDOCS_DIST) on http://127.0.0.1:4321 (astro preview).', serverNotes('Environment: MESHDOCS_DIST=<dir> serves that build.'));

/** `dev` is `npm run serve`. */
export const commands = { dev: serve, build, preview } satisfies Record<string, CommandSpec>;

/** `main(['build', …flags], io)`: the first argument is Astro's command. */
export function main(argv: string[], io: Io): Promise<number> {
  const [name = '', ...rest] = argv;
  if (name === 'build') return runCommand(build, rest, io, ({ values, passthrough }) => runBuild(passthrough, io, values.force === true));
  if (name === 'dev' || name === 'preview') {
    return runCommand(commands[name], rest, io, ({ values, passthrough }) => runAstro(name, [...portArgs(values.port), ...passthrough], io.env));
  }
  err(io)(`error: unknown site command '${name}' (dev, build or preview)`);
  return Promise.resolve(exitCode.badInput);
}

function portArgs(value: string | undefined): string[] {
  if (value === undefined) return [];
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new UsageError(`--port must be a port number (1-65535), not '${value}'`);
  return ['--port', value];
}

async function runBuild(astroArgs: string[], io: Io, force: boolean): Promise<number> {
  const paths = resolveContentPaths(undefined, io.env);
  const { errors, warnings } = await checkSiteInWorker(paths);
  if (errors.length > 0) {
    for (const d of sortDiagnostics(errors)) err(io)(formatDiagnostic(d));
    err(io)(`build: ${errors.length} problem(s) in ${relative(io.cwd, paths.content) || paths.content}; nothing built`);
    return exitCode.badInput;
  }
  const dist = resolve(io.cwd, io.env.MESHDOCS_DIST ?? resolve(projectRoot, 'dist'));
  // Astro rebuilds everything it bundles and every page each time (a Vite build and page generation
  // with nothing changed: most of a warm build). An output stamped with the same inputs is that build.
  if (!force && astroArgs.length === 0 && isBuildCurrent(dist, paths)) {
    for (const d of sortDiagnostics(warnings)) err(io)(formatDiagnostic(d));
    out(io)(`build: ${relative(io.cwd, dist) || dist} is already the build of these inputs; nothing to build (--force builds it again)`);
    return exitCode.ok;
  }
  const result = await buildInto(dist, { inherit: true, args: astroArgs });
  if (result.exitCode !== 0) err(io)(`build: the site build failed (exit ${result.exitCode}); ${relative(io.cwd, dist) || dist} is unchanged`);
  return result.exitCode === 0 ? exitCode.ok : exitCode.findings;
}
