import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { issueMessage } from '../../model/schema-issue.ts';
import type { RunReport } from '../types.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';

/**
 * What a later run reads of a `report.json`: the failed tests (`--rerun-failed`) and the durations
 * (`--shard` balancing). Checked, because the file is the user's: a truncated or hand-edited one is
 * bad input naming the file, not a crash.
 */
const previousReportSchema = z.object({
  version: z.literal(1),
  startedAt: z.string(),
  tests: z.array(z.object({ id: z.string(), status: z.string() })),
  durations: z.record(z.string(), z.number()),
});
export type PreviousReport = z.infer<typeof previousReportSchema>;

/** A `report.json` that is there but is not a report. */
export class ReportFileError extends Error {
  readonly file: string;

  constructor(file: string, why: string) {
    super(`${file}: not a doc-test report (${why})`);
    this.file = file;
  }
}

/** The previous `report.json` of a report directory, or undefined when there is none. */
export function readReport(reportDir: string): PreviousReport | undefined {
  const file = join(reportDir, 'report.json');
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new ReportFileError(file, e.code === 'EISDIR' ? 'a directory' : e instanceof SyntaxError ? `invalid JSON: ${e.message}` : e.message);
  }
  const parsed = previousReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReportFileError(file, `${issue.path.join('.') || 'top level'}: ${issueMessage(issue, data)}`);
  }
  return parsed.data;
}

/** Writes junit.xml, report.json and index.html; returns their paths. */
export function writeReports(reportDir: string, report: RunReport, repo: { url: string; branch: string }): string[] {
  mkdirSync(reportDir, { recursive: true });
  const files = {
    'junit.xml': renderJunit(report),
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
    'index.html': renderHtml(report, repo),
  };
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(reportDir, name), text);
    return join(reportDir, name);
  });
}

/** Durations of this run over those of the previous report (for `--shard` balancing). */
export function mergeDurations(previous: Pick<PreviousReport, 'durations'> | undefined, tests: RunReport['tests']): Record<string, number> {
  const d = { ...(previous?.durations ?? {}) };
  for (const t of tests) if (t.status !== 'skipped') d[t.id] = Math.round(t.durationMs);
  return d;
}
