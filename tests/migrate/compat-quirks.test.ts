/**
 * Each quirk class of istio.io's generator is a detector: on a small Hugo site holding its quirk, the
 * real import and our generator give a difference the detector explains; on the same site with an
 * unrelated difference added, it does not (so no detector can pass everything). The committed files
 * are written as istio.io's snip.py writes them (../shared/reference/istio-io-toolchain.md §1.3).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { explainDifference, quirks, type QuirkContext } from '../../src/migrate/compat-quirks.ts';
import { compatCounts, compatPassed, runCompat, type CompatResult } from '../../src/migrate/compat.ts';
import { diagnostic } from '../../src/model/diagnostic.ts';
import { renderBanner } from '../../src/snips/render.ts';
import { tempDir } from './helpers.ts';

const args = 'version: "2.4"\nfull_version: "2.4.0"\nprevious_version: "2.3"\nsource_branch_name: release-2.4\nk8s_gateway_api_version: "v1.2.0"\n';
const page = (body: string, test = 'yes') => `---\ntitle: Page\ndescription: A page.\nweight: 1\ntest: ${test}\nowner: o\n---\n\n${body}`;
/** A snips file as istio.io commits it: its banner (ours here: only the text below it is compared), then the body. */
const committed = (markdown: string, body: string) => `${renderBanner(markdown)}${body}`;

/** A Hugo site in a temporary directory; returns the one result for `docs/p/index.md` (or `only`). */
function compare(files: Record<string, string>, only = 'docs/p/index.md'): CompatResult {
  const root = tempDir('quirk');
  for (const [rel, text] of Object.entries({ 'data/args.yml': args, ...files })) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const report = runCompat(root);
  const result = report.results.find((r) => r.page === only);
  expect(result, JSON.stringify(report.results.map((r) => r.page))).toBeDefined();
  return result!;
}

describe('Q1: a `$ ` line after output', () => {
  const markdown = page('## Run it\n\n{{< text bash >}}\n$ echo a\na\n$ echo b\n{{< /text >}}\n');
  const snips = (out: string) => committed('docs/p/index.md', `\nsnip_run_it_1() {\necho a\n}\n\n! IFS=$'\\n' read -r -d '' snip_run_it_1_out <<\\ENDSNIP\n${out}\nENDSNIP\n`);

  test('explains the page: same text, our error is the quirk', () => {
    const r = compare({ 'content/en/docs/p/index.md': markdown, 'content/en/docs/p/snips.sh': snips('a\necho b') });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['snip-command-after-output']);
    expect([r.status, r.quirks]).toEqual(['explained', ['Q1']]);
  });

  test('does not explain another difference on the same page', () => {
    const r = compare({ 'content/en/docs/p/index.md': markdown, 'content/en/docs/p/snips.sh': snips('A\necho b') });
    expect([r.status, r.quirks]).toEqual(['differs', ['Q1']]);
  });

  test('does not explain another error, nor one whose line is no `$ ` line', () => {
    const context: QuirkContext = {
      kind: 'docs',
      hugoSource: 'one\n$ two\nthree\n',
      definitions: [],
      committedBoilerplate: () => false,
      boilerplateHasSnips: () => false,
    };
    const same = { theirs: 'x\n', ours: 'x\n' };
    expect(explainDifference({ ...same, errors: [diagnostic('p.md', 2, 'snip-command-after-output', 'm')] }, context).status).toBe('explained');
    expect(explainDifference({ ...same, errors: [diagnostic('p.md', 3, 'snip-command-after-output', 'm')] }, context).status).toBe('differs');
    expect(explainDifference({ ...same, errors: [diagnostic('p.md', 2, 'snip-exec-it', 'm')] }, context).status).toBe('differs');
  });
});

describe('Q6: `{{< text plain>}}` with no space, which istio.io does not see', () => {
  const markdown = page(
    '## Look\n\n{{< text bash >}}\n$ echo one\n{{< /text >}}\n\n{{< text plain>}}\nsome text\n{{< /text >}}\n\n{{< text bash >}}\n$ echo two\n{{< /text >}}\n\n## Next\n\n{{< text bash >}}\n$ echo three\n{{< /text >}}\n',
  );
  // istio.io: the unspaced block is not a block and is not counted, so the third block is _2.
  const istio = (two: string) =>
    committed('docs/p/index.md', `\nsnip_look_1() {\necho one\n}\n\nsnip_look_2() {\n${two}\n}\n\nsnip_next_1() {\necho three\n}\n`);

  test('explains the page: our extra variable, and the later name of its section numbered one higher', () => {
    const r = compare({ 'content/en/docs/p/index.md': markdown, 'content/en/docs/p/snips.sh': istio('echo two') });
    expect(r.difference?.ours).toMatch(/snip_look_2 <</);
    expect([r.status, r.quirks]).toEqual(['explained', ['Q6']]);
  });

  test('does not explain another difference on the same page', () => {
    const r = compare({ 'content/en/docs/p/index.md': markdown, 'content/en/docs/p/snips.sh': istio('echo 2') });
    expect([r.status, r.quirks]).toEqual(['differs', ['Q6']]);
    // The difference shown is what is left once Q6 is taken out.
    expect([r.difference?.theirs, r.difference?.ours]).toEqual(['echo 2', 'echo two']);
  });

  test('is not present on a page whose blocks are all spaced', () => {
    const spaced = markdown.replace('{{< text plain>}}', '{{< text plain >}}');
    const r = compare({ 'content/en/docs/p/index.md': spaced, 'content/en/docs/p/snips.sh': istio('echo two') });
    expect([r.status, r.quirks]).toEqual(['differs', []]);
  });
});

describe('stale: a committed file whose source is gone', () => {
  const body = '\nsnip_old_1() {\necho old\n}\n';

  test('explains a page that is no longer tested, and a boilerplate that lost its code blocks', () => {
    const untested = compare({ 'content/en/docs/p/index.md': page('Text only.\n', 'no'), 'content/en/docs/p/snips.sh': committed('docs/p/index.md', body) });
    expect([untested.status, untested.quirks]).toEqual(['explained', ['stale']]);
    const boilerplate = compare(
      {
        'content/en/docs/p/index.md': page('## Run\n\n{{< text bash >}}\n$ echo a\n{{< /text >}}\n'),
        'content/en/docs/p/snips.sh': committed('docs/p/index.md', '\nsnip_run_1() {\necho a\n}\n'),
        'content/en/boilerplates/gone.md': '---\n---\nNo code any more.\n',
        'content/en/boilerplates/snips/gone.sh': committed('boilerplates/gone.md', '\nbpsnip_gone_x_1() {\necho x\n}\n'),
      },
      'boilerplates/gone.md',
    );
    expect([boilerplate.status, boilerplate.quirks]).toEqual(['explained', ['stale']]);
  });

  test('does not explain a tested page whose file we do not write', () => {
    // `test: yes` but no code block: istio.io would skip it too, so its committed file is not stale.
    const r = compare({ 'content/en/docs/p/index.md': page('## Run\n\nText only.\n'), 'content/en/docs/p/snips.sh': committed('docs/p/index.md', body) });
    expect(r.status).toBe('differs');
    expect(r.quirks).toEqual([]);
  });
});

describe("boilerplate-on-disk: istio.io sources a boilerplate's snips only when its file exists", () => {
  const markdown = page('{{< boilerplate empty-note >}}\n\n## Run\n\n{{< text bash >}}\n$ echo a\n{{< /text >}}\n');
  const boilerplates = { 'content/en/boilerplates/empty-note.md': '---\n---\nA note, no code.\n' };
  const istio = (run: string) =>
    committed('docs/p/index.md', `source "content/en/boilerplates/snips/empty-note.sh"\n\nsnip_run_1() {\n${run}\n}\n`);

  test('explains a source line for a stale boilerplate file that ours does not write', () => {
    const r = compare({
      ...boilerplates,
      'content/en/boilerplates/snips/empty-note.sh': committed('boilerplates/empty-note.md', '\nbpsnip_empty_note_1() {\necho old\n}\n'),
      'content/en/docs/p/index.md': markdown,
      'content/en/docs/p/snips.sh': istio('echo a'),
    });
    expect(r.status).toBe('explained');
    expect(r.quirks).toEqual(['boilerplate-on-disk']);
  });

  test('does not explain it when the file is not on disk, nor another difference', () => {
    const absent = compare({ ...boilerplates, 'content/en/docs/p/index.md': markdown, 'content/en/docs/p/snips.sh': istio('echo a') });
    expect([absent.status, absent.quirks]).toEqual(['differs', []]);
    const other = compare({
      ...boilerplates,
      'content/en/boilerplates/snips/empty-note.sh': committed('boilerplates/empty-note.md', '\nbpsnip_empty_note_1() {\necho old\n}\n'),
      'content/en/docs/p/index.md': markdown,
      'content/en/docs/p/snips.sh': istio('echo b'),
    });
    expect([other.status, other.quirks]).toEqual(['differs', ['boilerplate-on-disk']]);
  });
});

test('the summary counts identical, explained by class and differing pages; only a difference fails', () => {
  const root = tempDir('quirk-summary');
  const files: Record<string, string> = {
    'data/args.yml': args,
    'content/en/docs/same/index.md': page('## Run\n\n{{< text bash >}}\n$ echo a\n{{< /text >}}\n'),
    'content/en/docs/same/snips.sh': committed('docs/same/index.md', '\nsnip_run_1() {\necho a\n}\n'),
    'content/en/docs/old/index.md': page('Text.\n', 'no'),
    'content/en/docs/old/snips.sh': committed('docs/old/index.md', '\nsnip_x_1() {\necho x\n}\n'),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const report = runCompat(root);
  expect(compatCounts(report)).toEqual({ identical: 1, explained: 1, byClass: { Q1: 0, Q6: 0, stale: 1, 'boilerplate-on-disk': 0, allowlist: 0 }, differ: 0 });
  expect(compatPassed(report)).toBe(true);
  writeFileSync(join(root, 'content/en/docs/same/snips.sh'), committed('docs/same/index.md', '\nsnip_run_1() {\necho b\n}\n'));
  const failing = runCompat(root);
  expect(compatCounts(failing)).toMatchObject({ identical: 0, explained: 1, differ: 1 });
  expect(compatPassed(failing)).toBe(false);
  // A per-page entry still accepts a true one-off, and counts as explained by the allowlist.
  const accepted = runCompat(root, { allowlist: [{ page: 'docs/same/index.md', reason: 'a one-off' }] });
  expect(compatCounts(accepted)).toMatchObject({ explained: 2, byClass: { allowlist: 1 }, differ: 0 });
  expect(compatPassed(accepted)).toBe(true);
});

test('every quirk class has a description and a distinct id', () => {
  expect(quirks.map((q) => q.id)).toEqual(['Q1', 'Q6', 'stale', 'boilerplate-on-disk']);
  for (const q of quirks) expect(q.description.length).toBeGreaterThan(20);
});
