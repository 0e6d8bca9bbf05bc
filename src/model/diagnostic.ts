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

/** `file:line:col  rule-id  message`: the one output format of every check. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}`;
  const sev = d.severity === 'warning' ? ' (warning)' : '';
  return `${place}  ${d.ruleId}  ${d.message}${sev}`;
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
