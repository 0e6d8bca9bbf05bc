/**
 * `npm run lint` on a tree where some pages fail the site build: the site is built without them, the
 * links of every other page are still checked, and each left-out page is reported with file and line.
 * Links to a left-out page (or to one of its aliases) are not broken: the page is there, only malformed.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { run } from '../../src/process/index.ts';
import { tempDist } from '../helpers/site.ts';

const lint = (env: Record<string, string>) =>
  run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), '--only', 'links', '--timings'], {
    cwd: projectRoot,
    env: { NO_COLOR: '1', ...env },
  });

const lineOf = (file: string, needle: string): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

test('one page fails the build, another has a broken link: both reported with file:line, exit 1', { timeout: 300_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-left-out-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  const paths = resolveContentPaths(join(root, 'content'));
  // The bad page: an unknown boilerplate and a block with no command fail the build. It has an alias.
  const bad = join(paths.docs, 'bad/index.md');
  mkdirSync(join(paths.docs, 'bad'));
  writeFileSync(
    bad,
    ['---', 'title: Bad', 'owner: o', 'test: no', 'aliases:', '  - /docs/old-bad/', '---', '', 'Text.', '', '::boilerplate{name="no-such-note"}', '', '```bash', 'no prompt', '```', ''].join('\n'),
  );
  // A good page with a broken link, and links to the bad page and its alias (not broken).
  const deep = join(paths.docs, 'other/deep/index.md');
  appendFileSync(deep, '\nA [missing page](/docs/missing/), the [bad page](/docs/bad/) and [its old URL](/docs/old-bad/).\n');
  const dist = tempDist();
  const shown = (file: string) => relative(projectRoot, file);

  const r = await lint({ MESHDOCS_CONTENT: paths.content, MESHDOCS_DIST: dist });
  expect(r.stderr).not.toMatch(/\n\s+at |EISDIR/);
  const findings = r.stdout.split('\n').filter((l) => /^\S+:\d+(:\d+)? {2}[\w-]+ {2}/.test(l));
  expect(findings.filter((l) => l.startsWith(shown(deep)))).toEqual([
    expect.stringMatching(new RegExp(`^${shown(deep)}:${lineOf(deep, '/docs/missing/')}:\\d+  link-broken  broken link /docs/missing/`)),
  ]);
  expect(findings.filter((l) => l.startsWith(shown(bad)))).toEqual([
    `${shown(bad)}:${lineOf(bad, 'no-such-note')}  site-build  the site build leaves this page out, so its links are not checked: ` +
      'unknown-boilerplate: no boilerplate "no-such-note" (content/en/boilerplates/no-such-note.md) (and 1 more problem(s))',
  ]);
  // The other pages were built and checked: the summary counts their HTML.
  expect(r.stdout).toMatch(/^lint: \d+ errors? in \d+ files? \(checked [1-9]\d* HTML pages \(\d+ links\); /m);
  expect(r.exitCode).toBe(1);
  rmSync(dist, { recursive: true, force: true });
});
