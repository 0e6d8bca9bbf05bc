/**
 * A finding about a file, with its place. Every tool (site build, snips, lint, runner) reports
 * problems in this one shape, so they all print `file:line:col  rule-id  message`.
 */
export interface Diagnostic {
  /** Path as shown to the user (relative to the working directory when possible). */
  file: string;
  /** 1-based line in the file; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** Stable id, e.g. `frontmatter`, `bash-no-command`, `MD001`. */
  ruleId: string;
  message: string;
  severity: 'error' | 'warning';
}

export function diagnostic(
  file: string,
  line: number,
  ruleId: string,
  message: string,
  extra: Partial<Pick<Diagnostic, 'column' | 'severity'>> = {},
): Diagnostic {
  return { file, line, column: extra.column ?? 0, ruleId, message, severity: extra.severity ?? 'error' };
}

/**
 * `file:line:col  rule-id  message`: the one output format of every check. Control characters a
 * page or a file name holds (a binary page, an escape sequence) are shown as `\x1b`, never sent
 * to the terminal; tabs and line breaks stay.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const place = `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}`;
  const sev = d.severity === 'warning' ? ' (warning)' : '';
  return showControls(`${place}  ${d.ruleId}  ${d.message}${sev}`);
}

/** Text with its control characters (but tab and line feed) written as `\xNN`. */
export function showControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Thrown by the library when input is bad; the CLI prints `diagnostics` and exits 2. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[], title = 'Invalid content') {
    const body = sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
    super(`${title}:\n${body}`);
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}
