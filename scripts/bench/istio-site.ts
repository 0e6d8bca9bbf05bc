/**
 * istio.io's whole English site (`../shared/fixtures/istio.io-site`), moved over as a docs team would:
 * `npm run import:hugo` into a new directory, then `npm run build` of the output with no edit. For
 * each step: wall time and peak memory (the summed RSS of the step's whole process tree, sampled);
 * then the pages rendered (redirect pages apart), where they come from (the tree's page files or the
 * site itself) and which page files have none and why, the pages showing a shortcode as text, and which
 * of the site's landmark pages exist. One run (it takes minutes); nothing here asserts a time.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start as startProcess } from '../../src/process/index.ts';
import { readBuiltSite } from '../../src/bench/built-site.ts';
import { accountPages } from '../../src/bench/page-account.ts';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';

const fixture = join(projectRoot, '../shared/fixtures/istio.io-site');
const landmarks = ['/', '/blog/', '/news/', '/about/', '/about/faq/', '/docs/reference/config/networking/virtual-service/', '/news/releases/1.25.x/announcing-1.25/'];

if (!existsSync(fixture)) {
  console.log(`istio-site: ${fixture} does not exist; nothing to time`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'bench-istio-site-'));
const out = join(work, 'import');
const dist = join(work, 'dist');
try {
  const imported = await timed('import', ['scripts/import-hugo.ts', fixture, out], {});
  const built = await timed('build', ['scripts/site.ts', 'build'], { MESHDOCS_CONTENT: join(out, 'content'), MESHDOCS_DIST: dist });
  const site = readBuiltSite(dist);
  const missing = landmarks.filter((p) => !site.pages.includes(p));
  console.log(`istio-site: import ${imported.summary}`);
  console.log(`istio-site: build ${built.summary}`);
  console.log(`istio-site: ${site.pages.length} pages rendered, ${site.redirects.length} redirect pages, ${site.shortcodeText.length} page(s) showing a shortcode as text`);
  for (const s of site.shortcodeText) console.log(`  ${s.path}: ${s.text}`);
  const account = accountPages(site, resolveContentPaths(join(out, 'content')));
  const reasons = (r: string) => account.notRendered.filter((n) => n.reason === r).length;
  console.log(
    `istio-site: of those, ${account.fromFiles} from the tree's page files (FAQ questions included), ${account.generated.length} made by the site (${account.generated.join(' ')}); ` +
      `page files with no page: ${reasons('draft')} draft(s), ${reasons('bundle resource')} bundle resource(s) (event banners), ${reasons('missing')} missing`,
  );
  for (const n of account.notRendered.filter((m) => m.reason === 'missing')) console.log(`  missing: ${n.file}`);
  console.log(`istio-site: landmarks ${missing.length === 0 ? 'all present' : `missing ${missing.join(' ')}`} (${landmarks.join(' ')})`);
  process.exitCode = site.shortcodeText.length > 0 || missing.length > 0 || reasons('missing') > 0 ? 1 : 0;
} finally {
  // The tree's Astro cache goes with the tree (src/site/tree-cache.ts prunes caches of trees gone).
  rmSync(work, { recursive: true, force: true });
}

/** Runs `tsx <args>` in the project; fails the benchmark when it fails. */
async function timed(label: string, args: string[], env: Record<string, string>): Promise<{ summary: string }> {
  const start = performance.now();
  const child = startProcess('npx', ['tsx', ...args], { cwd: projectRoot, env, stdin: 'ignore' });
  let peak = 0;
  const sample = (): void => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
  };
  const timer = setInterval(sample, 200);
  const result = await child.result;
  clearInterval(timer);
  const seconds = (performance.now() - start) / 1000;
  if (result.exitCode !== 0) {
    console.error(result.all);
    console.error(`istio-site: ${label} failed (exit ${result.exitCode})`);
    process.exit(1);
  }
  const last = (result.all ?? '').trim().split('\n').filter((l: string) => /error\(s\)|page\(s\) built/.test(l)).at(-1)?.trim() ?? '';
  return { summary: `${seconds.toFixed(1)} s wall, peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (process tree)${last ? `  [${last.replace(/^\S+ \[build\] /, '')}]` : ''}` };
}

/** Summed resident memory (bytes) of `root` and every process below it, read from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): state ppid … ; rss is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // the process ended while we read
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}
