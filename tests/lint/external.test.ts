import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkExternal } from '../../src/lint/links/external.ts';

let server: Server;
let base: string;
let active = 0;
let maxActive = 0;
let flakyHits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    active++;
    maxActive = Math.max(maxActive, active);
    const done = (status: number) => setTimeout(() => {
      active--;
      res.writeHead(status).end();
    }, 20);
    if (req.url?.startsWith('/ok')) return done(200);
    if (req.url === '/gone') return done(404);
    if (req.url === '/head-not-allowed') return done(req.method === 'HEAD' ? 405 : 200);
    if (req.url === '/flaky') {
      flakyHits++;
      if (flakyHits === 1) {
        active--;
        req.socket.destroy(); // a network error on the first try
        return;
      }
      return done(200);
    }
    done(500);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('external links', () => {
  test('ok, broken, HEAD refused, flaky (retried), unreachable (network error), per-host limit', async () => {
    const urls = [...Array.from({ length: 8 }, (_, i) => `${base}/ok/${i}`), `${base}/gone`, `${base}/head-not-allowed`, `${base}/flaky`, 'http://127.0.0.1:9/closed'];
    const results = await checkExternal(urls, { perHost: 2, attempts: 3, backoffMs: 10, timeoutMs: 2000 });
    const state = Object.fromEntries(results.map((r) => [r.url.replace(base, ''), r.state]));
    expect(state['/ok/0']).toBe('ok');
    expect(state['/gone']).toBe('broken');
    expect(state['/head-not-allowed']).toBe('ok');
    expect(state['/flaky']).toBe('ok');
    expect(state['http://127.0.0.1:9/closed']).toBe('network');
    expect(results.find((r) => r.state === 'network')!.detail).toMatch(/after 3 attempts/);
    expect(maxActive).toBeLessThanOrEqual(2);
    expect(flakyHits).toBe(2);
  });
});
