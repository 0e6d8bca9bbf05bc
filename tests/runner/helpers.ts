import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../src/config/paths.ts';
import { run } from '../../src/process/index.ts';

export const libDir = join(projectRoot, 'tests', 'util');
export const fixtures = join(projectRoot, 'tests', 'fixtures', 'doctest');
export const site = join(fixtures, 'site');
export const siteDocs = join(site, 'content', 'en', 'docs');

export const tempDir = (prefix = 'doctest-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Runs a bash snippet with the verify library loaded (no runner prelude). */
export async function bashWithLib(script: string, env: Record<string, string> = {}) {
  const text = `source ${JSON.stringify(join(libDir, 'verify.sh'))}\nsource ${JSON.stringify(join(libDir, 'helpers.sh'))}\n${script}`;
  const r = await run('bash', ['-c', text], { env: { VERIFY_DELAY: '0', ...env } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), all: String(r.all) };
}

/** Runs `npm run test:docs` in-process-free form: `node scripts/doctest.ts …`. */
export function doctestCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return run(process.execPath, [resolve(projectRoot, 'scripts/doctest.ts'), ...args], {
    cwd: opts.cwd ?? projectRoot,
    env: { ...opts.env, CI: opts.env?.CI ?? '' },
  });
}

/** True while a process exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
