/**
 * Snips generation over istio.io's fixture pages (`../shared/fixtures/istio.io`, imported into our
 * format first, since they are Hugo pages): the whole tree in one process, parse + generate,
 * median of BENCH_RUNS (default 5). Also the whole `npm run snips -- --check` process, start-up
 * included, which is what istio.io's driver pays per page.
 *
 * With `ISTIO_IO_REPO=<checkout>`, istio.io's own generator runs over the same Hugo pages the way
 * its `scripts/gen_snips.sh` runs it (one `python3 scripts/snip.py` per boilerplate and per
 * tested page) and the ratio is printed; otherwise the comparison is skipped, saying why.
 *
 * Last, `npm run snips` on a 1,000-page synthetic corpus whose every page is tested (issue 13's target).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { projectRoot, resolveContentPaths, type ContentPaths } from '../../src/config/paths.ts';
import { importHugoSite } from '../../src/migrate/import-site.ts';
import { generateTreeSnips } from '../../src/snips/index.ts';
import { makeCorpus } from '../../src/bench/corpus.ts';
import { median } from '../../src/bench/median.ts';
import { clearCache } from '../../src/cache/index.ts';
import { run, runOrThrow } from '../../src/process/index.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const fixture = join(projectRoot, '../shared/fixtures/istio.io');
const work = mkdtempSync(join(tmpdir(), 'bench-snips-'));

/** The tree to time and a sentence saying what it is. */
function prepareTree(): { paths: ContentPaths; what: string } {
  if (existsSync(fixture)) {
    try {
      const out = join(work, 'imported');
      importHugoSite(fixture, out, { snips: false });
      return { paths: resolveContentPaths(join(out, 'content')), what: "istio.io's fixture pages, imported from Hugo into our format" };
    } catch (error) {
      console.log(`snips: importing ${fixture} failed (${(error as Error).message.split('\n')[0]}); timing our own content instead`);
    }
  }
  // Fallback: the project's own content, its docs copied 30 times.
  const out = join(work, 'scaled');
  cpSync(join(projectRoot, 'content'), join(out, 'content'), { recursive: true });
  cpSync(join(projectRoot, 'data'), join(out, 'data'), { recursive: true });
  for (let i = 1; i < 30; i++) cpSync(join(projectRoot, 'content/en/docs'), join(out, `content/en/docs/copy-${i}`), { recursive: true });
  return { paths: resolveContentPaths(join(out, 'content')), what: "the project's own content, docs copied 30 times (fixture import unavailable)" };
}

/** istio.io's driver, page by page, over a scratch copy of the Hugo fixture (snip.py writes beside each page). */
async function timeIstio(repo: string, testedPages: number): Promise<number | string> {
  const snipPy = join(repo, 'scripts/snip.py');
  if (!existsSync(snipPy)) return `${snipPy} does not exist`;
  const python = await run('python3', ['-c', 'import yaml']);
  if (python.exitCode !== 0) return 'python3 has no PyYAML (snip.py needs it)';
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const site = join(work, `istio-${r}`);
    cpSync(fixture, site, { recursive: true });
    const bpDir = join(site, 'content/en/boilerplates');
    const snipsDir = join(bpDir, 'snips');
    const boilerplates = readdirSync(bpDir).filter((f) => f.endsWith('.md')).sort();
    const pages = listTested(join(site, 'content/en/docs'));
    if (pages.length !== testedPages) console.log(`snips: note: istio.io's selection finds ${pages.length} tested pages, ours ${testedPages}`);
    const start = performance.now();
    for (const file of boilerplates) {
      const name = basename(file, '.md');
      await runOrThrow('python3', [snipPy, join(bpDir, file), '-d', snipsDir, '-p', `bpsnip_${name.replaceAll('-', '_')}`, '-f', `${name}.sh`, '-b', snipsDir], { cwd: site });
    }
    for (const page of pages) await runOrThrow('python3', [snipPy, '-b', snipsDir, page], { cwd: site });
    times.push(performance.now() - start);
    rmSync(site, { recursive: true, force: true });
  }
  return median(times);
}

/** `grep -l '^test: yes$'` over the docs, as gen_snips.sh selects pages. */
function listTested(docs: string): string[] {
  return (readdirSync(docs, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(docs, f))
    .filter((f) => /^test: yes$/m.test(readFileSync(f, 'utf8')))
    .sort();
}

try {
  const { paths, what } = prepareTree();
  // One warm-up run: the first parse loads and JIT-compiles the Markdown parser.
  const first = generateTreeSnips(paths);
  const pages = first.pages.filter((p) => p.kind === 'docs').length;
  const boilerplates = first.pages.length - pages;
  const inProcess: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    generateTreeSnips(paths);
    inProcess.push(performance.now() - start);
  }
  const cli: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await run(process.execPath, [join(projectRoot, 'scripts/snips.ts'), '--check'], {
      cwd: paths.root,
      env: { MESHDOCS_CONTENT: paths.content },
    });
    cli.push(performance.now() - start);
  }
  const ours = median(inProcess);
  console.log(`snips: tree = ${what}: ${pages} tested pages + ${boilerplates} boilerplates`);
  console.log(`snips: ours, in process (parse + generate): ${ours.toFixed(0)} ms median of ${runs} (${(ours / (pages + boilerplates)).toFixed(1)} ms/file)`);
  console.log(`snips: ours, whole CLI process (npm run snips -- --check): ${median(cli).toFixed(0)} ms median of ${runs}`);

  const repo = process.env.ISTIO_IO_REPO;
  if (!repo) {
    console.log("snips: istio.io comparison skipped: ISTIO_IO_REPO is not set (istio.io's scripts/snip.py is not on this machine)");
  } else {
    const theirs = await timeIstio(repo, pages);
    if (typeof theirs === 'string') console.log(`snips: istio.io comparison skipped: ${theirs}`);
    else {
      console.log(`snips: istio.io (python3 scripts/snip.py per file, as gen_snips.sh): ${theirs.toFixed(0)} ms median of ${runs}`);
      console.log(`snips: ratio istio.io / ours: x${(theirs / median(cli)).toFixed(1)} (whole process), x${(theirs / ours).toFixed(1)} (in process)`);
    }
  }

  // Issue 13's target: `npm run snips` over a 1,000-page corpus, every page tested, process start
  // included; cold (no parsed pages cached) and warm (nothing changed).
  const corpus = makeCorpus(1000, { testEvery: 1 });
  const timesOf = { cold: [] as number[], warm: [] as number[] };
  for (let r = 0; r < runs; r++) {
    for (const kind of ['cold', 'warm'] as const) {
      if (kind === 'cold') clearCache('pages');
      const start = performance.now();
      await runOrThrow('npm', ['run', '--silent', 'snips'], { cwd: projectRoot, env: { MESHDOCS_CONTENT: corpus } });
      timesOf[kind].push(performance.now() - start);
    }
  }
  rmSync(join(corpus, '..'), { recursive: true, force: true });
  console.log(`snips: npm run snips, 1,000 tested pages (synthetic): cold ${median(timesOf.cold).toFixed(0)} ms, warm ${median(timesOf.warm).toFixed(0)} ms, medians of ${runs}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
