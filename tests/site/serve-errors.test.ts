/**
 * The dev server on bad saves: a page with bad YAML or an unclosed fence is reported as the build
 * reports it (`file:line  rule  message`, no Astro UnhandledRejection), and of two quick saves the
 * latest is the one served.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';

async function until(check: () => Promise<boolean> | boolean, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if (await check()) return true;
    } catch {
      // not listening yet, or restarting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

test('bad saves are reported with file:line, and the latest save is served', { timeout: 300_000 }, async () => {
  const port = 45000 + Math.floor(Math.random() * 2000);
  const root = mkdtempSync(join(tmpdir(), 'meshdocs-serve-errors-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  const server = execa('npm', ['run', 'serve', '--', '--port', String(port)], {
    cwd: projectRoot,
    env: { MESHDOCS_CONTENT: join(root, 'content'), NO_COLOR: '1' },
    detached: true,
    reject: false,
    all: true,
  });
  let output = '';
  server.all?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/docs/guide/second/`;
  const body = async () => (await fetch(url)).text();
  const file = join(root, 'content/en/docs/guide/second/index.md');
  const shown = relative(projectRoot, file);
  const good = readFileSync(file, 'utf8');
  try {
    expect(await until(async () => (await body()).includes('Second Steps'), 120), output).toBe(true);

    writeFileSync(file, good.replace('---\n', '---\nbroken: [a, b\n'));
    const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(await until(() => new RegExp(`${escaped}:\\d+  frontmatter  invalid YAML`).test(output), 60), output).toBe(true);
    expect(output).not.toMatch(/UnhandledRejection|YAMLException/);

    writeFileSync(file, `${good}\n\`\`\`yaml\na: 1\n`);
    expect(await until(() => new RegExp(`${escaped}:\\d+  unclosed-fence  code fence`).test(output), 60), output).toBe(true);

    // Two saves in quick succession: the second is what the server shows, and keeps showing.
    writeFileSync(file, good.concat('\nFirst quick save.\n'));
    writeFileSync(file, good.concat('\nSecond quick save.\n'));
    expect(await until(async () => (await body()).includes('Second quick save.'), 60), output).toBe(true);
    // The first save's reload, finishing late, must not bring the first version back.
    expect(await until(async () => (await body()).includes('First quick save.'), 10)).toBe(false);
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    await server;
  }
});
