import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { signalGroup, startGroupLeader, type Leader } from '../process/index.ts';
import { createScriptCgroup, type ScriptCgroup } from './cgroup.ts';

/** The environment variable every process of a script inherits; its value is unique per script run. */
export const MARKER_VARIABLE = 'MESHDOCS_TEST_RUN';

/** One process as `/proc/<pid>/stat` describes it. */
export interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  zombie: boolean;
}

/** What ties a process to the script: any one of these makes it a member. */
export interface MemberSeeds {
  /** The script's process group (its first process is the leader). */
  pgid: number;
  /** Processes whose environment holds the marker. */
  marked: ReadonlySet<number>;
  /** Processes in the script's cgroup. */
  inCgroup: ReadonlySet<number>;
}

/**
 * The processes that belong to a script: in its process group, holding its marker, or in its
 * cgroup, plus every descendant of those (a child that cleared its environment and left the
 * group is still found while its parent lives). Zombies are already dead and are left out, and
 * so are the runner itself and init, whatever the seeds say.
 */
export function selectMembers(procs: readonly ProcEntry[], seeds: MemberSeeds, self: number): number[] {
  // The runner, its ancestors and init are never members, nor a way to reach other processes:
  // a seed that names one of them (a reused PID, a marker copied by hand) must not reach the
  // runner's other children.
  const parent = new Map(procs.map((p) => [p.pid, p.ppid]));
  const never = new Set<number>([0, 1]);
  for (let p: number | undefined = self; p !== undefined && !never.has(p); p = parent.get(p)) never.add(p);
  const members = new Set<number>();
  for (const p of procs) {
    if (never.has(p.pid)) continue;
    if (p.pgrp === seeds.pgid || seeds.marked.has(p.pid) || seeds.inCgroup.has(p.pid)) members.add(p.pid);
  }
  const children = new Map<number, number[]>();
  for (const p of procs) {
    const siblings = children.get(p.ppid);
    if (siblings) siblings.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const queue = [...members];
  while (queue.length > 0) {
    for (const c of children.get(queue.pop()!) ?? []) {
      if (!members.has(c) && !never.has(c)) {
        members.add(c);
        queue.push(c);
      }
    }
  }
  const zombies = new Set(procs.filter((p) => p.zombie).map((p) => p.pid));
  return [...members].filter((pid) => !zombies.has(pid)).sort((a, b) => a - b);
}

/** What `/proc/<pid>/stat` says beyond the tree: enough to tell a process that is just starting. */
export interface ProcStat extends ProcEntry {
  kernelThread: boolean;
  /** Start time, in clock ticks since boot. */
  startTicks: number;
}

function isZombie(pid: number): boolean {
  return readStat(pid)?.zombie ?? false;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone
  }
}

const PF_KTHREAD = 0x00200000;
/** Linux reports times in /proc in USER_HZ, 100 on every architecture it runs on here. */
const TICKS_PER_SECOND = 100;
/** A process younger than this (2 s) with an empty environment may be one of ours inside execve. */
const STARTING_TICKS = 2 * TICKS_PER_SECOND;

function uptimeTicks(): number {
  try {
    return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * TICKS_PER_SECOND;
  } catch {
    return Infinity; // then nothing counts as starting
  }
}

/** Parses `/proc/<pid>/stat`; the command name in parentheses may hold anything, even `) `. */
export function parseStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number(text.slice(0, text.indexOf(' ')));
  // Fields 3 on (state, ppid, pgrp, …, flags at 9, …, starttime at 22).
  const f = text.slice(close + 2).split(' ');
  if (!Number.isInteger(pid) || f.length < 20) return undefined;
  return {
    pid,
    ppid: Number(f[1]),
    pgrp: Number(f[2]),
    zombie: f[0] === 'Z' || f[0] === 'X',
    kernelThread: (Number(f[6]) & PF_KTHREAD) !== 0,
    startTicks: Number(f[19]),
  };
}

/** True when `environ` (NUL-separated, as in `/proc/<pid>/environ`) holds exactly `entry`. */
export function environHolds(environ: Buffer, entry: Buffer): boolean {
  for (let at = environ.indexOf(entry); at >= 0; at = environ.indexOf(entry, at + 1)) {
    const end = at + entry.length;
    if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0)) return true;
  }
  return false;
}

/**
 * Tracks the processes of one script run, by three independent ties, so that the ways a test can
 * leave something running (background jobs, `nohup`, `setsid`, double forks, re-forking loops)
 * are all found:
 *
 * - the process group, which `startGroupLeader` gives the script;
 * - the marker `MESHDOCS_TEST_RUN=<id>` in the script's environment, which every descendant
 *   inherits through fork and exec unless it clears its environment (found in `/proc/*\/environ`);
 * - a cgroup v2 of its own, where this user may make one: nothing leaves it.
 *
 * Without `/proc` (macOS), only the process group is used.
 */
export class ProcessTree {
  readonly id = `${process.pid}-${randomUUID()}`;
  readonly cgroup: ScriptCgroup | undefined;
  private readonly marker = Buffer.from(`${MARKER_VARIABLE}=${this.id}`);
  private readonly procfs = existsSync('/proc/self/stat');
  /** The script's process group: the PID of its first process. */
  pgid: number | undefined;
  /** The script's first process said it is in the cgroup. */
  private joined = false;

  constructor(opts: { cgroup: boolean }) {
    this.cgroup = opts.cgroup && this.procfs ? createScriptCgroup(this.id) : undefined;
  }

  /**
   * Starts `bash <file>` as the script: leader of a new process group, with the marker in its
   * environment, and in the cgroup when there is one. There a `sh` moves itself in, says so on
   * fd 3 and becomes bash, so nothing of the script runs outside the cgroup.
   */
  spawn(file: string, opts: { cwd: string; env: NodeJS.ProcessEnv; output: number }): Leader {
    const env = { ...opts.env, [MARKER_VARIABLE]: this.id };
    if (!this.cgroup) {
      const child = startGroupLeader('bash', [file], { cwd: opts.cwd, env, output: opts.output });
      this.pgid = child.pid;
      return child;
    }
    const join = 'if echo 0 >"$1"; then echo joined >&3; fi 2>/dev/null; exec bash "$2" 3>&-';
    const child = startGroupLeader('sh', ['-c', join, 'sh', this.cgroup.procsFile, file], { cwd: opts.cwd, env, output: opts.output, reportPipe: true });
    this.pgid = child.pid;
    const said = child.said;
    said?.setEncoding('utf8');
    said?.on('data', (text: string) => {
      if (text.includes('joined')) this.joined = true;
    });
    said?.on('error', () => {});
    return child;
  }

  /** The script's processes now. */
  members(): number[] {
    return this.scan().pids;
  }

  /**
   * The script's processes, and whether some process we cannot place yet is starting. Once the
   * script is known to be in its cgroup, that is where they all are (a child cannot leave it),
   * and only they are looked at. Otherwise every process is, for the marker in its environment;
   * but while a process is inside execve its environment reads as empty, so a young process with
   * an empty one may be ours, and is looked at again (`starting`).
   */
  private scan(): { pids: number[]; starting: boolean } {
    if (!this.procfs) return { pids: this.pgid !== undefined && signalGroup(this.pgid, 0) ? [this.pgid] : [], starting: false };
    const pgid = this.pgid ?? -1;
    if (this.joined && this.cgroup) {
      const inCgroup = this.cgroup.pids();
      const procs = inCgroup.map(readStat).filter((p) => p !== undefined);
      return { pids: selectMembers(procs, { pgid, marked: new Set(), inCgroup: new Set(inCgroup) }, process.pid), starting: false };
    }
    const now = uptimeTicks();
    const procs: ProcEntry[] = [];
    const marked = new Set<number>();
    const blank = new Set<number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const entry = readStat(Number(name));
      if (!entry) continue;
      procs.push(entry);
      if (entry.zombie || entry.kernelThread || entry.pgrp === pgid) continue; // dead, not ours, or a member anyway
      try {
        const environ = readFileSync(`/proc/${name}/environ`);
        if (environHolds(environ, this.marker)) marked.add(entry.pid);
        else if (environ.length === 0 && now - entry.startTicks < STARTING_TICKS) blank.add(entry.pid);
      } catch {
        // gone while we looked, or another user's environment
      }
    }
    const pids = selectMembers(procs, { pgid, marked, inCgroup: new Set(this.cgroup?.pids()) }, process.pid);
    return { pids, starting: [...blank].some((p) => !pids.includes(p)) };
  }

  /**
   * Stops every process of the script: SIGTERM (and SIGCONT, so a stopped one sees it) to each,
   * again to any that appear, until none is left or `graceMs` has passed; then SIGKILL, in rounds,
   * until none is left (a process that re-forks as fast as it is killed gives up when its
   * parent dies). "None left" also waits for processes that are starting (see `scan`). Bounded:
   * after `killMs` of rounds, whatever remains is returned (never expected; reported so that
   * nothing hides).
   */
  async stop(graceMs: number, killMs = 5000): Promise<number[]> {
    const signalled = new Set<number>();
    const left = await this.stopRounds(graceMs, killMs, signalled);
    // Killed orphans stay zombies until init reaps them: give it a moment (as `kill -0` and
    // `ps` still list them), but never hang on an init that does not reap.
    const reaped = Date.now() + 5000;
    while ([...signalled].some(isZombie) && Date.now() < reaped) await sleep(20);
    return left;
  }

  private async stopRounds(graceMs: number, killMs: number, signalled: Set<number>): Promise<number[]> {
    let found = this.scan();
    // Once something had to be stopped, "none left" is believed after a second look: a process
    // that was between two states (forked, not yet exec'd; reparented) shows up in it.
    const done = async () => {
      if (found.pids.length > 0 || found.starting) return false;
      await sleep(50);
      found = this.scan();
      return found.pids.length === 0 && !found.starting;
    };
    if (found.pids.length === 0) {
      // Nothing left, unless a child is inside execve: give it a moment to show its marker.
      for (let i = 0; i < 20 && found.starting; i++) {
        await sleep(50);
        found = this.scan();
      }
      if (found.pids.length === 0) return [];
    }
    const termed = new Set<number>();
    const term = (pids: number[]) => {
      for (const pid of pids.filter((p) => !termed.has(p))) {
        termed.add(pid);
        signalled.add(pid);
        this.signal(pid, 'SIGTERM');
        this.signal(pid, 'SIGCONT');
      }
    };
    term(found.pids);
    const graceEnd = Date.now() + graceMs;
    while (Date.now() < graceEnd) {
      await sleep(100);
      found = this.scan();
      if (await done()) return [];
      term(found.pids);
    }
    const killEnd = Date.now() + killMs;
    for (;;) {
      this.cgroup?.kill();
      for (const pid of found.pids) {
        signalled.add(pid);
        this.signal(pid, 'SIGKILL');
      }
      await sleep(20);
      found = this.scan();
      if (await done()) return [];
      if (Date.now() >= killEnd) return found.pids;
    }
  }

  /** Removes the cgroup (after `stop`; the kernel may take a moment to empty it). */
  async dispose(): Promise<void> {
    for (let i = 0; this.cgroup && !this.cgroup.remove() && i < 50; i++) await sleep(20);
  }

  /**
   * Each member found by its own PID. Without /proc the only "member" is the group, so the
   * group gets the signal (with /proc a group signal could hit a new group that reused the ID
   * of one that is already empty).
   */
  private signal(pid: number, sig: NodeJS.Signals): void {
    if (this.procfs) signal(pid, sig);
    else if (this.pgid !== undefined) signalGroup(this.pgid, sig);
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already, or (EPERM) a process of another user that merely shares our marker
  }
}
