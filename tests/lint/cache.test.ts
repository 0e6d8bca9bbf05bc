/**
 * Lint's caches (node_modules/.cache/meshdocs): parsed pages, markdownlint, spelling, shellcheck and
 * the built pages' links. A cached run must report exactly what an uncached run reports, before and
 * after edits, and a second run must really be served from the cache.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { runLint, type LintResult } from '../../src/lint/run.ts';
import { PageCache } from '../../src/model/page-cache.ts';

const fixture = join(projectRoot, 'tests/fixtures/lint/seeded');

/** A private copy of the seeded fixture (content, data, dist) and an empty cache directory. */
function copy(): { root: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'lint-cache-tree-'));
  cpSync(fixture, root, { recursive: true });
  return { root, cache: mkdtempSync(join(tmpdir(), 'lint-cache-dir-')) };
}

function run(root: string, cache: string | false): Promise<LintResult> {
  return runLint({
    paths: resolveContentPaths(join(root, 'content')),
    projectRoot,
    cwd: root,
    checks: new Set(['markdown', 'spelling', 'scripts', 'links']),
    dist: join(root, 'dist'),
    cache,
  });
}

const findings = (r: LintResult): string[] => r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.ruleId}  ${d.message}`).sort();

describe('lint caches', () => {
  test('a second run parses nothing and reports the same findings as an uncached run', async () => {
    const { root, cache } = copy();
    const uncached = await run(root, false);
    expect(uncached.diagnostics.length).toBeGreaterThan(20);
    const first = await run(root, cache);
    const second = await run(root, cache);
    expect(first.counts.parsed).toBe(first.counts.markdown);
    expect(second.counts.parsed).toBe(0);
    expect(findings(first)).toEqual(findings(uncached));
    expect(findings(second)).toEqual(findings(uncached));
    expect(second.coverage).toEqual(uncached.coverage);
  });

  test('after edits (a page, a test script, a built page) only what changed is redone, and results match an uncached run', async () => {
    const { root, cache } = copy();
    await run(root, cache);
    const style = join(root, 'content/en/docs/style/index.md');
    // A new misspelling and a new curly quote at the top of one page: every later finding moves down.
    writeFileSync(style, readFileSync(style, 'utf8').replace(/^(---\n[\s\S]*?\n---\n)/, '$1\nA wrongg “quoted” word.\n'));
    const testSh = join(root, 'content/en/docs/tested/test.sh');
    appendFileSync(testSh, '\necho $(ls)\n');
    const built = join(root, 'dist/docs/links/index.html');
    writeFileSync(built, readFileSync(built, 'utf8').replace('</body>', '<a href="/docs/layout-only/">new</a></body>'));

    const cached = await run(root, cache);
    const uncached = await run(root, false);
    expect(cached.counts.parsed).toBe(1);
    expect(findings(cached)).toEqual(findings(uncached));
    const added = findings(cached).join('\n');
    expect(added).toMatch(/docs\/style\/index\.md:\d+:\d+ {2}spelling {2}.*wrongg/);
    expect(added).toMatch(/docs\/style\/index\.md:\d+:\d+ {2}MESH009/);
    expect(added).toMatch(/docs\/tested\/test\.sh:\d+:\d+ {2}SC2046/);
    expect(added).toMatch(/docs\/links\/index\.html:\d+:\d+ {2}link-broken {2}broken link \/docs\/layout-only\//);
  });

  test('stored results are what a cached run reports (markdownlint and shellcheck are not run again)', async () => {
    const { root, cache } = copy();
    await run(root, cache);
    // Plant a finding in each stored result: a run that reads the cache reports it.
    for (const name of ['markdownlint', 'shellcheck']) {
      const file = join(cache, name, 'entries.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown[]> };
      const first = Object.keys(data.entries)[0]!;
      data.entries[first] = [
        name === 'markdownlint'
          ? { lineNumber: 1, ruleNames: ['MD999', 'planted'], ruleDescription: 'planted in the cache', errorDetail: null, errorContext: null, errorRange: null, fixInfo: null }
          : { line: 1, column: 1, code: 9999, level: 'error', message: 'planted in the cache' },
      ];
      writeFileSync(file, JSON.stringify(data));
    }
    const out = findings(await run(root, cache)).join('\n');
    expect(out).toMatch(/MD999 {2}planted in the cache/);
    expect(out).toMatch(/SC9999 {2}planted in the cache/);
  });
});

describe('PageCache', () => {
  test('gives back the parsed page for the same text, with code blocks still pointing into the tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-cache-'));
    const source = '---\ntitle: T\n---\n\n## Run it\n\n```bash\n$ echo hi\nhi\n```\n';
    const first = PageCache.open(dir);
    const page = first.page(source, 'page', 'a.md');
    expect(first.misses).toBe(1);
    first.save();

    const second = PageCache.open(dir);
    const again = second.page(source, 'page', 'a.md');
    expect(second.misses).toBe(0);
    expect(again.codeBlocks[0]!.bash!.commands).toEqual(page.codeBlocks[0]!.bash!.commands);
    expect(again.tree.children).toContain(again.codeBlocks[0]!.node);
    // Another text or another display path is parsed afresh.
    second.page(source.replace('hi', 'ho'), 'page', 'a.md');
    second.page(source, 'page', 'b.md');
    expect(second.misses).toBe(2);
  });

  test('take hands a cached page over: it is not handed out again, nor saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-cache-'));
    const source = '---\ntitle: T\n---\n\nSome *text*.\n';
    const first = PageCache.open(dir);
    first.page(source, 'page', 'a.md');
    first.page(source, 'page', 'b.md');
    first.save();

    const second = PageCache.open(dir);
    const taken = second.take(source, 'page', 'a.md');
    expect(second.misses).toBe(0);
    expect(taken.tree.children.map((n) => n.type)).toEqual(['yaml', 'paragraph']);
    // The taker may change the tree: the next one asking for it gets its own parse.
    taken.tree.children.length = 0;
    const again = second.take(source, 'page', 'a.md');
    expect(second.misses).toBe(1);
    expect(again.tree.children).toHaveLength(2);
    second.page(source.replace('Some', 'Other'), 'page', 'c.md');
    second.save();
    const third = PageCache.open(dir);
    third.page(source, 'page', 'b.md');
    expect(third.misses).toBe(0);
    third.page(source, 'page', 'a.md');
    expect(third.misses).toBe(1);
  });

  test('an unreadable cache file is ignored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-cache-'));
    writeFileSync(PageCache.open(dir).file, 'not a v8 blob');
    const cache = PageCache.open(dir);
    cache.page('# Hi\n', 'page', 'x.md');
    expect(cache.misses).toBe(1);
  });
});
