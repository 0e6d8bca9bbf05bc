/**
 * The one walk of a content tree: a symbolic link loop, a link out of the tree, a directory named
 * like a page and a FIFO named like a page are reported with their path, never followed or read.
 * Every lister of the tree (pages, test scripts, snips files) goes through it.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/config/paths.ts';
import { findTestScripts } from '../../src/lint/scripts/discover.ts';
import { listMarkdown, loadAllPages, walkContent } from '../../src/model/content-tree.ts';
import { walkTree } from '../../src/model/tree-walk.ts';
import { listTestScripts } from '../../src/runner/discover.ts';
import { runSyncOrThrow } from '../../src/process/index.ts';

const page = (title: string) => `---\ntitle: ${title}\ntest: no\n---\n\nBody.\n`;

/** A tree holding one of each thing the walk must refuse, beside ordinary pages. */
function hostileTree(): { root: string; content: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'meshdocs-walk-'));
  const content = join(root, 'content');
  const docs = join(content, 'en/docs');
  const outside = mkdtempSync(join(tmpdir(), 'meshdocs-outside-'));
  writeFileSync(join(outside, 'secret.md'), page('Secret'));
  for (const dir of ['a', 'loop', 'b']) mkdirSync(join(docs, dir), { recursive: true });
  writeFileSync(join(docs, 'a/index.md'), page('A'));
  writeFileSync(join(docs, 'a/test.sh'), '# @setup: none\n');
  writeFileSync(join(docs, 'loop/index.md'), page('Loop'));
  symlinkSync('.', join(docs, 'loop/self')); // ln -s . docs/loop/self
  symlinkSync('..', join(docs, 'loop/up'));
  symlinkSync(outside, join(docs, 'b/elsewhere'));
  symlinkSync(join(outside, 'secret.md'), join(docs, 'b/index.md'));
  mkdirSync(join(docs, 'foo.md'));
  writeFileSync(join(docs, 'foo.md/index.md'), page('Inside a directory named like a page'));
  runSyncOrThrow('mkfifo', [join(docs, 'pipe.md')]);
  symlinkSync('a/index.md', join(docs, 'linked.md')); // a link to a file inside the tree is fine
  return { root, content, outside };
}

test('the walk ends, lists the files inside the tree, and names what it refused', () => {
  const { content, outside } = hostileTree();
  const docs = join(content, 'en/docs');
  const walk = walkTree(docs, content);
  expect(walk.files).toEqual([join(docs, 'a/index.md'), join(docs, 'a/test.sh'), join(docs, 'linked.md'), join(docs, 'loop/index.md')]);
  const problems = Object.fromEntries(walk.problems.map((p) => [p.file, `${p.line}  ${p.ruleId}  ${p.message}`]));
  expect(Object.keys(problems).sort()).toEqual(
    ['b/elsewhere', 'b/index.md', 'foo.md', 'loop/self', 'loop/up', 'pipe.md'].map((f) => join(docs, f)).sort(),
  );
  expect(problems[join(docs, 'loop/self')]).toMatch(/^0 {2}content-tree {2}is a symbolic link to the directory .*: a link loop; not followed/);
  expect(problems[join(docs, 'loop/up')]).toMatch(/a link loop; not followed/);
  expect(problems[join(docs, 'b/elsewhere')]).toContain(`symbolic link to the directory ${outside}`);
  expect(problems[join(docs, 'b/index.md')]).toContain('outside the content tree; not followed');
  expect(problems[join(docs, 'foo.md')]).toContain('is a directory, but its name ends in .md');
  expect(problems[join(docs, 'pipe.md')]).toContain('is not a regular file');
});

test('every lister of the tree uses the walk: pages, test scripts of the runner and of lint', () => {
  const { content } = hostileTree();
  const paths = resolveContentPaths(content);
  // Before: recursive readdirSync went round the loop, and reading `foo.md` failed with EISDIR, no path.
  expect(loadAllPages(paths).map((p) => p.frontmatter?.title).sort()).toEqual(['A', 'A', 'Loop']);
  expect(listMarkdown(paths.docs, paths.content)).toHaveLength(3);
  expect(walkContent(paths).problems).toHaveLength(6);
  expect(listTestScripts(paths.docs, paths.content)).toEqual([join(paths.docs, 'a/test.sh')]);
  expect(findTestScripts(paths)).toEqual([join(paths.docs, 'a/test.sh')]);
});

test('a tree that does not exist has no files and no problems', () => {
  expect(walkTree(join(tmpdir(), 'meshdocs-no-such-tree'))).toEqual({ files: [], problems: [] });
});
