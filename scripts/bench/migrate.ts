/**
 * The Hugo importer over istio.io's fixture pages (`../shared/fixtures/istio.io`): the import
 * alone (convert, copy, read back, validate), the import with snips generation, and the whole
 * compat check; medians of BENCH_RUNS (default 5), with the time per page.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths.ts';
import { loadAllowlist, runCompat } from '../../src/migrate/compat.ts';
import { importHugoSite } from '../../src/migrate/import-site.ts';
import { median } from '../../src/bench/median.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const fixture = join(projectRoot, '../shared/fixtures/istio.io');

if (!existsSync(fixture)) {
  console.log(`migrate: ${fixture} does not exist; nothing to time`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'bench-migrate-'));
try {
  let pages = 0;
  const time = (label: string, fn: (run: number) => void): number => {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      fn(r);
      times.push(performance.now() - start);
    }
    const m = median(times);
    console.log(`${label}: median ${m.toFixed(0)} ms over ${runs} runs (${(m / Math.max(pages, 1)).toFixed(1)} ms/page)`);
    return m;
  };
  const plain = time('import (no snips)', (r) => {
    pages = importHugoSite(fixture, join(work, `plain-${r}`), { snips: false }).pages.length;
  });
  const withSnips = time('import + snips', (r) => {
    importHugoSite(fixture, join(work, `snips-${r}`));
  });
  const allowlist = loadAllowlist(join(projectRoot, 'compat-allowlist.yml'));
  const compat = time('compat (import + generate + compare)', () => {
    runCompat(fixture, { allowlist });
  });
  console.log(`${pages} pages; snips generation adds ×${(withSnips / plain).toFixed(2)}, compat costs ×${(compat / plain).toFixed(2)} of a plain import`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
