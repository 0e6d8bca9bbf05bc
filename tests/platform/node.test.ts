import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { runOrThrow } from '../../src/process/index.ts';

/**
 * The project brings its own Node (the `node` package in dependencies), so every script runs on it
 * whatever `node` the machine has. npm checks `engines` against the Node that runs npm, not this one,
 * so the check that matters (does every installed package accept the Node it runs on?) is here.
 */
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};
const pinned = pkg.dependencies.node!;

describe('the project Node', () => {
  test('is pinned exactly, to a version the project itself accepts, and .nvmrc names its major', () => {
    expect(semver.valid(pinned)).toBe(pinned);
    expect(semver.satisfies(pinned, pkg.engines.node)).toBe(true);
    expect(readFileSync(join(projectRoot, '.nvmrc'), 'utf8').trim()).toBe(String(semver.major(pinned)));
  });

  test('runs the tests', () => {
    expect(process.versions.node).toBe(pinned);
  });

  test('is the node that `npm exec` runs in the repository', async () => {
    const { stdout } = await runOrThrow('npm', ['exec', '--', 'node', '-p', 'process.versions.node'], { cwd: projectRoot });
    expect(stdout.trim()).toBe(pinned);
  });

  test("satisfies every installed package's engines.node", () => {
    const refused = Object.entries(lock.packages)
      // As npm's engine-strict: optional packages (platform binaries) that refuse a Node are not installed.
      .filter(([path, entry]) => path !== '' && !entry.optional)
      .flatMap(([path, entry]) => {
        const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
        return range && !semver.satisfies(pinned, range) ? [`${path}@${entry.version}: node ${range}`] : [];
      });
    expect(refused).toEqual([]);
  });
});
