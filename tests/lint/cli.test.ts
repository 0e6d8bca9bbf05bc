import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { run } from '../../src/process/index.ts';

const seeded = join(projectRoot, 'tests/fixtures/lint/seeded');
const lint = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), ...args], {
    cwd: projectRoot,
    env: { NO_COLOR: '1', ...env },
  });

describe('npm run lint (CLI)', () => {
  test('findings: one format, grouped by file, a summary, exit 1', async () => {
    const r = await lint(['--fast', '--no-cache'], { MESHDOCS_CONTENT: join(seeded, 'content') });
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('tests/fixtures/lint/seeded/content/en/docs/style/index.md:10:1  MD004  Unordered list style: Expected: asterisk; Actual: dash (fixable with --fix)');
    expect(lines.some((l) => /^tests\/fixtures\/lint\/seeded\/content\/en\/docs\/tested\/test\.sh:12:1  snip-undefined  snip_nope_1 /.test(l))).toBe(true);
    // Grouped: all lines of a file are together, separated from the next file by one blank line.
    const findings = lines.filter((l) => /^\S+:\d+/.test(l)).map((l) => l.split(':')[0]);
    const groups = findings.filter((f, i) => f !== findings[i - 1]);
    expect(new Set(groups).size).toBe(groups.length);
    expect(r.stdout).toMatch(/snippet coverage: \d+\/\d+ bash blocks/);
    expect(lines.at(-1)).toMatch(/^lint: \d+ errors in \d+ files \(checked \d+ Markdown files, \d+ shell files; [\d.]+s\)$/);
  });

  test('the project content lints clean in Markdown style and spelling', async () => {
    const r = await lint(['--fast', '--only', 'markdown,spelling']);
    expect(r.stdout).toMatch(/^lint: no problems in \d+ Markdown files/m);
    expect(r.exitCode).toBe(0);
  });

  test.each([
    [['--bogus'], /^error: unknown option --bogus$/m],
    [['--only', 'colour'], /unknown check colour/],
    [['--fast', '--only', 'links'], /leaves nothing to run with --fast/],
  ])('bad invocation %j exits 2', async (args, message) => {
    const r = await lint(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('a missing content tree exits 2', async () => {
    const r = await lint(['--fast'], { MESHDOCS_CONTENT: join(seeded, 'nope') });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no content tree/);
  });

  test('links on an existing build (--dist) point at the Markdown lines', async () => {
    const r = await lint(['--only', 'links', '--dist', join(seeded, 'dist')], { MESHDOCS_CONTENT: join(seeded, 'content') });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('tests/fixtures/lint/seeded/content/en/docs/links/index.md:13:3  link-broken  broken link /docs/nowhere/: page not found in the built site');
    expect(r.stdout).toContain('external links not checked (set CHECK_EXTERNAL_LINKS=true)');
  });
});
