import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cgroup v2 made for one script: every process the script starts stays in it, whatever it does
 * to its session, process group or environment, so it can be listed and killed as one (the
 * kernel's `cgroup.kill`). Only where this user may make one: root, or a delegated subtree
 * (systemd `Delegate=yes`, a user session's scope). CI runners usually may not; the runner then
 * relies on the process group and the environment marker alone (see `process-tree.ts`).
 */
export interface ScriptCgroup {
  dir: string;
  /** Written to by the script's first process to move itself in (`echo 0 >…`). */
  procsFile: string;
  /** The processes in it now. */
  pids(): number[];
  /** SIGKILL to every process in it, atomically with respect to forks. False without `cgroup.kill`. */
  kill(): boolean;
  /** Removes it once empty; false if something is still in it. */
  remove(): boolean;
}

const PREFIX = 'meshdocs-';

/** The directory of this process's own cgroup v2, or undefined when there is none. */
export function ownCgroupDir(): string | undefined {
  try {
    const line = readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('0::'));
    if (!line) return undefined;
    const mount = cgroup2Mount();
    if (!mount) return undefined;
    // "0::/" in a hybrid set-up or a container namespace: the mount is our cgroup.
    return join(mount, line.slice(3));
  } catch {
    return undefined;
  }
}

/** Where the cgroup2 file system is mounted (`/sys/fs/cgroup`, or `/sys/fs/cgroup/unified` in hybrid mode). */
function cgroup2Mount(): string | undefined {
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const [before, after] = line.split(' - ');
    if (!after?.startsWith('cgroup2 ')) continue;
    const point = before!.split(' ')[4];
    // mountinfo escapes blanks and backslashes as octal.
    if (point) return point.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  }
  return undefined;
}

/**
 * Makes `meshdocs-<id>` below this process's cgroup, or returns undefined when that is not
 * possible (no cgroup v2, not ours to write). Also removes empty ones that runners which died
 * left behind.
 */
export function createScriptCgroup(id: string): ScriptCgroup | undefined {
  const parent = ownCgroupDir();
  if (!parent) return undefined;
  const dir = join(parent, `${PREFIX}${id}`);
  try {
    mkdirSync(dir);
  } catch {
    return undefined;
  }
  const procsFile = join(dir, 'cgroup.procs');
  pruneStale(parent, dir);
  return {
    dir,
    procsFile,
    pids: () => readPids(procsFile),
    kill: () => {
      const file = join(dir, 'cgroup.kill');
      if (!existsSync(file)) return false;
      try {
        writeFileSync(file, '1');
        return true;
      } catch {
        return false;
      }
    },
    remove: () => removeTree(dir),
  };
}

/** True when a script cgroup can be made here (tests use it to choose what to expect). */
export function cgroupAvailable(): boolean {
  const probe = createScriptCgroup(`probe-${process.pid}-${Date.now()}`);
  return probe?.remove() ?? false;
}

/**
 * rmdir, children first: a runner inside a doc test (a test of the runner) makes its cgroups
 * below ours, and when it is killed they stay behind, empty, and would keep ours from going.
 */
function removeTree(dir: string): boolean {
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) removeTree(join(dir, entry.name));
    }
    rmdirSync(dir);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function readPids(procsFile: string): number[] {
  try {
    return readFileSync(procsFile, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Empty `meshdocs-<pid>-…` cgroups whose runner is gone (a populated one fails to rmdir, and stays). */
function pruneStale(parent: string, mine: string): void {
  try {
    for (const name of readdirSync(parent)) {
      const owner = /^meshdocs-(?:probe-)?(\d+)-/.exec(name)?.[1];
      if (!owner || join(parent, name) === mine || pidExists(Number(owner))) continue;
      removeTree(join(parent, name)); // fails, and stays, while populated
    }
  } catch {
    // unreadable parent: nothing to prune
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
