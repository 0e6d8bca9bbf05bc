import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { buildInputsDigest, isBuildCurrent, planRebuild, readBuildInputs, writeBuildStamp } from '../../src/site/build-stamp.ts';
import { checkTreeForSite } from '../../src/site/validate-tree.ts';

test('the build digest moves with any file of the content tree or its data, and a stamp is current only for the same inputs', () => {
  const root = mkdtempSync(join(tmpdir(), 'stamp-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  const paths = resolveContentPaths(join(root, 'content'));
  const dist = join(root, 'dist');
  mkdirSync(dist);
  const before = buildInputsDigest(paths);
  expect(buildInputsDigest(paths)).toBe(before);
  expect(isBuildCurrent(dist, paths)).toBe(false); // no stamp
  writeBuildStamp(dist, paths, readBuildInputs(paths), {});
  expect(isBuildCurrent(dist, paths)).toBe(true);
  // The same files elsewhere are another tree (the stamp names its content directory).
  const elsewhere = mkdtempSync(join(tmpdir(), 'stamp-other-'));
  cpSync(root, elsewhere, { recursive: true });
  expect(isBuildCurrent(join(elsewhere, 'dist'), resolveContentPaths(join(elsewhere, 'content')))).toBe(false);

  writeFileSync(join(paths.docs, 'guide/first/index.md'), '---\ntitle: First\ntest: no\n---\n\nEdited.\n');
  const edited = buildInputsDigest(paths);
  expect(edited).not.toBe(before);
  expect(isBuildCurrent(dist, paths)).toBe(false);
  writeFileSync(join(paths.data, 'args.yml'), 'version: "9.9"\n');
  expect(buildInputsDigest(paths)).not.toBe(edited);
});

test('a body edit of a blog post is rebuilt alone; an edited FAQ question needs the full build (its category page shows it)', () => {
  const root = mkdtempSync(join(tmpdir(), 'stamp-sections-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/sections'), root, { recursive: true });
  const paths = resolveContentPaths(join(root, 'content'));
  const dist = join(root, 'dist');
  mkdirSync(dist);
  const frontmatter = Object.fromEntries(checkTreeForSite(paths).pages.map((p) => [relative(paths.content, p.path), p.frontmatter]));
  writeBuildStamp(dist, paths, readBuildInputs(paths), frontmatter);
  const post = join(paths.lang, 'blog/2025/post-3/index.md');
  appendFileSync(post, '\nOne more line.\n');
  expect(planRebuild(dist, paths)).toEqual({ kind: 'partial', pages: [post] });
  writeBuildStamp(dist, paths, readBuildInputs(paths), frontmatter);
  appendFileSync(join(paths.lang, 'about/faq/basics/what-is-it.md'), '\nMore.\n');
  expect(planRebuild(dist, paths)).toMatchObject({ kind: 'full', reason: 'en/about/faq/basics/what-is-it.md is not a page' });
});
