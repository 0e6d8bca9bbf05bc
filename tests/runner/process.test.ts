import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cgroupAvailable, ownCgroupDir } from '../../src/runner/cgroup.ts';
import { runScript, type ScriptOptions } from '../../src/runner/process.ts';
import { tempDir } from './helpers.ts';

/**
 * Every process a script starts carries a token (in its command line, and in its environment
 * unless it clears it): a process holding it after `runScript` resolves survived the test. The
 * token, not the PID alone, says whether a process is ours, so a reused PID cannot fail a test.
 */
interface Started {
  token: string;
  dir: string;
  pidsFile: string;
}

/** Called when each test ends, pass or fail: nothing of it may stay behind on the machine. */
type OnFinished = (fn: () => Promise<void>) => void;

function kill(pid: number) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Running (not zombie) processes whose command line or environment holds `token`. */
function holders(token: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${name}/environ`, 'utf8');
      if (cmdline.includes(token) || environ.includes(token)) out.push(Number(name));
    } catch {
      // gone while we looked, or not ours to read
    }
  }
  return out;
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '(gone)';
  }
}

/** The `<what> <pid>` lines the script's processes wrote about themselves. */
function recorded(s: Started): Map<string, number> {
  const text = existsSync(s.pidsFile) ? readFileSync(s.pidsFile, 'utf8') : '';
  return new Map(text.split('\n').filter(Boolean).map((l) => [l.split(' ')[0]!, Number(l.split(' ')[1])]));
}

/**
 * Writes a script whose body starts processes that try to outlive it. `$TOKEN` is in each one's
 * command line; `started <n>` waits (bounded) until n of them have written their PIDs.
 */
function script(onTestFinished: OnFinished, body: string): Started & { file: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir('doctest-process-');
  const token = `meshdocs-token-${randomUUID()}`;
  const pidsFile = join(dir, 'pids');
  const file = join(dir, 'test.sh');
  writeFileSync(
    file,
    `started() { for _ in $(seq 1200); do [ "$(wc -l <"$PIDS" 2>/dev/null || echo 0)" -ge "$1" ] && return 0; sleep 0.05; done; return 1; }\n${body}\n`,
  );
  const s = { token, dir, pidsFile };
  onTestFinished(async () => {
    // In rounds: a re-forking process may start more while we kill.
    for (let i = 0; i < 100; i++) {
      const left = holders(token);
      if (left.length === 0) return;
      for (const pid of left) kill(pid);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  });
  return { ...s, file, env: { PATH: process.env.PATH, TOKEN: token, PIDS: pidsFile } };
}

const opts = (s: { dir: string; env: NodeJS.ProcessEnv }, more: Partial<ScriptOptions> = {}): ScriptOptions => ({
  cwd: s.dir,
  env: s.env,
  outputFile: join(s.dir, 'output.txt'),
  timeoutMs: 60_000,
  killGraceMs: 300,
  ...more,
});

/** Each way a process can leave a script behind, each recording its own PID. */
const escapes = String.raw`
bash -c 'echo "background $$" >>"$PIDS"; sleep 3001; : '"$TOKEN" &
nohup bash -c 'echo "nohup $$" >>"$PIDS"; sleep 3001; : '"$TOKEN" >/dev/null 2>&1 &
setsid bash -c 'echo "setsid $$" >>"$PIDS"; sleep 3001; : '"$TOKEN" </dev/null >/dev/null 2>&1 &
( bash -c 'echo "double-fork $$" >>"$PIDS"; sleep 3001; : '"$TOKEN" & ) &
( setsid bash -c 'echo "daemon $$" >>"$PIDS"; exec nohup bash -c "sleep 3001; : $TOKEN"' </dev/null >/dev/null 2>&1 & ) &
setsid bash -c 'echo "term-ignoring $$" >>"$PIDS"; trap "" TERM; sleep 3001; : '"$TOKEN" </dev/null >/dev/null 2>&1 &
setsid bash -c 'echo "re-forking $$" >>"$PIDS"; trap "" TERM; while :; do ( setsid bash -c "sleep 3001; : $TOKEN" & ); sleep 0.02; done' </dev/null >/dev/null 2>&1 &
started 7
`;
const kinds = ['background', 'nohup', 'setsid', 'double-fork', 'daemon', 'term-ignoring', 're-forking'];

/** The PIDs each escape recorded, and the check that none of them (nor anything else) is left. */
function expectNothingLeft(s: Started, expected: string[]) {
  const pids = recorded(s);
  expect([...pids.keys()].sort()).toEqual([...expected].sort());
  const left = holders(s.token);
  for (const [what, pid] of pids) expect(left.includes(pid), `${what} ${pid} survived`).toBe(false);
  const output = readFileSync(join(s.dir, 'output.txt'), 'utf8');
  const ps = left.map((pid) => `${pid} ${readProc(pid, 'stat')} ${readProc(pid, 'cmdline').replaceAll('\0', ' ')}`).join('\n');
  expect(left, `processes holding the token (recorded: ${JSON.stringify([...pids])}):\n${ps}\nthe script's output:\n${output}`).toEqual([]);
}

const layers = [
  { name: 'process group, environment marker and cgroup', cgroup: true },
  { name: 'process group and environment marker, no cgroup', cgroup: false },
];

describe.concurrent.each(layers)('runScript stops every process of a script: $name', ({ cgroup }) => {
  test('the issue line: a setsid daemon started in the background does not outlive the script', async ({ onTestFinished }) => {
    const s = script(onTestFinished, 'setsid bash -c "sleep 3001; : $TOKEN" </dev/null >/dev/null 2>&1 & sleep 1');
    const run = await runScript(s.file, opts(s, { cgroup }));
    expect(run.exitCode, JSON.stringify(run) + readFileSync(join(s.dir, 'output.txt'), 'utf8')).toBe(0);
    expect(holders(s.token)).toEqual([]);
  });

  test('after a normal exit: background, nohup, setsid, double fork, daemon, TERM-ignoring, re-forking', async ({ onTestFinished }) => {
    const s = script(onTestFinished, escapes);
    const run = await runScript(s.file, opts(s, { cgroup }));
    expect(run.exitCode, readFileSync(join(s.dir, 'output.txt'), 'utf8')).toBe(0);
    expectNothingLeft(s, kinds);
  });

  test('at the timeout', async ({ onTestFinished }) => {
    const s = script(onTestFinished, `${escapes}\necho "shell $$" >>"$PIDS"\nsleep 3001`);
    const run = await runScript(s.file, opts(s, { cgroup, timeoutMs: 10_000 }));
    expect(run.timedOut).toBe(true);
    expectNothingLeft(s, [...kinds, 'shell']);
  });

  test('on an interrupt (the first SIGINT aborts the run)', async ({ onTestFinished }) => {
    const s = script(onTestFinished, `${escapes}\necho "shell $$" >>"$PIDS"\nsleep 3001`);
    const stop = new AbortController();
    const running = runScript(s.file, opts(s, { cgroup, signal: stop.signal }));
    for (let i = 0; i < 400 && recorded(s).size < kinds.length + 1; i++) await new Promise((ok) => setTimeout(ok, 50));
    stop.abort();
    const run = await running;
    expect(run.interrupted).toBe(true);
    expectNothingLeft(s, [...kinds, 'shell']);
  });

  test('a child that clears its environment is still stopped while its parent runs', async ({ onTestFinished }) => {
    const s = script(onTestFinished, 
      `env -i PIDS="$PIDS" TOKEN="$TOKEN" setsid bash -c 'echo "no-env $$" >>"$PIDS"; sleep 3001; : '"$TOKEN" </dev/null >/dev/null 2>&1 &\nstarted 1\nsleep 3001`,
    );
    const run = await runScript(s.file, opts(s, { cgroup, timeoutMs: 10_000 }));
    expect(run.timedOut).toBe(true);
    expectNothingLeft(s, ['no-env']);
  });
});

describe.skipIf(!cgroupAvailable())('with a cgroup (cgroup v2 writable here)', () => {
  test('the script runs in a cgroup of its own below the runner\'s, removed afterwards', async ({ onTestFinished }) => {
    const s = script(onTestFinished, 'grep "^0::" /proc/self/cgroup; bash -c "grep ^0:: /proc/self/cgroup"');
    const run = await runScript(s.file, opts(s, { cgroup: true }));
    expect(run.exitCode).toBe(0);
    const lines = readFileSync(join(s.dir, 'output.txt'), 'utf8').trim().split('\n');
    const own = readFileSync('/proc/self/cgroup', 'utf8').split('\n').find((l) => l.startsWith('0::'))!;
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(lines[0]);
    expect(lines[0]!.startsWith(`${own.replace(/\/$/, '')}/meshdocs-${process.pid}-`), lines[0]).toBe(true);
    expect(existsSync(join(ownCgroupDir()!, lines[0]!.slice(own.length)))).toBe(false);
  });

  test('an orphaned daemon that cleared its environment is stopped too', async ({ onTestFinished }) => {
    const s = script(onTestFinished, 
      `( env -i PIDS="$PIDS" TOKEN="$TOKEN" setsid bash -c 'echo "no-env $$" >>"$PIDS"; sleep 3001; : '"$TOKEN" </dev/null >/dev/null 2>&1 & )\nstarted 1`,
    );
    const run = await runScript(s.file, opts(s, { cgroup: true }));
    expect(run.exitCode).toBe(0);
    expectNothingLeft(s, ['no-env']);
  });
});
