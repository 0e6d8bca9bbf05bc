/** `npm run snips` on a hostile tree: a link loop and a directory named like a page are bad input (exit 2, with their path), not a hang or a stack trace. */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { run } from '../../src/process/index.ts';

test('a link loop and a directory named like a page: exit 2, each named, nothing else printed', async () => {
  const root = mkdtempSync(join(tmpdir(), 'snips-hostile-'));
  cpSync(join(projectRoot, 'tests/fixtures/site/basic'), root, { recursive: true });
  const docs = join(root, 'content/en/docs');
  mkdirSync(join(docs, 'loop'));
  writeFileSync(join(docs, 'loop/index.md'), '---\ntitle: Loop\ntest: yes\n---\n\n```bash\n$ echo hi\n```\n');
  symlinkSync('.', join(docs, 'loop/self'));
  mkdirSync(join(docs, 'foo.md'));
  const r = await run(process.execPath, [join(projectRoot, 'scripts/snips.ts')], {
    cwd: root,
    env: { MESHDOCS_CONTENT: join(root, 'content'), NO_COLOR: '1' },
    timeoutMs: 60_000,
  });
  expect(r.timedOut).toBe(false);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain('content/en/docs/loop/self:0  content-tree  is a symbolic link to the directory');
  expect(r.stderr).toContain('content/en/docs/foo.md:0  content-tree  is a directory, but its name ends in .md');
  expect(r.stderr).not.toMatch(/EISDIR|\n\s+at /);

  const one = await run(process.execPath, [join(projectRoot, 'scripts/snips.ts'), '--stdout', join(docs, 'foo.md')], {
    cwd: root,
    env: { MESHDOCS_CONTENT: join(root, 'content') },
  });
  expect(one.exitCode).toBe(2);
  expect(one.stderr).toMatch(/foo\.md is not a file/);
});
