import { execFile } from 'node:child_process';

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
export function runShellcheck(files: readonly string[], cwd: string): Promise<ShellcheckFinding[]> {
  if (files.length === 0) return Promise.resolve([]);
  const args = ['-f', 'json1', '-s', 'bash', '-e', excludedChecks.join(','), ...files];
  return new Promise((resolve, reject) => {
    execFile('shellcheck', args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit 1 means findings; anything else (2 = bad invocation, ENOENT = not installed) is a failure.
      const code = error ? ((error as NodeJS.ErrnoException).code ?? (error as { code?: number }).code) : 0;
      if (error && code !== 1) {
        const hint = code === 'ENOENT' ? 'shellcheck is not installed (apt-get install shellcheck)' : stderr.trim() || error.message;
        reject(new Error(`shellcheck failed: ${hint}`));
        return;
      }
      try {
        const data = JSON.parse(stdout || '{"comments":[]}') as { comments: ShellcheckFinding[] };
        resolve(data.comments.map((c) => ({ file: c.file, line: c.line, column: c.column, code: c.code, level: c.level, message: c.message })));
      } catch (e) {
        reject(new Error(`shellcheck printed no JSON: ${String(e)}; stderr: ${stderr.trim()}`));
      }
    });
  });
}
