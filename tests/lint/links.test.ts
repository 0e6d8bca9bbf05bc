import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/config/paths.ts';
import { lintLinks } from '../../src/lint/links/check-links.ts';
import { loadAllPages } from '../../src/model/content-tree.ts';

let server: Server;
let external: string;
beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(req.url === '/fine' ? 200 : 404).end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  external = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

test('external links only when asked, placed on the Markdown line; an alias redirecting elsewhere', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-links-'));
  write(root, {
    'content/en/docs/a/index.md': `---\ntitle: A\nowner: o\ntest: no\naliases:\n  - /docs/old-a/\n---\n\nSee [fine](${external}/fine).\n\nSee [gone](${external}/gone).\n`,
    'dist/docs/a/index.html': `<html><body><a href="${external}/fine">fine</a>\n<a href="${external}/gone">gone</a></body></html>`,
    'dist/docs/old-a/index.html': '<html><head><meta http-equiv="refresh" content="0;url=/docs/b/"></head></html>',
    'dist/docs/b/index.html': '<html><body>B</body></html>',
  });
  const paths = resolveContentPaths(join(root, 'content'));
  const display = (f: string) => relative(root, f);
  const options = { dist: join(root, 'dist'), paths, pages: loadAllPages(paths, display), display, absolute: (f: string) => join(root, f) };
  const internal = await lintLinks({ ...options, external: false });
  expect(internal.diagnostics.map((d) => `${d.file}:${d.line}  ${d.ruleId}`)).toEqual(['content/en/docs/a/index.md:6  link-alias']);
  expect(internal.diagnostics[0]!.message).toMatch(/redirects to \/docs\/b\/, not to this page \(\/docs\/a\/\)/);

  const all = await lintLinks({ ...options, external: true });
  expect(all.diagnostics.map((d) => `${d.file}:${d.line}  ${d.ruleId}`).sort()).toEqual([
    'content/en/docs/a/index.md:11  link-external',
    'content/en/docs/a/index.md:6  link-alias',
  ]);
  expect(all.checked).toBeGreaterThan(internal.checked);
});

test('a crawl follows only its own server: a link to another port on 127.0.0.1 is external', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-links-'));
  write(root, {
    'content/en/docs/a/index.md': `---\ntitle: A\nowner: o\ntest: no\n---\n\nSee [fine](${external}/fine).\n\nSee [gone](${external}/gone).\n`,
    'dist/docs/a/index.html': `<html><body><a href="${external}/fine">fine</a>\n<a href="${external}/gone">gone</a></body></html>`,
  });
  const paths = resolveContentPaths(join(root, 'content'));
  const display = (f: string) => relative(root, f);
  const options = { dist: join(root, 'dist'), paths, pages: loadAllPages(paths, display), display, absolute: (f: string) => join(root, f), engine: 'linkinator' as const };
  const internal = await lintLinks({ ...options, external: false });
  expect(internal.diagnostics).toEqual([]);
  const all = await lintLinks({ ...options, external: true });
  expect(all.diagnostics.map((d) => `${d.file}:${d.line}  ${d.ruleId}`)).toEqual(['content/en/docs/a/index.md:9  link-external']);
});

test('a broken link or anchor is reported on every page that writes it, relative links included', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-links-'));
  const page = (title: string, body: string) => `---\ntitle: ${title}\nowner: o\ntest: no\n---\n\n${body}\n`;
  write(root, {
    'content/en/docs/a/index.md': page('A', 'See [gone](/docs/gone/) and [b](../b/#nope).'),
    'content/en/docs/b/index.md': page('B', 'Also [gone](../gone/).\n\nAnd [here](#nope).'),
    'dist/docs/a/index.html': '<html><body><a href="/docs/gone/">gone</a> <a href="/docs/b/#nope">b</a></body></html>',
    'dist/docs/b/index.html': '<html><body><a href="/docs/gone/">gone</a> <a href="#nope">here</a></body></html>',
  });
  const paths = resolveContentPaths(join(root, 'content'));
  const display = (f: string) => relative(root, f);
  const report = await lintLinks({ dist: join(root, 'dist'), paths, pages: loadAllPages(paths, display), display, absolute: (f: string) => join(root, f), external: false });
  expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.ruleId}`).sort()).toEqual([
    'content/en/docs/a/index.md:7:5  link-broken',
    'content/en/docs/a/index.md:7:29  link-fragment',
    'content/en/docs/b/index.md:7:6  link-broken',
    'content/en/docs/b/index.md:9:5  link-fragment',
  ].sort());
});

test('the file scan and a linkinator crawl find the same problems on the seeded fixture', async () => {
  const { projectRoot } = await import('../../src/config/paths.ts');
  const root = join(projectRoot, 'tests/fixtures/lint/seeded');
  const paths = resolveContentPaths(join(root, 'content'));
  const display = (f: string) => relative(root, f);
  const base = { dist: join(root, 'dist'), paths, pages: loadAllPages(paths, display), display, absolute: (f: string) => join(root, f), external: false };
  const keys = (r: Awaited<ReturnType<typeof lintLinks>>) => r.diagnostics.map((d) => `${d.file}:${d.line}  ${d.ruleId}`).sort();
  const scan = await lintLinks({ ...base, engine: 'scan' });
  const crawl = await lintLinks({ ...base, engine: 'linkinator' });
  expect(keys(scan)).toEqual(keys(crawl));
  expect(keys(scan)).toHaveLength(4);
});
