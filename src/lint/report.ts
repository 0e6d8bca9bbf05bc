import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import type { LintResult } from './run.ts';
import type { CoverageReport } from './scripts/scripts-check.ts';

/** Findings grouped by file (one blank line between files), in `file:line:col  rule-id  message` form. */
export function formatFindings(diagnostics: readonly Diagnostic[]): string[] {
  const lines: string[] = [];
  let previous: string | undefined;
  for (const d of sortDiagnostics([...diagnostics])) {
    if (previous !== undefined && d.file !== previous) lines.push('');
    lines.push(formatDiagnostic(d));
    previous = d.file;
  }
  return lines;
}

/** Snippet coverage: pages with bash blocks no test calls, then the total. */
export function formatCoverage(coverage: CoverageReport, verbose = false): string[] {
  const lines: string[] = [];
  for (const page of [...coverage.pages].sort((a, b) => a.file.localeCompare(b.file))) {
    if (page.uncalled.length === 0 && !verbose) continue;
    const called = page.total - page.uncalled.length;
    lines.push(`  ${page.file}  ${called}/${page.total} bash blocks called by tests${page.uncalled.length ? ', not called:' : ''}`);
    for (const u of page.uncalled) lines.push(`    ${page.file}:${u.line}  ${u.name}`);
  }
  const percent = coverage.total === 0 ? 100 : Math.round((coverage.called / coverage.total) * 100);
  lines.unshift(
    `snippet coverage: ${coverage.called}/${coverage.total} bash blocks on ${coverage.pages.length} tested page(s) are called by a test (${percent}%)`,
  );
  return lines;
}

export function summaryLine(result: LintResult, seconds: number): string {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const files = new Set(result.diagnostics.map((d) => d.file)).size;
  const { markdown, shell, htmlPages, links } = result.counts;
  const scope = [
    markdown ? `${markdown} Markdown files` : '',
    shell ? `${shell} shell files` : '',
    htmlPages ? `${htmlPages} HTML pages (${links} links)` : '',
  ]
    .filter(Boolean)
    .join(', ') || 'no files (the site did not build)';
  const time = `${seconds.toFixed(1)}s`;
  if (errors === 0 && warnings === 0) return `lint: no problems in ${scope} (${time})`;
  const counts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  return `lint: ${counts} in ${files} file${files === 1 ? '' : 's'} (checked ${scope}; ${time})`;
}
