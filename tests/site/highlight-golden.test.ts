import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderableBlocks, type RenderableBlock } from '../../src/bench/code-blocks.ts';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { importHugoSite } from '../../src/migrate/import-site.ts';
import { createCodeHighlighter, ensureLanguage } from '../../src/site/highlighter.ts';
import { renderCodeBlock } from '../../src/site/render-code.ts';

/**
 * The highlighted HTML of every code block of a cut of istio.io's site (read from
 * ../shared/fixtures/istio.io-site at test time, never copied here), byte for byte as it was before
 * the highlighter was changed for speed: the golden file holds each block's place, language and a
 * digest of its HTML (not the HTML, which would copy the fixture's text). The pages are chosen to
 * cover every language the site uses, bash with output, `outputis`, and languages Shiki lacks.
 * `UPDATE=1` rewrites the golden file.
 */
const fixture = resolve(projectRoot, '../shared/fixtures/istio.io-site');
const golden = join(projectRoot, 'tests/fixtures/highlight/istio-site-blocks.json');
const pages = [
  'blog/2019/monitoring-external-service-traffic/index.md', // json
  'blog/2018/egress-https/index.md', // ruby
  'blog/2021/proxyless-grpc/index.md', // go
  'blog/2021/statefulsets-made-easier/index.md', // bash with outputis=yaml
  'blog/2023/native-sidecars/index.md', // shell
  'blog/2023/rust-based-ztunnel/index.md', // plaintext
  'blog/2019/egress-performance/index.md', // a block with no language
  'docs/tasks/observability/distributed-tracing/overview/index.md', // java, python
  'docs/ops/diagnostic-tools/proxy-cmd/index.md', // outputis=json
  'docs/ops/diagnostic-tools/istioctl/index.md', // zsh
  'docs/releases/contribute/code-blocks/index.md', // markdown, go
  'docs/tasks/traffic-management/egress/egress-gateway/index.md', // bash, plain, a language Shiki lacks
  'docs/ops/common-problems/network-issues/index.md', // yaml
];

let work: string;
let blocks: RenderableBlock[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'highlight-golden-'));
  const cut = join(work, 'hugo');
  cpSync(join(fixture, 'hugo.toml'), join(cut, 'hugo.toml'));
  cpSync(join(fixture, 'data'), join(cut, 'data'), { recursive: true });
  cpSync(join(fixture, 'content/en/boilerplates'), join(cut, 'content/en/boilerplates'), { recursive: true });
  for (const page of pages) {
    mkdirSync(dirname(join(cut, 'content/en', page)), { recursive: true });
    cpSync(join(fixture, 'content/en', page), join(cut, 'content/en', page));
  }
  importHugoSite(cut, join(work, 'out'), { snips: false });
  blocks = renderableBlocks(resolveContentPaths(join(work, 'out/content')));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('highlighted HTML of every block of the cut is unchanged', async () => {
  const highlighter = await createCodeHighlighter();
  const rendered: { place: string; lang: string; outputis?: string; sha256: string; html: string }[] = [];
  for (const b of blocks) {
    const lang2 = { code: await ensureLanguage(highlighter, b.lang), output: await ensureLanguage(highlighter, b.meta.outputis ?? 'text') };
    const html = renderCodeBlock({ lang: b.lang, meta: b.meta, value: b.value, lang2 }, { highlighter, repoLink: (p) => `https://example.invalid/${p}` });
    rendered.push({ place: b.place, lang: b.lang, ...(b.meta.outputis ? { outputis: b.meta.outputis } : {}), sha256: createHash('sha256').update(html).digest('hex'), html });
  }
  const record = rendered.map(({ html: _html, ...r }) => r);
  if (process.env.UPDATE === '1' || !existsSync(golden)) {
    writeFileSync(golden, `${JSON.stringify(record, null, 1)}\n`);
  }
  const expected = JSON.parse(readFileSync(golden, 'utf8')) as typeof record;
  // Every language of the site is covered, so a change of grammar loading shows here.
  expect(new Set(record.map((r) => r.lang))).toEqual(new Set(['bash', 'json', 'ruby', 'go', 'yaml', 'shell', 'plaintext', '', 'java', 'python', 'zsh', 'markdown', 'plain', 'bask']));
  expect(record.length).toBeGreaterThan(200);
  const changed = rendered.filter((r, i) => r.sha256 !== expected[i]?.sha256);
  expect(changed.map((r) => `${r.place} (${r.lang}): ${r.html.slice(0, 400)}`)).toEqual([]);
  expect(record).toEqual(expected);
});
