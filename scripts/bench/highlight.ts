/**
 * Code highlighting, in process, every way against the others in the same run (so the ratios hold
 * on a loaded machine): Shiki's full bundle loading languages on first use (as the site did before),
 * a fine-grained bundle (shiki/core with only the languages the tree uses), Oniguruma against
 * Shiki's JavaScript regex engine, and each with and without the token cache of render-code.ts.
 * Every code block of content/ and of istio.io's whole site (../shared/fixtures/istio.io-site,
 * imported; BENCH_HIGHLIGHT_IMPORTED=<content dir> reuses an import) is rendered by each, and the
 * HTML compared byte for byte with the full bundle's. Also the import of each module set, in a
 * fresh Node, since that is paid once per build. Median of BENCH_RUNS (default 3); asserts no time.
 * BENCH_HIGHLIGHT_EVERY=N keeps every Nth block (a quick run on a busy machine).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHighlighter, type Highlighter } from 'shiki';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { languagesOf, renderableBlocks, type RenderableBlock } from '../../src/bench/code-blocks.ts';
import { median } from '../../src/bench/median.ts';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { importHugoSite } from '../../src/migrate/import-site.ts';
import { run } from '../../src/process/index.ts';
import { codeThemes, createCodeHighlighter, ensureLanguage } from '../../src/site/highlighter.ts';
import { renderCodeBlock, tokenCacheStats } from '../../src/site/render-code.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const fixture = join(projectRoot, '../shared/fixtures/istio.io-site');
const work = mkdtempSync(join(tmpdir(), 'bench-highlight-'));

function collect(): { blocks: RenderableBlock[]; what: string } {
  const own = renderableBlocks(resolveContentPaths(join(projectRoot, 'content')));
  let imported = process.env.BENCH_HIGHLIGHT_IMPORTED;
  if (!imported && existsSync(fixture)) {
    importHugoSite(fixture, join(work, 'istio'), { snips: false });
    imported = join(work, 'istio/content');
  }
  if (!imported) return { blocks: own, what: `content/ (${own.length} blocks; ${fixture} absent)` };
  const istio = renderableBlocks(resolveContentPaths(imported));
  return { blocks: [...own, ...istio], what: `content/ (${own.length} blocks) + istio.io site (${istio.length} blocks)` };
}

type Make = (langs: string[]) => Promise<Highlighter>;
const themeModules = () => [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')];
const langModules = (langs: string[]) => langs.map((l) => import(`shiki/langs/${l}.mjs`));
const variants: { name: string; make: Make; cache: boolean }[] = [];
const makers: Record<string, Make> = {
  'full bundle, Oniguruma, languages on first use': async () => createHighlighter({ themes: [codeThemes.light, codeThemes.dark], langs: ['bash'] }),
  'full bundle, JavaScript engine, languages on first use': async () =>
    createHighlighter({ themes: [codeThemes.light, codeThemes.dark], langs: ['bash'], engine: createJavaScriptRegexEngine({ forgiving: true }) }),
  'fine-grained, Oniguruma': async (langs) =>
    (await createHighlighterCore({ themes: themeModules(), langs: langModules(langs), engine: createOnigurumaEngine(import('shiki/wasm')) })) as unknown as Highlighter,
  'fine-grained, JavaScript engine': async (langs) =>
    (await createHighlighterCore({ themes: themeModules(), langs: langModules(langs), engine: createJavaScriptRegexEngine() })) as unknown as Highlighter,
  "the site's (src/site/highlighter.ts)": async () => createCodeHighlighter(),
};
for (const cache of [false, true]) for (const [name, make] of Object.entries(makers)) variants.push({ name: `${name}${cache ? ', token cache' : ''}`, make, cache });

/** Renders every block as the site does; returns the HTML of each and the setup and render times. */
async function renderAll(blocks: RenderableBlock[], knownLangs: string[], make: Make, cache: boolean): Promise<{ setupMs: number; renderMs: number; html: string[]; hits: number; misses: number }> {
  // CPU time of this process, not wall time: on a machine shared with other work, wall time mostly
  // measures the others; the CPU this work used holds far better (threads apart: Shiki uses none).
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = cpu();
  const highlighter = await make(knownLangs);
  const t1 = cpu();
  const html: string[] = [];
  for (const b of blocks) {
    const lang2 = { code: await ensureLanguage(highlighter, b.lang), output: await ensureLanguage(highlighter, b.meta.outputis ?? 'text') };
    html.push(renderCodeBlock({ lang: b.lang, meta: b.meta, value: b.value, lang2 }, { highlighter, repoLink: (p) => `https://example.invalid/${p}`, cache }));
  }
  const t2 = cpu();
  const stats = tokenCacheStats(highlighter);
  highlighter.dispose();
  return { setupMs: t1 - t0, renderMs: t2 - t1, html, hits: stats.hits, misses: stats.misses };
}

/** Milliseconds to import `code`'s modules and make a highlighter, in a fresh Node (what a build pays once). */
async function startMs(code: string): Promise<number> {
  const r = await run(process.execPath, ['--input-type=module', '-e', `const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; const t = c(); ${code}; console.log(c() - t)`], { cwd: projectRoot });
  return Number(r.stdout.trim());
}

try {
  const every = Number(process.env.BENCH_HIGHLIGHT_EVERY ?? 1);
  const collected = collect();
  const blocks = collected.blocks.filter((_, i) => i % every === 0);
  const what = `${collected.what}${every > 1 ? `, every ${every}th block: ${blocks.length}` : ''}`;
  // The languages the fine-grained bundle loads: those the tree asks for that Shiki has (the rest render as text, as before).
  const probe = await createCodeHighlighter();
  const asked = languagesOf(blocks);
  const known: string[] = [];
  for (const l of asked) if ((await ensureLanguage(probe, l)) !== 'text') known.push(l);
  console.log(`highlight: ${what}; languages asked: ${asked.join(' ')}; highlighted: ${known.join(' ')}`);

  const times = new Map<string, { setup: number[]; render: number[] }>();
  let reference: string[] | undefined;
  const differences = new Map<string, string[]>();
  const hitRate = new Map<string, string>();
  // One round not counted: it compiles (JIT) the renderer itself, which would count against whichever variant runs first.
  for (const v of variants) await renderAll(blocks.slice(0, 50), known, v.make, v.cache);
  for (let r = 0; r < runs; r++) {
    // Interleaved: each variant once per round, so load on the machine falls on all alike.
    for (const v of variants) {
      const out = await renderAll(blocks, known, v.make, v.cache);
      const t = times.get(v.name) ?? { setup: [], render: [] };
      t.setup.push(out.setupMs);
      t.render.push(out.renderMs);
      times.set(v.name, t);
      reference ??= out.html;
      differences.set(v.name, blocks.filter((_, i) => out.html[i] !== reference![i]).map((b) => `${b.place} (${b.lang})`));
      if (v.cache) hitRate.set(v.name, `${out.hits} hits / ${out.hits + out.misses} runs of lines (${((100 * out.hits) / Math.max(1, out.hits + out.misses)).toFixed(1)}%)`);
    }
  }
  const base = times.get(variants[0]!.name)!;
  const baseTotal = median(base.setup) + median(base.render);
  console.log(`highlight: ${blocks.length} blocks, CPU ms of this process, medians of ${runs} rounds, ratios against the first line (lower is faster)`);
  for (const v of variants) {
    const t = times.get(v.name)!;
    const total = median(t.setup) + median(t.render);
    const diff = differences.get(v.name)!;
    console.log(
      `  ${v.name.padEnd(62)} setup ${median(t.setup).toFixed(0).padStart(5)} ms  render ${median(t.render).toFixed(0).padStart(6)} ms  ` +
        `total x${(total / baseTotal).toFixed(2)}  HTML ${diff.length === 0 ? 'identical' : `differs in ${diff.length} block(s): ${diff.slice(0, 5).join(', ')}`}` +
        (hitRate.has(v.name) ? `  cache: ${hitRate.get(v.name)}` : ''),
    );
  }

  const imports = {
    'full bundle': `const { createHighlighter } = await import('shiki'); await createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['bash'] })`,
    'full bundle, JavaScript engine': `const { createHighlighter } = await import('shiki'); const { createJavaScriptRegexEngine } = await import('shiki/engine/javascript'); await createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['bash'], engine: createJavaScriptRegexEngine({ forgiving: true }) })`,
    'fine-grained, Oniguruma': `const { createHighlighterCore } = await import('shiki/core'); const { createOnigurumaEngine } = await import('shiki/engine/oniguruma'); await createHighlighterCore({ themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')], langs: [import('shiki/langs/bash.mjs')], engine: createOnigurumaEngine(import('shiki/wasm')) })`,
    'fine-grained, JavaScript engine': `const { createHighlighterCore } = await import('shiki/core'); const { createJavaScriptRegexEngine } = await import('shiki/engine/javascript'); await createHighlighterCore({ themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')], langs: [import('shiki/langs/bash.mjs')], engine: createJavaScriptRegexEngine() })`,
  };
  const startTimes = new Map<string, number[]>();
  for (let r = 0; r < Math.max(runs, 5); r++) for (const [name, code] of Object.entries(imports)) startTimes.set(name, [...(startTimes.get(name) ?? []), await startMs(code)]);
  const startBase = median(startTimes.get('full bundle')!);
  console.log('highlight: import + highlighter with bash, fresh Node, CPU ms, median of 5:');
  for (const [name, xs] of startTimes) console.log(`  ${name.padEnd(34)} ${median(xs).toFixed(0).padStart(5)} ms  x${(median(xs) / startBase).toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
