/** One Astro build of a checkout at a time (src/site/build-lock.ts): they share `<project>/.astro/`. */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { withBuildLock } from '../../src/site/build-lock.ts';

test('two holders never overlap, and both run', async () => {
  const root = mkdtempSync(join(tmpdir(), 'build-lock-'));
  const events: string[] = [];
  const work = (name: string) => async () => {
    events.push(`${name} in`);
    await sleep(300);
    events.push(`${name} out`);
    return name;
  };
  const results = await Promise.all([withBuildLock(root, work('a')), withBuildLock(root, work('b'))]);
  expect(results).toEqual(['a', 'b']);
  expect(events).toHaveLength(4);
  expect(events[1]).toBe(`${events[0]!.split(' ')[0]} out`);
  expect(events[3]).toBe(`${events[2]!.split(' ')[0]} out`);
});

test('a lock left by a process that is gone is taken over; the lock is released after a failure', async () => {
  const root = mkdtempSync(join(tmpdir(), 'build-lock-'));
  mkdirSync(join(root, 'astro-build.lock'));
  writeFileSync(join(root, 'astro-build.lock', 'pid'), '2147483646');
  await expect(withBuildLock(root, async () => 'ran')).resolves.toBe('ran');
  await expect(withBuildLock(root, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  await expect(withBuildLock(root, async () => 'again')).resolves.toBe('again');
});

test('a lock whose owner died before writing its pid is taken over once it is old; a fresh one is waited for', async () => {
  const root = mkdtempSync(join(tmpdir(), 'build-lock-'));
  const lock = join(root, 'astro-build.lock');
  mkdirSync(lock);
  const old = new Date(Date.now() - 60_000);
  utimesSync(lock, old, old);
  await expect(withBuildLock(root, async () => 'ran')).resolves.toBe('ran');

  mkdirSync(lock);
  let done = false;
  const waiting = withBuildLock(root, async () => (done = true));
  await sleep(500);
  expect(done).toBe(false);
  writeFileSync(join(lock, 'pid'), '2147483646');
  await waiting;
  expect(done).toBe(true);
});
