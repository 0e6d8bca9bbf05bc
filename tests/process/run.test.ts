/**
 * src/process: what every caller relies on. A result, not an exception, for a failing command;
 * stopping a command (timeout, abort, `stop()`) stops its whole process group, so a background
 * child does not outlive it nor keep its output pipe open.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run, runOrThrow, runSync, runSyncOrThrow, start } from '../../src/process/index.ts';
import { parseStat } from '../../src/runner/process-tree.ts';
import { tempDir } from '../runner/helpers.ts';

/** True while `pid` runs: a killed orphan stays a zombie until its reaper gets to it, and that is not running. */
function running(pid: number): boolean {
  try {
    return !(parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.zombie ?? true);
  } catch {
    return false; // gone
  }
}

/** Waits (bounded) for `pid` to stop running, and says whether it did. */
async function stops(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && running(pid); i++) await new Promise((ok) => setTimeout(ok, 50));
  return !running(pid);
}

/** Waits until `file` exists (a child wrote its PID there) and returns the PID. */
async function pidFrom(file: string): Promise<number> {
  for (let i = 0; i < 400 && !existsSync(file); i++) await new Promise((ok) => setTimeout(ok, 50));
  return Number(readFileSync(file, 'utf8'));
}

/** bash that starts a background `sleep` (its PID in `file`) and waits on a second one. */
const withBackgroundChild = (file: string) => ['-c', `sleep 300 & echo $! >${JSON.stringify(file)}; sleep 300`];

describe('run', () => {
  test('captures stdout, stderr and both, and returns a non-zero exit as a result', async () => {
    const r = await run('bash', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toMatchObject({ exitCode: 3, stdout: 'out', stderr: 'err', all: 'out\nerr', timedOut: false, cancelled: false, error: undefined, signal: undefined });
  });

  test('a command that does not exist: exit 127 and a message, no exception', async () => {
    const r = await run('meshdocs-no-such-command', []);
    expect(r.exitCode).toBe(127);
    expect(r.error).toMatch(/ENOENT/);
  });

  test('input, cwd, environment added or alone, final newline kept on request', async () => {
    const dir = tempDir('process-');
    const r = await run('bash', ['-c', 'cat; pwd; echo "$ADDED-${HOME:-none}"'], { input: 'in\n', cwd: dir, env: { ADDED: 'a' } });
    expect(r.stdout).toBe(`in\n${dir}\na-${process.env.HOME ?? 'none'}`);
    const alone = await run('/bin/bash', ['-c', 'echo "$ADDED-${HOME:-none}"'], { env: { ADDED: 'a' }, inheritEnv: false, stripFinalNewline: false });
    expect(alone.stdout).toBe('a-none\n');
  });

  test('a timeout stops the whole group: the background child goes too', async () => {
    const file = join(tempDir('process-'), 'pid');
    const r = await run('bash', withBackgroundChild(file), { timeoutMs: 1000, killGraceMs: 1000 });
    expect(r.timedOut).toBe(true);
    expect(r.error).toBe('timed out');
    expect(r.signal).toBe('SIGTERM');
    expect(r.exitCode).toBe(143);
    const child = Number(readFileSync(file, 'utf8'));
    expect(await stops(child)).toBe(true);
  });

  test('an abort stops it the same way', async () => {
    const file = join(tempDir('process-'), 'pid');
    const abort = new AbortController();
    const running = run('bash', withBackgroundChild(file), { signal: abort.signal });
    const child = await pidFrom(file);
    abort.abort();
    const r = await running;
    expect(r.cancelled).toBe(true);
    expect(r.timedOut).toBe(false);
    expect(await stops(child)).toBe(true);
  });

  test('runOrThrow and runSyncOrThrow throw on failure, naming the command and its last words', async () => {
    await expect(runOrThrow('bash', ['-c', 'echo why >&2; exit 4'])).rejects.toThrow(/^bash -c .*: exit 4\nwhy$/);
    expect(() => runSyncOrThrow('bash', ['-c', 'echo why >&2; exit 5'])).toThrow(/exit 5\nwhy/);
    expect((await runOrThrow('bash', ['-c', 'echo fine'])).stdout).toBe('fine');
  });

  test('runSync returns the same result shape', () => {
    expect(runSync('bash', ['-c', 'echo out; exit 2'])).toMatchObject({ exitCode: 2, stdout: 'out' });
    expect(runSync('meshdocs-no-such-command', []).exitCode).toBe(127);
  });
});

describe('start', () => {
  test('streams output, and stop() ends the process and its group', async () => {
    const file = join(tempDir('process-'), 'pid');
    const p = start('bash', ['-c', `echo ready; ${withBackgroundChild(file)[1]}`]);
    const child = await pidFrom(file);
    for (let i = 0; i < 100 && !p.output().includes('ready'); i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(p.output()).toBe('ready\n');
    expect(p.exited).toBe(false);
    const r = await p.stop();
    expect(p.exited).toBe(true);
    expect(r).toMatchObject({ cancelled: true, signal: 'SIGTERM', stdout: 'ready' });
    expect(await stops(child)).toBe(true);
  });

  test('kill() signals the process itself, which may handle it', async () => {
    const p = start('bash', ['-c', 'trap "echo got INT; exit 7" INT; echo ready; while :; do sleep 0.1; done']);
    for (let i = 0; i < 200 && !p.output().includes('ready'); i++) await new Promise((ok) => setTimeout(ok, 50));
    p.kill('SIGINT');
    const r = await p.result;
    expect(r.exitCode).toBe(7);
    expect(r.stdout).toBe('ready\ngot INT');
  });
});
