import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian packages the tests need and how to tell each is there. */
export const systemDeps = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'shellcheck', present: () => onPath('shellcheck') },
] as const;

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

export function missingSystemDeps(): string[] {
  return systemDeps.filter((d) => !d.present()).map((d) => d.pkg);
}
