/**
 * `npm run lint` on a site whose build is stale: real Astro builds of a copy of the site fixture.
 * After a body-only edit, only the edited page is rendered (a partial build) and checked together
 * with the build in place; links into the edited page from unchanged pages are checked against its
 * new anchors. Anything else needs a full build.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { planRebuild, stampName } from '../../src/site/build-stamp.ts';
import { tempDist } from '../helpers/site.ts';
import { run } from '../../src/process/index.ts';

const lint = (env: Record<string, string>) =>
  run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), '--only', 'links', '--timings'], {
    cwd: projectRoot,
    env: { NO_COLOR: '1', ...env },
  });

test('a body-only edit is checked with a partial build; other changes need a full one', { timeout: 480_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-partial-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  const paths = resolveContentPaths(join(root, 'content'));
  const second = join(paths.docs, 'guide/second/index.md');
  const deep = join(paths.docs, 'other/deep/index.md');
  appendFileSync(second, '\n## Details\n\nMore about the second step.\n');
  appendFileSync(deep, '\nSee [the details](/docs/guide/second/#details).\n');
  const dist = tempDist();
  const env = { MESHDOCS_CONTENT: paths.content, MESHDOCS_DIST: dist };

  const linkFindings = (out: string) => out.split('\n').filter((l) => /  link-/.test(l));
  const first = await lint(env);
  expect(first.stdout).toMatch(/site: built \(/);
  expect(first.stdout).not.toMatch(/link-(broken|fragment)/);
  // The fixture's ecosystem page names logos it does not ship: found by the full build and again below.
  const before = linkFindings(first.stdout);
  const stamp = statSync(join(dist, stampName)).mtimeMs;

  // Body-only edit of one page: its heading is renamed (a link from another page loses its anchor)
  // and it gains a broken link.
  writeFileSync(second, readFileSync(second, 'utf8').replace('## Details', '## More details') + '\nA [missing page](/docs/missing/).\n');
  expect(planRebuild(dist, paths)).toEqual({ kind: 'partial', pages: [second] });
  const edited = await lint(env);
  expect(edited.stdout).toContain('site: partial build of 1 edited page(s), with the rest of the build in place');
  const findings = linkFindings(edited.stdout).filter((l) => !before.includes(l));
  expect(linkFindings(edited.stdout).filter((l) => before.includes(l))).toEqual(before);
  const deepLine = readFileSync(deep, 'utf8').split('\n').findIndex((l) => l.includes('#details')) + 1;
  const secondLine = readFileSync(second, 'utf8').split('\n').findIndex((l) => l.includes('/docs/missing/')) + 1;
  expect(findings).toEqual([
    expect.stringMatching(new RegExp(`docs/guide/second/index\\.md:${secondLine}:\\d+  link-broken  broken link /docs/missing/`)),
    expect.stringMatching(new RegExp(`docs/other/deep/index\\.md:${deepLine}:\\d+  link-fragment  no anchor #details on /docs/guide/second/`)),
  ]);
  expect(edited.exitCode).toBe(1);
  // The build in place was not touched.
  expect(statSync(join(dist, stampName)).mtimeMs).toBe(stamp);

  // A body edit that breaks the build: the site is built without that page (issue 15: one more full
  // build in this test, hence its timeout), lint says where,
  // and the other pages' links are still checked; the build in place is left alone.
  const good = readFileSync(second, 'utf8');
  writeFileSync(second, `${good}\n::boilerplate{name="no-such-note"}\n`);
  const broken = await lint(env);
  expect(broken.exitCode).toBe(1);
  const brokenLine = good.split('\n').length + 1;
  expect(broken.stdout).toMatch(new RegExp(`docs/guide/second/index\\.md:${brokenLine}  site-build  the site build leaves this page out, so its links are not checked: .*no-such-note`));
  expect(broken.stdout).toMatch(/^lint: \d+ errors? in \d+ files? \(checked [1-9]\d* HTML pages \(\d+ links\);/m);
  expect(broken.stdout).toMatch(new RegExp(`docs/guide/second/index\\.md:${brokenLine}\\b.*no-such-note`));
  // The link into the left-out page is not reported as broken (the page exists, it is only malformed).
  expect(broken.stdout).not.toMatch(/docs\/other\/deep\/index\.md:\d+:\d+  link-/);
  expect(statSync(join(dist, stampName)).mtimeMs).toBe(stamp);
  writeFileSync(second, good);

  // A test script changes nothing the site renders.
  appendFileSync(join(paths.docs, 'guide/first/test.sh'), '\n# a comment\n');
  expect(planRebuild(dist, paths)).toEqual({ kind: 'partial', pages: [second] });
  // Front matter (titles, weights: every page's sidebar), a glossary entry or data need a full build.
  writeFileSync(second, readFileSync(second, 'utf8').replace('title: Second Steps', 'title: Second steps, renamed'));
  expect(planRebuild(dist, paths)).toMatchObject({ kind: 'full', reason: expect.stringMatching(/front matter of .*second\/index\.md changed/) });
  writeFileSync(second, readFileSync(second, 'utf8').replace('title: Second steps, renamed', 'title: Second Steps'));
  expect(planRebuild(dist, paths).kind).toBe('partial');
  appendFileSync(join(paths.glossary, 'envoy.md'), '\nMore.\n');
  expect(planRebuild(dist, paths)).toMatchObject({ kind: 'full', reason: expect.stringMatching(/glossary\/envoy\.md is not a page/) });
  rmSync(dist, { recursive: true, force: true });
});
