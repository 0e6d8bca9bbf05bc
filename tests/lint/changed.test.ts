import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { changedFiles } from '../../src/lint/changed.ts';
import { runSyncOrThrow } from '../../src/process/index.ts';

test('--changed: committed on the branch, modified and untracked files, not unchanged ones', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lint-changed-')));
  const git = (...args: string[]) => runSyncOrThrow('git', args, { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 't');
  mkdirSync(join(dir, 'content'));
  for (const f of ['a.md', 'b.md', 'c.md']) writeFileSync(join(dir, 'content', f), 'x\n');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'topic');
  writeFileSync(join(dir, 'content/a.md'), 'changed\n');
  git('commit', '-q', '-am', 'change a');
  writeFileSync(join(dir, 'content/b.md'), 'uncommitted\n');
  writeFileSync(join(dir, 'content/new.md'), 'untracked\n');
  const result = changedFiles(join(dir, 'content'))!;
  expect([...result.files].map((f) => f.slice(dir.length + 1)).sort()).toEqual(['content/a.md', 'content/b.md', 'content/new.md']);
});
