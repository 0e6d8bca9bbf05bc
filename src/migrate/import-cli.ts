/**
 * `npm run import:hugo -- <hugo-site-root> <out-dir>`: converts a Hugo site (istio.io's layout)
 * into a docs repository of ours (src/migrate/README.md).
 */
import { relative, resolve } from 'node:path';
import { defineCommand, exitCode, InputError, runCommand } from '../cli/command.ts';
import { err, out, type Io } from '../cli/io.ts';
import { formatDiagnostic, sortDiagnostics } from '../model/diagnostic.ts';
import { importHugoSite, ImportInputError } from './import-site.ts';

export const command = defineCommand('import:hugo', {
  summary: "Converts a Hugo site (istio.io's layout) into a docs repository of ours, in an empty <out-dir>.",
  positionals: [
    { name: '<hugo-site-root>', required: true },
    { name: '<out-dir>', required: true },
  ],
  options: {
    lang: { type: 'string', multiple: true, value: '<code>', help: 'import this language (repeatable; default: en)' },
    'no-snips': { type: 'boolean', help: 'do not generate the snips files of the imported tested pages' },
    verbose: { type: 'boolean', short: 'v', help: 'print every warning and the shortcodes counted' },
  },
  notes: [
    'Prints each problem as `file:line  rule-id  message`, then a summary.',
    'Exit codes: 0 imported (warnings allowed), 1 some page has errors, 2 bad invocation or input.',
  ],
});

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, ({ values, positionals: [site, target] }) => {
    const display = (f: string): string => relative(io.cwd, f) || '.';
    const report = importing(() =>
      importHugoSite(resolve(io.cwd, site!), resolve(io.cwd, target!), { langs: values.lang.length ? values.lang : undefined, display, snips: !values['no-snips'] }),
    );
    const say = out(io);
    const diagnostics = sortDiagnostics(report.diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.length - errors.length;
    for (const d of diagnostics) if (d.severity === 'error' || values.verbose || d.ruleId === 'shortcode-unsupported') say(formatDiagnostic(d));
    if (values.verbose) {
      const counts = [...report.shortcodes].sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n} ${c}`);
      say(`shortcodes: ${counts.join(', ')}`);
    }
    const tested = report.pages.filter((p) => p.tested).length;
    say(
      `imported ${report.pages.length} pages (${tested} with test: yes, ${report.glossaryEntries} glossary entries), copied ${report.copied} files, ` +
        `wrote ${report.snipsWritten} snips files (istio.io's ${report.skipped.length} generated files not copied) → ${display(report.outDir)}`,
    );
    say(`${errors.length} error(s), ${warnings} warning(s)${warnings && !values.verbose ? ' (--verbose lists all warnings)' : ''}`);
    if (report.pages.length === 0) {
      err(io)('import:hugo: no pages found');
      return exitCode.findings;
    }
    return errors.length > 0 ? exitCode.findings : exitCode.ok;
  });
}

/** Runs an import; a site it refuses (not a Hugo site, a non-empty output) is bad input, exit 2. */
export function importing<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ImportInputError) throw new InputError(error.message);
    throw error;
  }
}
