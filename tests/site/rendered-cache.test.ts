/** The rendered pages kept between builds (src/site/rendered-cache.ts): by path and text, under the includes' digest. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/config/paths.ts';
import { RenderedPages } from '../../src/site/rendered-cache.ts';

const trees: string[] = [];
afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

function tree() {
  const root = mkdtempSync(join(tmpdir(), 'rendered-cache-'));
  trees.push(root);
  // A tree's cache goes once the tree is gone (src/cache/cache.ts): the tree exists.
  mkdirSync(join(root, 'content'));
  return resolveContentPaths(join(root, 'content'));
}

const html = (text: string) => ({ html: `<p>${text}</p>`, metadata: { headings: [], frontmatter: { date: new Date('2025-01-02T00:00:00Z') }, imagePaths: [] } });

test('a page is found again by its path and text, front matter dates and all', () => {
  const paths = tree();
  const first = new RenderedPages(paths, 'includes-1');
  expect(first.get('a.md', 'A')).toBeUndefined();
  first.set('a.md', 'A', html('a'));
  first.save();
  const again = new RenderedPages(paths, 'includes-1').get('a.md', 'A');
  expect(again?.html).toBe('<p>a</p>');
  expect(again?.metadata?.frontmatter?.date).toEqual(new Date('2025-01-02T00:00:00Z'));
  // Another text or another path is not that page.
  expect(new RenderedPages(paths, 'includes-1').get('a.md', 'A2')).toBeUndefined();
  expect(new RenderedPages(paths, 'includes-1').get('b.md', 'A')).toBeUndefined();
});

test('what pages include changed: nothing is found', () => {
  const paths = tree();
  const first = new RenderedPages(paths, 'includes-1');
  first.set('a.md', 'A', html('a'));
  first.save();
  expect(new RenderedPages(paths, 'includes-2').get('a.md', 'A')).toBeUndefined();
});

test('a build that renders some pages keeps the others; an edited page keeps its newest text only', () => {
  const paths = tree();
  const full = new RenderedPages(paths, 'i');
  full.set('a.md', 'A', html('a'));
  full.set('b.md', 'B', html('b'));
  full.save();
  const partial = new RenderedPages(paths, 'i');
  partial.set('a.md', 'A edited', html('a2'));
  partial.save();
  const next = new RenderedPages(paths, 'i');
  expect(next.get('a.md', 'A edited')?.html).toBe('<p>a2</p>');
  expect(next.get('a.md', 'A')).toBeUndefined();
  expect(next.get('b.md', 'B')?.html).toBe('<p>b</p>');
});
