import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One Astro build of this checkout at a time. Astro writes `<project>/.astro/content-assets.mjs`
 * (and the rest of `.astro/`) during content sync whatever its `outDir` and `cacheDir`, through a
 * `.tmp` file it renames: two builds at once (two outputs, or a build beside lint's partial build)
 * rename each other's file away and one fails with ENOENT. The lock is a directory (mkdir is atomic)
 * holding the owner's pid, so a lock left by a killed process is taken over.
 */
export async function withBuildLock<T>(lockRoot: string, work: () => Promise<T>): Promise<T> {
  const lock = join(lockRoot, 'astro-build.lock');
  mkdirSync(lockRoot, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!ownerAlive(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await sleep(200);
    }
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // No pid yet: just created (the owner is alive), unless it has stayed so for longer than writing
    // one file takes (its owner died between the two steps).
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
