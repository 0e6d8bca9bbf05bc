import { resolve } from 'node:path';
import { runSync } from '../process/index.ts';

function git(cwd: string, args: string[]): string | undefined {
  const r = runSync('git', args, { cwd });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/**
 * Files changed against the main branch: committed since the merge base with `origin/main` (or
 * `main`), plus staged, unstaged and untracked files, as absolute paths. Undefined outside git.
 */
export function changedFiles(cwd: string): { base: string; files: Set<string> } | undefined {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top) return undefined;
  const base = git(cwd, ['merge-base', 'HEAD', 'origin/main']) ?? git(cwd, ['merge-base', 'HEAD', 'main']) ?? git(cwd, ['rev-parse', 'HEAD']);
  if (!base) return undefined;
  const lists = [
    git(cwd, ['diff', '--name-only', '--diff-filter=ACMR', base]),
    git(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name', top]),
  ];
  const files = new Set<string>();
  // Both print paths relative to the top level (`--full-name`).
  for (const list of lists) for (const f of (list ?? '').split('\n')) if (f) files.add(resolve(top, f));
  return { base, files };
}
