/**
 * Lint on hostile trees: a symbolic link loop and a directory named like a page are findings with
 * their path (no hang, no EISDIR); an alias whose target is a directory is a finding, not a crash;
 * control bytes of a binary page never reach the terminal.
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { lintLinks } from '../../src/lint/links/check-links.ts';
import { loadAllPages } from '../../src/model/content-tree.ts';
import { run } from '../../src/process/index.ts';

const lint = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [join(projectRoot, 'scripts/lint.ts'), ...args], {
    cwd: projectRoot,
    timeoutMs: 120_000,
    env: { NO_COLOR: '1', ...env },
  });

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

test('a link loop and a directory named like a page are findings with their path', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-hostile-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  const docs = join(root, 'content/en/docs');
  mkdirSync(join(docs, 'loop'));
  write(docs, { 'loop/index.md': '---\ntitle: Loop\nowner: o\ntest: no\n---\n\nBody.\n', 'foo.md/.keep': '' });
  symlinkSync('.', join(docs, 'loop/self'));
  const r = await lint(['--fast', '--no-cache', '--only', 'markdown'], { MESHDOCS_CONTENT: join(root, 'content') });
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(/EISDIR|\n\s+at /);
  const shown = (rel: string) => relative(projectRoot, join(docs, rel));
  expect(r.stdout).toContain(`${shown('loop/self')}:0  content-tree  is a symbolic link to the directory`);
  expect(r.stdout).toContain(`${shown('foo.md')}:0  content-tree  is a directory, but its name ends in .md`);
  expect(r.exitCode).toBe(1);
});

test('control bytes of a binary page are shown escaped, never sent to the terminal', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-binary-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  const bytes = Buffer.from('---\ntitle: Bin\nowner: o\ntest: no\n---\n\n# \u001b]0;pwned\u0007\u001b[2J \u0001\u0002\u009b heading\n\n\u001b[31mred\u0000\n', 'utf8');
  write(join(root, 'content/en/docs'), { 'bin/index.md': bytes });
  const r = await lint(['--fast', '--no-cache'], { MESHDOCS_CONTENT: join(root, 'content') });
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toMatch(/bin\/index\.md:\d+/);
  // No byte of C0 (but tab and line feed), DEL or C1 reaches the output.
  expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
});

test('an alias whose expected redirect page is a directory is reported, not a crash', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-alias-dir-'));
  const fm = (aliases: string) => `---\ntitle: A\nowner: o\ntest: no\naliases:\n${aliases}---\n\nBody.\n`;
  write(root, {
    'content/en/docs/a/index.md': fm('  - /news/2019/announcing-discuss.istio.io\n  - /docs/was.html\n'),
    'content/en/docs/b/index.md': fm('  - /../outside\n'),
    'dist/docs/a/index.html': '<html><body>A</body></html>',
    'dist/docs/b/index.html': '<html><body>B</body></html>',
    // What the build writes for an alias with a dot in its last segment: a directory and its index.html.
    'dist/news/2019/announcing-discuss.istio.io/index.html': '<html><head><meta http-equiv="refresh" content="0; url=/docs/a/"></head></html>',
    // A directory where the redirect page of /docs/was.html should be.
    'dist/docs/was.html/index.html': '<html></html>',
    'outside/index.html': '<html><head><meta http-equiv="refresh" content="0; url=/docs/b/"></head></html>',
  });
  const paths = resolveContentPaths(join(root, 'content'));
  const display = (f: string) => relative(root, f);
  const report = await lintLinks({ dist: join(root, 'dist'), paths, pages: loadAllPages(paths, display), display, absolute: (f) => join(root, f), external: false });
  const aliases = report.diagnostics.filter((d) => d.ruleId === 'link-alias');
  expect(aliases.map((d) => `${d.file}:${d.line}  ${d.message}`)).toEqual([
    'content/en/docs/a/index.md:7  alias /docs/was.html has no redirect page (expected dist/docs/was.html)',
  ]);
});
