import { describe, expect, test } from 'vitest';
import { buildNavTree, flatten, pathTo, readingMinutes, seeAlso } from '../../src/site/nav-tree.ts';

const pages = [
  { slug: 'docs', title: 'Docs' },
  { slug: 'docs/b', title: 'Beta section', weight: 20 },
  { slug: 'docs/a', title: 'Alpha section', weight: 10 },
  { slug: 'docs/a/zeta', title: 'Zeta' },
  { slug: 'docs/a/eta', title: 'Eta' },
  { slug: 'docs/a/first', title: 'Zulu first', weight: 1 },
  { slug: 'docs/nopage/x', title: 'X in a folder without _index.md' },
  { slug: 'docs/b/hidden', title: 'Hidden', draft: true },
];

describe('navigation tree', () => {
  const root = buildNavTree(pages);

  test('weight first (unweighted last), then title', () => {
    expect(root.children.map((c) => c.slug)).toEqual(['docs/a', 'docs/b', 'docs/nopage']);
    expect(root.children[0]!.children.map((c) => c.label)).toEqual(['Zulu first', 'Eta', 'Zeta']);
  });

  test('drafts are left out; a folder without a page links to its first page', () => {
    expect(root.children[1]!.children).toEqual([]);
    const folder = root.children[2]!;
    expect(folder.hasPage).toBe(false);
    expect(folder.url).toBe('/docs/nopage/x/');
  });

  test('path to a page, and reading order', () => {
    expect(pathTo(root, 'docs/a/eta').map((n) => n.slug)).toEqual(['docs', 'docs/a', 'docs/a/eta']);
    expect(flatten(root).map((n) => n.slug)).toEqual(['docs', 'docs/a', 'docs/a/first', 'docs/a/eta', 'docs/a/zeta', 'docs/b', 'docs/nopage/x']);
  });
});

test('see also: most shared keywords first; skip_seealso pages neither list nor are listed', () => {
  const list = [
    { slug: 'p', title: 'P', keywords: ['a', 'b'] },
    { slug: 'q', title: 'Q', keywords: ['a'] },
    { slug: 'r', title: 'R', keywords: ['a', 'b'] },
    { slug: 's', title: 'S', keywords: ['a'], skip: true },
    { slug: 't', title: 'T', keywords: ['c'] },
  ];
  expect(seeAlso('p', list).map((x) => x.slug)).toEqual(['r', 'q']);
  expect(seeAlso('s', list)).toEqual([]);
});

test('reading time', () => {
  expect(readingMinutes('word '.repeat(450))).toBe(3);
  expect(readingMinutes('')).toBe(1);
});
