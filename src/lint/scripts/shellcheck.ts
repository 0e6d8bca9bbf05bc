import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { keyOf, openCache } from '../../cache/index.ts';
import { run, runSync } from '../../process/index.ts';

export interface ShellcheckFinding {
  file: string;
  line: number;
  column: number;
  code: number;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
}

/**
 * SC1091 ("not following" a sourced file): scripts source paths relative to the docs root, which
 * shellcheck cannot resolve without following into the shared test library.
 */
export const excludedChecks = ['SC1091'];

/** One `shellcheck -f json1` process over all files (one per file costs a process start each). */
export async function runShellcheck(files: readonly string[], cwd: string): Promise<ShellcheckFinding[]> {
  if (files.length === 0) return [];
  const args = ['-f', 'json1', '-s', 'bash', '-e', excludedChecks.join(','), ...files];
  const r = await run('shellcheck', args, { cwd });
  // Exit 1 means findings; anything else (2 = bad invocation, 127 = not installed) is a failure.
  if (r.exitCode !== 0 && r.exitCode !== 1) {
    const hint = r.exitCode === 127 && r.error ? 'shellcheck is not installed (apt-get install shellcheck)' : r.stderr.trim() || r.error || `exit ${r.exitCode}`;
    throw new Error(`shellcheck failed: ${hint}`);
  }
  try {
    const data = JSON.parse(r.stdout || '{"comments":[]}') as { comments: ShellcheckFinding[] };
    return data.comments.map((c) => ({ file: c.file, line: c.line, column: c.column, code: c.code, level: c.level, message: c.message }));
  } catch (e) {
    throw new Error(`shellcheck printed no JSON: ${String(e)}; stderr: ${r.stderr.trim()}`);
  }
}

/**
 * `runShellcheck`, with findings kept per file text (in the caches' directory `cacheRoot`): without `-x`, shellcheck reads
 * nothing but the file itself, so its text and shellcheck's version decide the findings.
 */
export async function runShellcheckCached(files: readonly string[], cwd: string, cacheRoot: string | undefined): Promise<ShellcheckFinding[]> {
  if (!cacheRoot || files.length === 0) return runShellcheck(files, cwd);
  const cache = openCache('shellcheck', { root: cacheRoot, inputs: { values: [shellcheckVersion(), ...excludedChecks] } }).entries<Omit<ShellcheckFinding, 'file'>[]>();
  const keys = new Map(files.map((f) => [f, keyOf(f, readFileSync(resolve(cwd, f), 'utf8'))]));
  const found: ShellcheckFinding[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const hit = cache.get(keys.get(file)!);
    if (hit) found.push(...hit.map((h) => ({ file, ...h })));
    else missing.push(file);
  }
  const fresh = await runShellcheck(missing, cwd);
  for (const file of missing) {
    const mine = fresh.filter((f) => f.file === file);
    cache.set(keys.get(file)!, mine.map(({ file: _file, ...rest }) => rest));
    found.push(...mine);
  }
  cache.save();
  return found;
}

function shellcheckVersion(): string {
  const r = runSync('shellcheck', ['--version']);
  return r.exitCode === 0 ? r.stdout : 'unknown'; // runShellcheck reports a missing shellcheck
}
