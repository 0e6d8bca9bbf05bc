/**
 * What the build guarantees (docs/site-guarantees.md), with real Astro builds: it writes only inside
 * its output directory, refuses bad input with `file:line` and exit 2 before Astro starts, never
 * leaves a failed build where the previous good one was, and two builds or two lints at once with
 * different outputs give what a lone run gives.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { stampName } from '../../src/site/build-stamp.ts';
import { buildSite, tempDist } from '../helpers/site.ts';
import { run } from '../../src/process/index.ts';

const fixture = join(projectRoot, 'tests/fixtures/site/basic');
const page = (title: string, extra = '', body = 'Body.') => `---\ntitle: ${title}\ntest: no\n${extra}---\n\n${body}\n`;

function treeWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'meshdocs-hardening-'));
  cpSync(fixture, root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content/en', rel)), { recursive: true });
    writeFileSync(join(root, 'content/en', rel), text);
  }
  return join(root, 'content');
}

/** Every file of a built site with its bytes, the build stamp left out (it names the content tree's path). */
function siteFiles(dist: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of (readdirSync(dist, { recursive: true }) as string[]).sort()) {
    if (rel === stampName || !statSync(join(dist, rel)).isFile()) continue;
    out.set(rel, readFileSync(join(dist, rel), 'latin1'));
  }
  return out;
}

test('bad input: refused with file:line and exit 2 before Astro starts, nothing written anywhere', async () => {
  const content = treeWith({
    'docs/escape/index.md': page('Escape', 'aliases:\n  - /docs/fine/\n  - /../../x\n'),
    'docs/q"><img src=x onerror=alert(21)>/index.md': page('XSS', 'aliases: ["/xss/"]\n'),
    'docs/image/index.md': page('Image', '', '::image{src="a.svg" caption="c" link="javascript:alert(1)"}'),
    'docs/one/index.md': page('One', 'aliases: ["/old"]\n'),
    'docs/two/index.md': page('Two', 'aliases: ["/old/"]\n'),
    'docs/loop/index.md': page('Loop'),
    'docs/dir.md/index.md': page('Directory named like a page'),
    'docs/one.md': page('Also One'),
  });
  symlinkSync('.', join(content, 'en/docs/loop/self'));
  const base = mkdtempSync(join(tmpdir(), 'meshdocs-out-'));
  const dist = join(base, 'o/dist');
  const build = await buildSite(content, dist);
  const shown = (rel: string) => relative(projectRoot, join(content, 'en', rel));
  expect(build.exitCode, build.output).toBe(2);
  for (const line of [
    `${shown('docs/escape/index.md')}:6  frontmatter  alias "/../../x" has a "." or ".." segment`,
    `${shown('docs/q"><img src=x onerror=alert(21)>/index.md')}:0  page-path  the page's path holds the character "\\""`,
    `${shown('docs/image/index.md')}:6:1  image-attributes  ::image link="javascript:alert(1)" uses the scheme javascript:`,
    `alias /old/ is also claimed by ${shown('docs/one/index.md')} (as /old)`,
    `${shown('docs/loop/self')}:0  content-tree  is a symbolic link to the directory`,
    `${shown('docs/dir.md')}:0  content-tree  is a directory, but its name ends in .md`,
    `${shown('docs/one/index.md')}:0  page-path  is the same page as ${shown('docs/one.md')} (both /docs/one/)`,
  ]) {
    expect(build.output).toContain(line);
  }
  // Our lines only: Astro never started, so no Location / Stack trace block, and no EISDIR.
  expect(build.output).not.toMatch(/Stack trace|Location:|EISDIR|\n\s+at /);
  expect(readdirSync(base)).toEqual([]);
  expect(existsSync(join(base, 'x'))).toBe(false);
});

test('a build that fails in Astro leaves the previous good build in place, untouched', { timeout: 300_000 }, async () => {
  const content = treeWith({});
  const dist = tempDist();
  const good = await buildSite(content, dist);
  expect(good.exitCode, good.output).toBe(0);
  const before = siteFiles(dist);
  const stamp = statSync(join(dist, stampName)).mtimeMs;
  // Passes our checks (unknown keys are kept), fails Starlight's schema: the build stops inside Astro.
  const first = join(content, 'en/docs/guide/first/index.md');
  writeFileSync(first, readFileSync(first, 'utf8').replace('---\n', '---\ntemplate: nope\n'));
  const bad = await buildSite(content, dist);
  expect(bad.exitCode, bad.output).toBe(1);
  expect(bad.output).toContain('is unchanged');
  expect(siteFiles(dist)).toEqual(before);
  expect(statSync(join(dist, stampName)).mtimeMs).toBe(stamp);
  expect(readdirSync(dirname(dist)).filter((n) => n.startsWith(`${relative(dirname(dist), dist)}.meshdocs-`))).toEqual([]);

  // Fixed, with its body edited: the rebuild replaces the build, and Astro's content store (which
  // holds the page from before) no longer makes it warn `Duplicate id` for the edited page.
  writeFileSync(first, readFileSync(first, 'utf8').replace('template: nope\n', '').replace('Install version', 'Now install version'));
  const again = await buildSite(content, dist);
  expect(again.exitCode, again.output).toBe(0);
  expect(again.output).not.toContain('Duplicate id');
  expect(readFileSync(join(dist, 'docs/guide/first/index.html'), 'utf8')).toContain('Now install version 9.8.7');
  rmSync(dist, { recursive: true, force: true });
});

test('a second build of the same inputs builds nothing and leaves the build as it was; --force builds it again', { timeout: 300_000 }, async () => {
  const content = treeWith({});
  const dist = tempDist();
  const first = await buildSite(content, dist);
  expect(first.exitCode, first.output).toBe(0);
  const before = siteFiles(dist);
  const stamp = statSync(join(dist, stampName)).mtimeMs;
  const again = await buildSite(content, dist);
  expect(again.exitCode, again.output).toBe(0);
  expect(again.output).toContain('is already the build of these inputs; nothing to build');
  expect(again.output).not.toContain('[build]'); // Astro never started
  expect(siteFiles(dist)).toEqual(before);
  expect(statSync(join(dist, stampName)).mtimeMs).toBe(stamp);
  const forced = await run(process.execPath, ['scripts/site.ts', 'build', '--force'], {
    cwd: projectRoot,
    env: { MESHDOCS_CONTENT: content, MESHDOCS_DIST: dist, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  expect(forced.exitCode, forced.all).toBe(0);
  expect(forced.all).toContain('[build] Complete!');
  expect(statSync(join(dist, stampName)).mtimeMs).toBeGreaterThan(stamp);
  expect(siteFiles(dist)).toEqual(before);
  rmSync(dist, { recursive: true, force: true });
});

const lint = (env: Record<string, string>) =>
  run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), '--only', 'links'], {
    cwd: projectRoot,
    env: { NO_COLOR: '1', ...env },
  });
/** Lint's findings, with the output directory they name made the same. */
const findings = (stdout: string, dist: string) =>
  stdout
    .split('\n')
    .filter((l) => /^\S+:\d+/.test(l))
    .map((l) => l.replaceAll(relative(projectRoot, dist), '<dist>'));

test('two builds and two lints at once, with different outputs, give what a lone run gives', { timeout: 600_000 }, async () => {
  const content = treeWith({});
  // Outside the project: Astro's fallback for such outputs was <cwd>/.astro, shared by both builds.
  const outside = mkdtempSync(join(tmpdir(), 'meshdocs-concurrent-'));
  const lone = await buildSite(content, join(outside, 'lone'));
  expect(lone.exitCode, lone.output).toBe(0);
  const [one, two] = await Promise.all([buildSite(content, join(outside, 'one')), buildSite(content, join(outside, 'two'))]);
  expect(one.exitCode, one.output).toBe(0);
  expect(two.exitCode, two.output).toBe(0);
  const expected = siteFiles(lone.dist);
  expect(expected.size).toBeGreaterThan(10);
  expect(siteFiles(one.dist)).toEqual(expected);
  expect(siteFiles(two.dist)).toEqual(expected);

  // The lone lint checks the lone build (current: not built again); the two at once each build their own.
  const alone = await lint({ MESHDOCS_CONTENT: content, MESHDOCS_DIST: lone.dist });
  const [l1, l2] = await Promise.all([
    lint({ MESHDOCS_CONTENT: content, MESHDOCS_DIST: join(outside, 'lint-one') }),
    lint({ MESHDOCS_CONTENT: content, MESHDOCS_DIST: join(outside, 'lint-two') }),
  ]);
  expect(findings(alone.stdout, lone.dist).length).toBeGreaterThan(0); // the fixture's ecosystem page names logos it does not ship
  for (const [r, name] of [[l1, 'lint-one'], [l2, 'lint-two']] as const) {
    expect(r.stdout + r.stderr).not.toMatch(/site-build|Cannot find module/);
    expect(r.exitCode).toBe(alone.exitCode);
    expect(findings(r.stdout, join(outside, name))).toEqual(findings(alone.stdout, lone.dist));
  }
  expect(siteFiles(join(outside, 'lint-one'))).toEqual(expected);
  expect(siteFiles(join(outside, 'lint-two'))).toEqual(expected);
  rmSync(outside, { recursive: true, force: true });
});
