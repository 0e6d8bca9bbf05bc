import { existsSync } from 'node:fs';
import { onPath } from '../process/index.ts';

/** Debian packages the tests need and how to tell each is there. */
export const systemDeps = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'shellcheck', present: () => onPath('shellcheck') },
] as const;

export function missingSystemDeps(): string[] {
  return systemDeps.filter((d) => !d.present()).map((d) => d.pkg);
}
