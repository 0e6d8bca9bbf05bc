/** `npm run serve` answers on 127.0.0.1 and stops cleanly. */
import { join } from 'node:path';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';

test('the dev server serves a page on 127.0.0.1 and live-reloads', async () => {
  const port = 43000 + Math.floor(Math.random() * 2000);
  const server = execa('npm', ['run', 'serve', '--', '--port', String(port)], {
    cwd: projectRoot,
    env: { MESHDOCS_CONTENT: join(projectRoot, 'tests/fixtures/site/basic/content'), NO_COLOR: '1' },
    detached: true,
    reject: false,
    all: true,
  });
  let output = '';
  server.all?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const deadline = Date.now() + 90_000;
    let body = '';
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/docs/guide/first/`);
        if (res.ok) {
          body = await res.text();
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(body, output).toContain('First Steps');
    // Astro's dev client (Vite HMR) is on the page: saving a file reloads it.
    expect(body).toContain('/@vite/client');
    expect(output).toContain(`http://127.0.0.1:${port}/`);
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    await server;
  }
});
