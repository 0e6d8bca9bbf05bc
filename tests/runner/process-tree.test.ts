import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { environHolds, parseStat, selectMembers, type ProcEntry } from '../../src/runner/process-tree.ts';

const proc = (pid: number, ppid: number, pgrp: number, zombie = false): ProcEntry => ({ pid, ppid, pgrp, zombie });
const none = new Set<number>();

describe('selectMembers: which processes belong to a script', () => {
  // 100 is the runner, 200 the script's bash (group leader), 1 init.
  const procs = [
    proc(1, 0, 1),
    proc(100, 1, 100),
    proc(200, 100, 200),
    proc(201, 200, 200), // background job
    proc(300, 1, 300), // setsid daemon, orphaned
    proc(301, 300, 300), // its child
    proc(400, 200, 400), // left the group, cleared its environment; parent still the script
    proc(401, 400, 400),
    proc(500, 1, 500), // someone else's
    proc(600, 1, 200, true), // zombie of the group
  ];

  test('the process group and every descendant of it, but not the runner, init, zombies or strangers', () => {
    expect(selectMembers(procs, { pgid: 200, marked: none, inCgroup: none }, 100)).toEqual([200, 201, 400, 401]);
  });

  test('a process holding the marker brings its descendants', () => {
    expect(selectMembers(procs, { pgid: 200, marked: new Set([300]), inCgroup: none }, 100)).toEqual([200, 201, 300, 301, 400, 401]);
  });

  test('a process in the cgroup counts even with no other tie', () => {
    expect(selectMembers(procs, { pgid: 999, marked: none, inCgroup: new Set([301]) }, 100)).toEqual([301]);
  });

  test('the runner and init are never members, whatever the seeds say', () => {
    expect(selectMembers(procs, { pgid: 999, marked: new Set([1, 100]), inCgroup: none }, 100)).toEqual([]);
  });

  test('once the group is gone and nothing is marked, nothing is left', () => {
    expect(selectMembers([proc(1, 0, 1), proc(500, 1, 500)], { pgid: 200, marked: none, inCgroup: none }, 100)).toEqual([]);
  });
});

describe('parseStat', () => {
  // Fields after the name: state ppid pgrp session tty tpgid flags … starttime (the 22nd field).
  const rest = (state: string, ppid: number, pgrp: number, flags: number, start: number) =>
    `${state} ${ppid} ${pgrp} ${pgrp} 0 -1 ${flags} 0 0 0 0 1 2 0 0 20 0 1 0 ${start} 8429568 1000`;

  test('reads pid, state, ppid, process group, kernel-thread flag and start time', () => {
    expect(parseStat(`4242 (bash) ${rest('S', 4000, 4242, 4194560, 123456)}`)).toEqual({
      pid: 4242,
      ppid: 4000,
      pgrp: 4242,
      zombie: false,
      kernelThread: false,
      startTicks: 123456,
    });
    expect(parseStat(`9 (kworker/0:1) ${rest('I', 2, 0, 0x04208060, 5)}`)).toMatchObject({ kernelThread: true });
  });

  test('a command name holding ") " and spaces does not shift the fields', () => {
    expect(parseStat(`7 (a) Z 9 9 (b) ${rest('Z', 3, 5, 0, 77)}`)).toMatchObject({ pid: 7, ppid: 3, pgrp: 5, zombie: true, startTicks: 77 });
  });

  test('garbage or a cut-off line is undefined', () => {
    expect(parseStat('')).toBeUndefined();
    expect(parseStat('7 (a) S 1 7')).toBeUndefined();
  });

  test.skipIf(!existsSync('/proc/self/stat'))('this process reads as itself', () => {
    expect(parseStat(readFileSync('/proc/self/stat', 'utf8'))).toMatchObject({ pid: process.pid, ppid: process.ppid, zombie: false, kernelThread: false });
  });
});

describe('environHolds', () => {
  const env = (...entries: string[]) => Buffer.from(`${entries.join('\0')}\0`);
  const marker = Buffer.from('MESHDOCS_TEST_RUN=1-abc');

  test('finds the entry first, in the middle or last', () => {
    expect(environHolds(env('MESHDOCS_TEST_RUN=1-abc', 'A=b'), marker)).toBe(true);
    expect(environHolds(env('A=b', 'MESHDOCS_TEST_RUN=1-abc', 'C=d'), marker)).toBe(true);
    expect(environHolds(Buffer.from('A=b\0MESHDOCS_TEST_RUN=1-abc'), marker)).toBe(true);
  });

  test('a longer value, another variable ending in the name, or the text inside a value is not the entry', () => {
    expect(environHolds(env('MESHDOCS_TEST_RUN=1-abcd'), marker)).toBe(false);
    expect(environHolds(env('XMESHDOCS_TEST_RUN=1-abc'), marker)).toBe(false);
    expect(environHolds(env('A=MESHDOCS_TEST_RUN=1-abc'), marker)).toBe(false);
    expect(environHolds(env('A=b'), marker)).toBe(false);
  });
});
