import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../types.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';

/** The previous `report.json` of a report directory, or undefined. */
export function readReport(reportDir: string): RunReport | undefined {
  const file = join(reportDir, 'report.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunReport;
  } catch {
    return undefined;
  }
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
export function mergeDurations(previous: RunReport | undefined, tests: RunReport['tests']): Record<string, number> {
  const d = { ...(previous?.durations ?? {}) };
  for (const t of tests) if (t.status !== 'skipped') d[t.id] = Math.round(t.durationMs);
  return d;
}
