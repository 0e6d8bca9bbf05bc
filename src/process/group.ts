import { onExit } from 'signal-exit';

/**
 * Sends `sig` to every process of the group `pgid` (0 only asks whether it exists). False when the
 * group no longer exists; a group of another user (EPERM) still exists.
 */
export function signalGroup(pgid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, sig);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    if ((e as NodeJS.ErrnoException).code === 'EPERM') return true;
    throw e;
  }
}

/** Groups started by `start` that are still running. */
const live = new Set<number>();
let hooked = false;

/**
 * A group leader is not killed by the terminal's Ctrl-C, nor by execa's `cleanup` (which skips
 * detached processes), so this process stops the groups it started when it exits, by a signal
 * too (signal-exit, as execa does for its own children).
 */
export function rememberGroup(pgid: number): void {
  live.add(pgid);
  if (hooked) return;
  hooked = true;
  onExit(() => {
    for (const g of live) {
      try {
        process.kill(-g, 'SIGTERM');
      } catch {
        // gone already
      }
    }
  });
}

export function forgetGroup(pgid: number): void {
  live.delete(pgid);
}
