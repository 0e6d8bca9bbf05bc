/**
 * `npm run import:hugo -- <hugo-site-root> <out-dir> [--lang en]…`
 *
 * Converts a Hugo site (istio.io's layout) into a docs repository of ours. Prints each problem as
 * `file:line  rule-id  message` and a summary. Exit 0: imported (warnings allowed); 1: some page
 * has errors; 2: bad invocation or input.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, sortDiagnostics } from '../src/model/diagnostic.ts';
import { importHugoSite, ImportInputError } from '../src/migrate/import-site.ts';

const usage = 'usage: npm run import:hugo -- <hugo-site-root> <out-dir> [--lang <code>]… [--no-snips] [--verbose]';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { lang: { type: 'string', multiple: true }, 'no-snips': { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  const [site, out, ...extra] = parsed.positionals;
  if (!site || !out || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  const display = (f: string): string => relative(process.cwd(), f) || '.';
  let report;
  try {
    report = importHugoSite(site, out, { langs: parsed.values.lang, display, snips: !parsed.values['no-snips'] });
  } catch (error) {
    if (error instanceof ImportInputError) {
      console.error(`import:hugo: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const diagnostics = sortDiagnostics(report.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.length - errors.length;
  for (const d of diagnostics) if (d.severity === 'error' || parsed.values.verbose || d.ruleId === 'shortcode-unsupported') console.log(formatDiagnostic(d));
  if (parsed.values.verbose) {
    const counts = [...report.shortcodes].sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n} ${c}`);
    console.log(`shortcodes: ${counts.join(', ')}`);
  }
  const tested = report.pages.filter((p) => p.tested).length;
  console.log(
    `imported ${report.pages.length} pages (${tested} with test: yes, ${report.glossaryEntries} glossary entries), copied ${report.copied} files, ` +
      `wrote ${report.snipsWritten} snips files (istio.io's ${report.skipped.length} generated files not copied) → ${display(report.outDir)}`,
  );
  console.log(`${errors.length} error(s), ${warnings} warning(s)${warnings && !parsed.values.verbose ? ' (--verbose lists all warnings)' : ''}`);
  if (report.pages.length === 0) {
    console.error('import:hugo: no pages found');
    return 1;
  }
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
