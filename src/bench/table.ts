import type { Results } from './results.ts';

/**
 * The `npm run bench` table as text: one line per workload (cold, warm, peak memory, cold time per
 * page), a "not measured" line with its reason where a figure is missing, and the machine under it.
 */
export function formatTable(results: Results): string {
  const header = ['workload', 'pages', 'cold s', 'warm s', 'peak MB', 'ms/page', 'runs'];
  const body = results.rows.map((r) =>
    r.status === 'measured'
      ? [r.label, String(r.pages), r.coldSeconds.toFixed(1), r.warmSeconds === null ? '-' : r.warmSeconds.toFixed(1), r.peakMB === null ? '-' : String(r.peakMB), r.msPerPage === null ? '-' : r.msPerPage.toFixed(1), String(r.runs)]
      : [r.label, `not measured: ${r.reason}`],
  );
  const measured = [header, ...body.filter((cells) => cells.length === header.length)];
  const widths = header.map((_, i) => Math.max(...(i === 0 ? [header, ...body] : measured).map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string =>
    cells.length === header.length ? cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ') : `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]}`;
  const notes = results.rows.flatMap((r) => (r.status === 'measured' ? r.notes.map((n) => `  ${r.label}: ${n}`) : []));
  const m = results.machine;
  const loaded = m.loadAverage.start > m.cores || m.loadAverage.end > m.cores;
  const machine =
    `machine: ${m.cores} cores (${m.cpuModel}), ${(m.memoryBytes / 1024 ** 3).toFixed(0)} GB, node ${m.node}, ${m.platform}; ` +
    `load ${m.loadAverage.start.toFixed(1)} → ${m.loadAverage.end.toFixed(1)}${loaded ? ' (loaded: figures slowed by other work)' : ''}; ${results.date}`;
  return [line(header), ...body.map(line), ...(notes.length > 0 ? ['notes:', ...notes] : []), `medians of ${results.runs} run(s) asked; ${machine}`].join('\n');
}
