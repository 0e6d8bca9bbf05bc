/**
 * Every command follows the one convention (src/cli): `--help` prints at least three lines of usage
 * and exits 0, `--no-such-flag` exits 2 naming the flag, and neither starts any work: no output
 * directory, no report, no server, nothing printed beyond the usage or the error.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main as benchMain } from '../../src/bench/cli.ts';
import type { Io } from '../../src/cli/io.ts';
import { projectRoot } from '../../src/config/paths.ts';
import { main as lintMain } from '../../src/lint/cli.ts';
import { main as compatMain } from '../../src/migrate/compat-cli.ts';
import { main as importMain } from '../../src/migrate/import-cli.ts';
import { main as doctestMain } from '../../src/runner/cli.ts';
import { main as siteMain } from '../../src/site/cli.ts';
import { main as snipsMain } from '../../src/snips/cli.ts';
import { main as suiteMain } from '../../src/suite/cli.ts';
import { memoryIo } from '../helpers/io.ts';
import { run as runProcess, type RunResult } from '../../src/process/index.ts';

type Main = (argv: string[], io: Io) => Promise<number>;

/** Each npm script and its `main`, called the way package.json calls the shim. */
const commands: { script: string; main: Main }[] = [
  { script: 'serve', main: (argv, io) => siteMain(['dev', ...argv], io) },
  { script: 'build', main: (argv, io) => siteMain(['build', ...argv], io) },
  { script: 'preview', main: (argv, io) => siteMain(['preview', ...argv], io) },
  { script: 'snips', main: snipsMain },
  { script: 'test:docs', main: doctestMain },
  { script: 'lint', main: lintMain },
  { script: 'lint:fast', main: (argv, io) => lintMain(['--fast', ...argv], io) },
  { script: 'import:hugo', main: importMain },
  { script: 'compat', main: compatMain },
  { script: 'bench', main: async (argv, io) => benchMain(argv, io) },
  { script: 'test', main: suiteMain },
];

/** A scratch directory as cwd, with the content tree and the build output pointed inside it: whatever a command wrote would land there. */
function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'cli-convention-'));
  return { dir, env: { MESHDOCS_CONTENT: join(dir, 'content'), MESHDOCS_DIST: join(dir, 'dist'), CI: '' } };
}

describe.concurrent('main(argv, io) of every command', () => {
  test.for(commands)('$script --help: usage on stdout, exit 0, nothing done', async ({ main }) => {
    const { dir, env } = scratch();
    const io = memoryIo({ cwd: dir, env });
    expect(await main(['--help'], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toMatch(/^Usage: npm (run [a-z:]+|test) -- /);
    expect(io.out()).toContain('-h, --help');
    expect(io.err()).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  test.for(commands)('$script --no-such-flag: exit 2 naming the flag, nothing done', async ({ main }) => {
    const { dir, env } = scratch();
    const io = memoryIo({ cwd: dir, env });
    expect(await main(['--no-such-flag'], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('error: unknown option --no-such-flag');
    expect(io.err()).toMatch(/^Run 'npm (run [a-z:]+|test) -- --help' for the options\.$/m);
    expect(io.out()).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** True while something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });
}

// One at a time: a dozen npm and node start-ups at once are what makes a loaded 2-core machine time out.
describe('npm run <command>, end to end', () => {
  const npm = (script: string, args: string[], env: Record<string, string>) =>
    runProcess('npm', [...(script === 'test' ? ['test'] : ['run', script]), '--silent', '--', ...args], { cwd: projectRoot, env: { ...env, NO_COLOR: '1' } });

  /** Arguments that would make each command write into the scratch directory (or listen) had it started. */
  const target = (script: string, dir: string, port: number): string[] => {
    if (script === 'serve' || script === 'preview') return ['--port', String(port)];
    if (script === 'test:docs') return ['--report-dir', join(dir, 'report')];
    if (script === 'import:hugo') return [join(projectRoot, 'tests/fixtures/migrate/hugo-site'), join(dir, 'imported')];
    if (script === 'compat') return ['--keep', join(dir, 'kept'), join(projectRoot, 'tests/fixtures/migrate/hugo-site')];
    return [];
  };

  // Every command's bad flag, and the help of one that would start a server; main() above covers each --help.
  const runs = [...commands.map(({ script }) => ({ script, flag: '--no-such-flag' })), { script: 'serve', flag: '--help' }];
  test.for(runs)(
    'npm run $script -- $flag',
    async ({ script, flag }) => {
      const { dir, env } = scratch();
      const port = 40000 + Math.floor(Math.random() * 20000);
      const r = await execaResult(npm(script, [...target(script, dir, port), flag], env));
      if (flag === '--help') {
        expect(r.exitCode, r.stderr).toBe(0);
        expect(r.stdout.trimEnd().split('\n').length).toBeGreaterThanOrEqual(3);
        expect(r.stdout).toMatch(/^Usage: npm /);
        expect(r.stderr).toBe('');
      } else {
        expect(r.exitCode, r.stdout).toBe(2);
        expect(r.stderr).toContain('error: unknown option --no-such-flag\n');
        expect(r.stdout).toBe('');
      }
      expect(readdirSync(dir)).toEqual([]);
      if (script === 'serve' || script === 'preview') expect(await listening(port)).toBe(false);
    },
  );

  test('npm test -- --help creates no out/ (the shim, run from a scratch directory)', async () => {
    const { dir } = scratch();
    const r = await runProcess(process.execPath, [join(projectRoot, 'scripts/test.ts'), '--help'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

async function execaResult(run: Promise<RunResult>) {
  const r = await run;
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}
