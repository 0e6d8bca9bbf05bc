/**
 * `npm run compat -- <hugo-site-root> [--allowlist compat-allowlist.yml] [--keep <dir>]`
 *
 * Imports the site into a temporary directory, generates snips for every `test: yes` page and
 * every boilerplate, and compares each with the site's committed snips file below the banner.
 * A difference is explained when known quirks of istio.io's generator account for all of it
 * (src/migrate/compat-quirks.ts), wherever it appears. One line per page, then
 * `N identical, M explained (Q1: a, Q6: b, …), K differ`. Exit 1 when K > 0 (a difference no quirk
 * explains and the allowlist does not accept) or the import has errors; 2 on bad invocation or input.
 */
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/config/paths.ts';
import { quirks } from '../src/migrate/compat-quirks.ts';
import { compatCounts, compatPassed, loadAllowlist, runCompat, type CompatResult } from '../src/migrate/compat.ts';
import { ImportInputError } from '../src/migrate/import-site.ts';
import { formatDiagnostic, sortDiagnostics } from '../src/model/diagnostic.ts';

const usage = 'usage: npm run compat -- <hugo-site-root> [--allowlist <file>] [--keep <dir>] [--verbose]';

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

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        allowlist: { type: 'string', default: join(projectRoot, 'compat-allowlist.yml') },
        keep: { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  const [site, ...extra] = parsed.positionals;
  if (!site || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  const display = (f: string): string => relative(process.cwd(), f) || '.';
  let report;
  try {
    report = runCompat(site, { allowlist: loadAllowlist(parsed.values.allowlist!), workDir: parsed.values.keep, display });
  } catch (error) {
    if (error instanceof ImportInputError) {
      console.error(`compat: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const importErrors = report.importDiagnostics.filter((d) => d.severity === 'error');
  for (const d of sortDiagnostics(importErrors)) console.log(formatDiagnostic(d));
  for (const r of report.results) {
    console.log(describe(r));
    if (parsed.values.verbose || (r.status === 'differs' && !r.allowlisted)) {
      for (const d of r.diagnostics) console.log(`    ${formatDiagnostic(d)}`);
    }
  }
  for (const e of report.unusedAllowlist) console.log(`warning: allowlist entry ${e.page} matches no differing page: remove it`);
  const counts = compatCounts(report);
  const classes = Object.entries(counts.byClass)
    .filter(([id, n]) => id !== 'allowlist' || n > 0)
    .map(([id, n]) => `${id}: ${n}`)
    .join(', ');
  console.log(`${counts.identical} identical, ${counts.explained} explained (${classes}), ${counts.differ} differ${importErrors.length ? `, ${importErrors.length} import error(s)` : ''}`);
  if (report.results.length === 0) {
    console.error('compat: nothing to compare (no test: yes page, no committed snips)');
    return 1;
  }
  return compatPassed(report) ? 0 : 1;
}

process.exitCode = main();
