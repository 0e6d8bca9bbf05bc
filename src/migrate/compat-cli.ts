/**
 * `npm run compat -- <hugo-site-root>`: imports the site into a temporary directory, generates snips
 * for every `test: yes` page and every boilerplate, and compares each with the site's committed
 * snips file below the banner.
 */
import { join, relative, resolve } from 'node:path';
import { defineCommand, exitCode, runCommand } from '../cli/command.ts';
import { err, out, type Io } from '../cli/io.ts';
import { projectRoot } from '../config/paths.ts';
import { formatDiagnostic, sortDiagnostics } from '../model/diagnostic.ts';
import { quirks } from './compat-quirks.ts';
import { compatCounts, compatPassed, loadAllowlist, runCompat, type CompatResult } from './compat.ts';
import { importing } from './import-cli.ts';

export const command = defineCommand('compat', {
  summary: "Compares our snips of a Hugo site's tested pages and boilerplates with its committed snips files.",
  options: {
    allowlist: { type: 'string', value: '<file>', help: "true one-offs allowed, with why (default: this project's compat-allowlist.yml)" },
    keep: { type: 'string', value: '<dir>', help: 'import into this directory and keep it (default: a temporary one, removed)' },
    verbose: { type: 'boolean', short: 'v', help: "list our generator's findings for every page" },
  },
  positionals: [{ name: '<hugo-site-root>', required: true }],
  notes: [
    'A difference is explained when known quirks of istio.io\'s generator account for all of it (src/migrate/compat-quirks.ts).',
    'One line per page, then `N identical, M explained (Q1: a, Q6: b, …), K differ`.',
    'Exit codes: 0 when K = 0, 1 a difference no quirk explains nor the allowlist accepts (or the import has errors), 2 bad invocation or input.',
  ],
});

function describe(r: CompatResult): string {
  if (r.status === 'identical') return `${r.page}  identical`;
  if (r.status === 'explained') return `${r.page}  explained by ${r.quirks.map((id) => `${id} (${quirks.find((q) => q.id === id)!.description})`).join(', ')}`;
  const why = `${r.quirks.length ? `  (after taking out ${r.quirks.join(', ')})` : ''}${r.allowlisted ? `  [allowlisted: ${r.allowlisted}]` : ''}`;
  const d = r.difference;
  if (!d) {
    const first = r.diagnostics[0];
    const detail = first ? `: line ${first.line} ${first.ruleId}` : '';
    return `${r.page}  differs: same text, but our generator reports ${r.diagnostics.length} error(s)${detail}${why}`;
  }
  const where = d.line > 0 ? `line ${d.line}` : 'file';
  const show = (s: string | undefined): string => (s === undefined ? '(end of file)' : JSON.stringify(s));
  return `${r.page}  differs at ${where}: istio.io ${show(d.theirs)} | ours ${show(d.ours)}${why}`;
}

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, ({ values, positionals: [site] }) => {
    const display = (f: string): string => relative(io.cwd, f) || '.';
    const allowlist = values.allowlist === undefined ? join(projectRoot, 'compat-allowlist.yml') : resolve(io.cwd, values.allowlist);
    const report = importing(() => runCompat(resolve(io.cwd, site!), { allowlist: loadAllowlist(allowlist), workDir: values.keep && resolve(io.cwd, values.keep), display }));
    const say = out(io);
    const importErrors = report.importDiagnostics.filter((d) => d.severity === 'error');
    for (const d of sortDiagnostics(importErrors)) say(formatDiagnostic(d));
    for (const r of report.results) {
      say(describe(r));
      if (values.verbose || (r.status === 'differs' && !r.allowlisted)) {
        for (const d of r.diagnostics) say(`    ${formatDiagnostic(d)}`);
      }
    }
    for (const e of report.unusedAllowlist) say(`warning: allowlist entry ${e.page} matches no differing page: remove it`);
    const counts = compatCounts(report);
    const classes = Object.entries(counts.byClass)
      .filter(([id, n]) => id !== 'allowlist' || n > 0)
      .map(([id, n]) => `${id}: ${n}`)
      .join(', ');
    say(`${counts.identical} identical, ${counts.explained} explained (${classes}), ${counts.differ} differ${importErrors.length ? `, ${importErrors.length} import error(s)` : ''}`);
    if (report.results.length === 0) {
      err(io)('compat: nothing to compare (no test: yes page, no committed snips)');
      return exitCode.findings;
    }
    return compatPassed(report) ? exitCode.ok : exitCode.findings;
  });
}
