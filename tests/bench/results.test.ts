import { describe, expect, test } from 'vitest';
import { collectRows, plannedRows, resultsSchema, summarise, type BuildMeasurement, type Results } from '../../src/bench/results.ts';
import { formatTable } from '../../src/bench/table.ts';

const synthetic = (pages: number, cold: number[], warm: number[] = [], peakMB: number[] = []): BuildMeasurement => ({
  id: `synthetic-${pages}`,
  label: `synthetic, ${pages.toLocaleString('en-US')} pages`,
  pages,
  coldSeconds: cold,
  warmSeconds: warm,
  peakBytes: peakMB.map((m) => m * 1024 * 1024),
  notes: [],
});

const machine = { cores: 2, cpuModel: 'AMD EPYC', memoryBytes: 24 * 1024 ** 3, node: 'v24.21.0', platform: 'linux x64', loadAverage: { start: 20.5, end: 18 } };

describe('summarise', () => {
  test('medians of each figure, cold time per page', () => {
    const row = summarise(synthetic(1000, [40, 37, 43], [9, 8, 12], [1200, 1150, 1250]));
    expect(row).toEqual({
      id: 'synthetic-1000',
      label: 'synthetic, 1,000 pages',
      status: 'measured',
      pages: 1000,
      runs: 3,
      coldSeconds: 40,
      warmSeconds: 9,
      peakMB: 1200,
      msPerPage: 40,
      notes: [],
    });
  });

  test('a figure not measured is null, not zero', () => {
    const row = summarise(synthetic(100, [5]));
    expect(row).toMatchObject({ status: 'measured', warmSeconds: null, peakMB: null });
  });

  test('no cold build at all is a row not measured, with the notes as reason', () => {
    const m = { ...synthetic(100, []), notes: ['the build failed'] };
    expect(summarise(m)).toEqual({ id: 'synthetic-100', label: 'synthetic, 100 pages', status: 'not measured', reason: 'the build failed' });
  });
});

describe('collectRows', () => {
  test('planned order; a planned row without a measurement says why; unplanned measurements follow', () => {
    const rows = collectRows(plannedRows([100, 1000]), [synthetic(1000, [30]), synthetic(7, [1])], (id) => `no report for ${id}`);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['synthetic-100', 'not measured'],
      ['synthetic-1000', 'measured'],
      ['istio.io-site', 'not measured'],
      ['synthetic-7', 'measured'],
    ]);
    expect(rows[2]).toMatchObject({ reason: 'no report for istio.io-site' });
  });
});

describe('formatTable', () => {
  const results: Results = resultsSchema.parse({
    date: '2026-12-02T00:00:00.000Z',
    machine,
    runs: 3,
    rows: collectRows(plannedRows([100, 1000]), [synthetic(100, [10.04, 9], [3], [700]), synthetic(1000, [40, 41, 39], [8, 9, 7], [1200, 1100, 1300])], () => 'the istio-site entry is not in this checkout'),
  });

  test('one line per workload, missing figures shown as such, the machine and its load under it', () => {
    expect(formatTable(results)).toBe(
      [
        'workload                  pages  cold s  warm s  peak MB  ms/page  runs',
        'synthetic, 100 pages        100    10.0     3.0      700    100.4     2',
        'synthetic, 1,000 pages     1000    40.0     8.0     1200     40.0     3',
        'istio.io site (imported)  not measured: the istio-site entry is not in this checkout',
        'medians of 3 run(s) asked; machine: 2 cores (AMD EPYC), 24 GB, node v24.21.0, linux x64; load 20.5 → 18.0 (loaded: figures slowed by other work); 2026-12-02T00:00:00.000Z',
      ].join('\n'),
    );
  });

  test('the results file schema rejects a row without its figures', () => {
    expect(resultsSchema.safeParse({ ...results, rows: [{ id: 'x', label: 'x', status: 'measured' }] }).success).toBe(false);
  });
});

describe('process tree memory', () => {
  test('parses /proc stat lines whose command holds spaces and parentheses', async () => {
    const { parseProcStat } = await import('../../src/bench/process-tree.ts');
    expect(parseProcStat(42, '42 (node (astro) x) S 7 42 42 0 -1 4194560 1 0 0 0 1 1 0 0 20 0 11 0 100 2000000 300 18446744073709551615')).toEqual({ pid: 42, ppid: 7, rssBytes: 300 * 4096 });
  });

  test('sums the root and its descendants only', async () => {
    const { treeRssOf } = await import('../../src/bench/process-tree.ts');
    const stats = [
      { pid: 1, ppid: 0, rssBytes: 1000 },
      { pid: 10, ppid: 1, rssBytes: 5 },
      { pid: 11, ppid: 10, rssBytes: 7 },
      { pid: 12, ppid: 10, rssBytes: 11 },
      { pid: 20, ppid: 1, rssBytes: 100 },
    ];
    expect(treeRssOf(10, stats)).toBe(23);
    expect(treeRssOf(99, stats)).toBe(0);
  });
});

describe('parseBenchArgs', () => {
  test('suites, runs and sizes', async () => {
    const { parseBenchArgs } = await import('../../src/bench/options.ts');
    expect(parseBenchArgs(['site', '--runs', '3', '--sizes', '100, 1000'])).toEqual({ suites: ['site'], runs: 3, sizes: [100, 1000] });
    expect(parseBenchArgs([])).toEqual({ suites: [], runs: undefined, sizes: [100, 1000, 5000] });
  });

  test.each([[['--runs', '0']], [['--runs', 'x']], [['--sizes', '100,']], [['--fast']]])('%j is a usage error', async (argv) => {
    const { parseBenchArgs, BenchUsageError } = await import('../../src/bench/options.ts');
    expect(() => parseBenchArgs(argv)).toThrow(BenchUsageError);
  });
});
