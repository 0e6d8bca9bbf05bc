/**
 * Where a build's pages come from (`npm run bench -- istio-site` prints it): the tree's page files,
 * FAQ questions included, or the site itself; and which page files have no page, and why.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { accountPages } from '../../src/bench/page-account.ts';
import { resolveContentPaths } from '../../src/config/paths.ts';

const root = mkdtempSync(join(tmpdir(), 'page-account-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('page files with pages, pages the site makes, and page files without one: drafts, bundle resources, missing', () => {
  const files: Record<string, string> = {
    'index.md': 'title: Home',
    'about/faq/basics/index.md': 'title: Basics',
    'about/faq/basics/what.md': 'title: What?',
    'about/faq/basics/unbuilt.md': 'title: Unbuilt?',
    'events/index.md': 'title: Events',
    'events/banners/spring.md': 'title: Spring banner',
    'blog/old/index.md': 'title: Old\ndraft: true',
    'docs/lost/index.md': 'title: Lost\ntest: n/a',
    'glossary/term.md': 'title: Term',
  };
  for (const [rel, fm] of Object.entries(files)) {
    const file = join(root, 'content/en', rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `---\n${fm}\n---\n\nText.\n`);
  }
  const site = { pages: ['/', '/404.html', '/about/faq/basics/', '/about/faq/basics/what/', '/blog/page/2/', '/events/'], redirects: ['/old/'], shortcodeText: [] };
  expect(accountPages(site, resolveContentPaths(join(root, 'content')))).toEqual({
    fromFiles: 4,
    generated: ['/404.html', '/blog/page/2/'],
    notRendered: [
      { file: 'about/faq/basics/unbuilt.md', reason: 'missing' },
      { file: 'blog/old/index.md', reason: 'draft' },
      { file: 'docs/lost/index.md', reason: 'missing' },
      { file: 'events/banners/spring.md', reason: 'bundle resource' },
    ],
  });
});
