/** The golden comparison of two builds (src/bench/compare-dist.ts): what it ignores and what it reports. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { compareDists, comparePage, normaliseBuiltHtml } from '../../src/bench/compare-dist.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dist(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'compare-dist-'));
  dirs.push(dir);
  for (const [page, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, page)), { recursive: true });
    writeFileSync(join(dir, page), html);
  }
  return dir;
}

test('hashed asset names are the only thing normalised', () => {
  expect(normaliseBuiltHtml('<link href="/_astro/print.DNXP8c50.css"><script src="/_astro/page.B3x-z_1a.js">')).toBe(
    '<link href="/_astro/print.[hash].css"><script src="/_astro/page.[hash].js">',
  );
  // Not an asset of Vite's: kept as it is.
  expect(normaliseBuiltHtml('<a href="/docs/page.abcdefgh.css">')).toBe('<a href="/docs/page.abcdefgh.css">');
  expect(comparePage('a.html', '<p>x</p><link href="/_astro/a.AAAAAAAA.css">', '<p>x</p><link href="/_astro/a.BBBBBBBB.css">')).toBeUndefined();
});

test('a page whose text differs is reported with the line and where the two part', () => {
  const d = comparePage('docs/x/index.html', '<head></head>\n<p>one “two”</p>\n', '<head></head>\n<p>one "two"</p>\n');
  expect(d).toEqual({ page: 'docs/x/index.html', line: 2, before: '<p>one “two”</p>', after: '<p>one "two"</p>' });
});

test('pages are compared one by one; missing and added pages are reported', () => {
  const before = dist({ 'index.html': '<p>a</p>', 'docs/a/index.html': '<p>a</p>', 'docs/gone/index.html': '<p>g</p>', 'x.css': 'a' });
  const after = dist({ 'index.html': '<p>a</p>', 'docs/a/index.html': '<p>b</p>', 'docs/new/index.html': '<p>n</p>', 'x.css': 'b' });
  const result = compareDists(before, after);
  expect(result.same).toBe(1);
  expect(result.changed.map((c) => c.page)).toEqual(['docs/a/index.html']);
  expect(result.missing).toEqual(['docs/gone/index.html']);
  expect(result.added).toEqual(['docs/new/index.html']);
});
