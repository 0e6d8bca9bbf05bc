/** `npm run serve` answers on 127.0.0.1, re-renders what a page includes when it changes, and stops cleanly. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';

async function fetchUntil(url: string, wanted: string, seconds: number): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  let body = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      body = res.ok ? await res.text() : '';
      if (body.includes(wanted)) return body;
    } catch {
      // not listening yet, or restarting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return body;
}

test('the dev server serves a page on 127.0.0.1, live-reloads, and re-renders an edited boilerplate', async () => {
  const port = 43000 + Math.floor(Math.random() * 2000);
  const root = mkdtempSync(join(tmpdir(), 'meshdocs-serve-'));
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
  const page = `http://127.0.0.1:${port}/docs/guide/first/`;
  try {
    const body = await fetchUntil(page, 'First Steps', 90);
    expect(body, output).toContain('First Steps');
    expect(body).toContain('This sentence comes from a boilerplate.');
    // Astro's dev client (Vite HMR) is on the page: saving a file reloads it.
    expect(body).toContain('/@vite/client');
    expect(output).toContain(`http://127.0.0.1:${port}/`);

    // The page file is unchanged; only the boilerplate it includes is edited.
    const boilerplate = join(root, 'content/en/boilerplates/shared-note.md');
    writeFileSync(boilerplate, readFileSync(boilerplate, 'utf8').replace('comes from a boilerplate', 'was edited while serving'));
    const after = await fetchUntil(page, 'This sentence was edited while serving.', 60);
    expect(after, output).toContain('This sentence was edited while serving.');
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    await server;
  }
});
