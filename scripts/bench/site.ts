/**
 * Site build at two sizes: wall time and HTML bytes per page. Flat per-page size as the corpus grows
 * 10× is the point of our own sidebar (Starlight's default puts the whole tree in every page).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths.ts';
import { makeCorpus } from '../../src/bench/corpus.ts';
import { median } from '../../src/bench/median.ts';
import { run } from '../../src/process/index.ts';

const sizes = (process.env.BENCH_SITE_SIZES ?? '100,1000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 1);

function htmlPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

const rows: { pages: number; seconds: number; bytesPerPage: number; sidebarBytes: number }[] = [];
for (const pages of sizes) {
  const content = makeCorpus(pages);
  const dist = `${content}-dist`;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    rmSync(dist, { recursive: true, force: true });
    const start = performance.now();
    const build = await run('npx', ['tsx', 'scripts/site.ts', 'build'], {
      cwd: projectRoot,
      env: { MESHDOCS_CONTENT: content, MESHDOCS_DIST: dist },
    });
    if (build.exitCode !== 0) {
      console.error(build.all);
      process.exit(1);
    }
    times.push((performance.now() - start) / 1000);
  }
  const files = htmlPages(join(dist, 'docs')).filter((f) => /page-\d+/.test(f));
  const bytes = files.map((f) => statSync(f).size);
  const sample = readFileSync(files[0]!, 'utf8');
  const navStart = sample.indexOf('class="mesh-nav"');
  const nav = sample.slice(navStart, sample.indexOf('</nav>', navStart));
  rows.push({ pages, seconds: median(times), bytesPerPage: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length), sidebarBytes: nav.length });
  rmSync(join(content, '..'), { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
}

for (const r of rows) {
  console.log(
    `site: ${r.pages} pages  build ${r.seconds.toFixed(1)} s (median of ${runs})  ${(r.bytesPerPage / 1024).toFixed(1)} KB/page  sidebar ${(r.sidebarBytes / 1024).toFixed(1)} KB/page`,
  );
}
if (rows.length >= 2) {
  const [a, b] = [rows[0]!, rows.at(-1)!];
  console.log(
    `site: per-page size x${(b.bytesPerPage / a.bytesPerPage).toFixed(2)} for x${b.pages / a.pages} pages (Starlight's default sidebar: ~175 KB/page at 1,000 pages, dependencies.md)`,
  );
}
