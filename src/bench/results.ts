import { z } from 'zod';
import { median } from './median.ts';

/**
 * What `npm run bench` records of site builds: each bench entry reports raw measurements (one value
 * per run), the bench command turns them into rows (medians) and writes `bench/results.json`. The
 * schemas are the one declaration of both files; the types are inferred from them.
 */

/** One build workload as an entry measured it: every run's value, so the medians are computed once, here. */
export const buildMeasurementSchema = z.object({
  /** Row key: `synthetic-1000`, `istio.io-site`. */
  id: z.string().min(1),
  /** What was built, for the table. */
  label: z.string().min(1),
  /** Pages rendered (redirect pages apart). */
  pages: z.number().int().nonnegative(),
  /** Wall seconds of each cold build (no Astro cache for the tree, no output). */
  coldSeconds: z.array(z.number().nonnegative()),
  /** Wall seconds of each warm build (nothing changed since the previous build); empty when not measured. */
  warmSeconds: z.array(z.number().nonnegative()),
  /** Peak resident memory of the build's process tree in each cold build, bytes. */
  peakBytes: z.array(z.number().nonnegative()),
  /** Why a value is missing (e.g. the entry builds once and never warm). */
  notes: z.array(z.string()).default([]),
});
export type BuildMeasurement = z.infer<typeof buildMeasurementSchema>;

/** The file an entry writes into BENCH_RESULTS_DIR (src/bench/fragments.ts). */
export const fragmentSchema = z.object({ suite: z.string().min(1), measurements: z.array(buildMeasurementSchema) });
export type Fragment = z.infer<typeof fragmentSchema>;

const measuredRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.literal('measured'),
  pages: z.number().int(),
  runs: z.number().int().positive(),
  coldSeconds: z.number(),
  /** null: not measured (see notes). */
  warmSeconds: z.number().nullable(),
  peakMB: z.number().nullable(),
  /** Cold milliseconds per page. */
  msPerPage: z.number().nullable(),
  notes: z.array(z.string()),
});
const missingRowSchema = z.object({ id: z.string(), label: z.string(), status: z.literal('not measured'), reason: z.string() });
export const resultRowSchema = z.discriminatedUnion('status', [measuredRowSchema, missingRowSchema]);
export type ResultRow = z.infer<typeof resultRowSchema>;

export const machineSchema = z.object({
  cores: z.number().int().positive(),
  cpuModel: z.string(),
  memoryBytes: z.number().positive(),
  node: z.string(),
  platform: z.string(),
  /** 1-minute load average when the bench started and ended: above the core count, the figures are slowed by other work. */
  loadAverage: z.object({ start: z.number(), end: z.number() }),
});
export type Machine = z.infer<typeof machineSchema>;

export const resultsSchema = z.object({
  /** ISO date of the run. */
  date: z.string(),
  machine: machineSchema,
  /** Runs asked for (each row says how many it has). */
  runs: z.number().int().positive(),
  rows: z.array(resultRowSchema),
});
export type Results = z.infer<typeof resultsSchema>;

/** A row planned for the table: its id and label, so an entry that reported nothing still shows, with why. */
export interface PlannedRow {
  id: string;
  label: string;
}

/** The rows of an `npm run bench` table: the synthetic corpus at each size, then istio.io's site. */
export function plannedRows(sizes: readonly number[]): PlannedRow[] {
  return [...sizes.map((n) => ({ id: syntheticId(n), label: `synthetic, ${n.toLocaleString('en-US')} pages` })), { id: istioSiteId, label: 'istio.io site (imported)' }];
}

export const syntheticId = (pages: number): string => `synthetic-${pages}`;
export const istioSiteId = 'istio.io-site';

/** Medians of one measurement. */
export function summarise(m: BuildMeasurement): ResultRow {
  if (m.coldSeconds.length === 0) return { id: m.id, label: m.label, status: 'not measured', reason: m.notes.join('; ') || 'no cold build was timed' };
  const cold = median(m.coldSeconds);
  return {
    id: m.id,
    label: m.label,
    status: 'measured',
    pages: m.pages,
    runs: m.coldSeconds.length,
    coldSeconds: round(cold, 2),
    warmSeconds: m.warmSeconds.length > 0 ? round(median(m.warmSeconds), 2) : null,
    peakMB: m.peakBytes.length > 0 ? Math.round(median(m.peakBytes) / 1024 / 1024) : null,
    msPerPage: m.pages > 0 ? round((cold * 1000) / m.pages, 1) : null,
    notes: m.notes,
  };
}

/**
 * The rows of the table, in plan order: each planned row from its measurement, or "not measured"
 * with the reason (the entry did not run, failed, or reported nothing); measurements nobody planned
 * follow. Never a number that was not measured.
 */
export function collectRows(planned: readonly PlannedRow[], measurements: readonly BuildMeasurement[], missingReason: (id: string) => string): ResultRow[] {
  const byId = new Map(measurements.map((m) => [m.id, m]));
  const rows = planned.map((p): ResultRow => {
    const m = byId.get(p.id);
    return m ? summarise(m) : { id: p.id, label: p.label, status: 'not measured', reason: missingReason(p.id) };
  });
  const plannedIds = new Set(planned.map((p) => p.id));
  return [...rows, ...measurements.filter((m) => !plannedIds.has(m.id)).map(summarise)];
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

