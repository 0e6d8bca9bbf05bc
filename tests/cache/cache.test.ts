/**
 * src/cache: one `openCache(tool, { tree, inputs })` and one fingerprint for every cache of the
 * toolchain. What is stored under one fingerprint is never read under another; a tree's cache is its
 * own and goes with the tree.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fingerprint, openCache } from '../../src/cache/index.ts';
import { projectRoot } from '../../src/config/paths.ts';
import { runOrThrow } from '../../src/process/index.ts';

const scratch = (name: string): string => mkdtempSync(join(tmpdir(), `meshdocs-${name}-`));

describe('fingerprint', () => {
  test('moves with a file of the inputs, a file added to an input directory, and the values', () => {
    const dir = scratch('fp');
    writeFileSync(join(dir, 'a.txt'), 'a');
    const first = fingerprint('shellcheck', { files: [dir], values: ['v1'] });
    expect(fingerprint('shellcheck', { files: [dir], values: ['v1'] })).toBe(first);
    writeFileSync(join(dir, 'a.txt'), 'b');
    const edited = fingerprint('shellcheck', { files: [dir], values: ['v1'] });
    expect(edited).not.toBe(first);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'c.astro'), '---\n---\n');
    const added = fingerprint('shellcheck', { files: [dir], values: ['v1'] });
    expect(added).not.toBe(edited);
    expect(fingerprint('shellcheck', { files: [dir], values: ['v2'] })).not.toBe(added);
    // Another tool with the same inputs is another fingerprint.
    expect(fingerprint('markdownlint', { files: [dir], values: ['v1'] })).not.toBe(added);
  });

  test("the site's fingerprint covers its components, styles and config, not only .ts; the page model's does not move with them", async () => {
    // A scratch copy of the project's code (its packages linked): each run prints the fingerprints.
    const copy = scratch('project');
    for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(projectRoot, name), join(copy, name), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'));
    cpSync(join(projectRoot, 'tests/fixtures/site/basic'), join(copy, 'tree'), { recursive: true });
    writeFileSync(
      join(copy, 'print.ts'),
      [
        "import { fingerprint } from './src/cache/index.ts';",
        "import { resolveContentPaths } from './src/config/paths.ts';",
        "import { includesDigest } from './src/site/content-store.ts';",
        "console.log(JSON.stringify({ store: includesDigest(resolveContentPaths('tree/content')), site: fingerprint('site'), pages: fingerprint('pages') }));",
      ].join('\n'),
    );
    const print = async (): Promise<{ store: string; site: string; pages: string }> =>
      JSON.parse((await runOrThrow(process.execPath, ['print.ts'], { cwd: copy })).stdout) as { store: string; site: string; pages: string };

    const before = await print();
    appendFileSync(join(copy, 'src/site/components/PageTitle.astro'), '\n<!-- edited -->\n');
    const component = await print();
    // Astro's content store is dropped (src/site/integration.ts) and the build is not current.
    expect(component.store).not.toBe(before.store);
    expect(component.site).not.toBe(before.site);
    expect(component.pages).toBe(before.pages);

    appendFileSync(join(copy, 'src/site/styles/meshdocs.css'), '\n/* edited */\n');
    const style = await print();
    expect(style.store).not.toBe(component.store);
    expect(style.site).not.toBe(component.site);

    appendFileSync(join(copy, 'astro.config.mjs'), '\n// edited\n');
    const config = await print();
    expect(config.store).not.toBe(style.store);
    expect(config.site).not.toBe(style.site);

    // Code the site does not import changes nothing the site caches.
    appendFileSync(join(copy, 'src/runner/run.ts'), '\n// edited\n');
    expect(await print()).toEqual(config);

    appendFileSync(join(copy, 'src/model/parse.ts'), '\n// edited\n');
    const model = await print();
    expect(model.pages).not.toBe(config.pages);
    expect(model.store).not.toBe(config.store);
    rmSync(copy, { recursive: true, force: true });
  });
});

describe('openCache', () => {
  test('lives in <root>/<tool>/ and reads back only what was written under the same fingerprint', () => {
    const root = scratch('cache');
    const cache = openCache('markdownlint', { root, inputs: { values: ['config 1'] } });
    expect(cache.dir).toBe(join(root, 'markdownlint'));
    expect(cache.read('x.json')).toBeUndefined();
    cache.write('x.json', { n: 1 });
    expect(openCache('markdownlint', { root, inputs: { values: ['config 1'] } }).read<{ n: number }>('x.json')?.n).toBe(1);
    expect(openCache('markdownlint', { root, inputs: { values: ['config 2'] } }).read('x.json')).toBeUndefined();
    // v8 keeps what JSON cannot (a Map).
    cache.write('y.v8', { m: new Map([['k', 2]]) }, 'v8');
    expect(cache.read<{ m: Map<string, number> }>('y.v8', 'v8')?.m.get('k')).toBe(2);
    writeFileSync(cache.file('x.json'), '{ not json');
    expect(cache.read('x.json')).toBeUndefined();
  });

  test("a tree's cache is its own, and goes once the tree is gone", () => {
    const root = scratch('cache');
    const [a, b] = [scratch('tree-a'), scratch('tree-b')];
    const inA = openCache('site-check', { root, tree: a });
    const inB = openCache('site-check', { root, tree: b });
    expect(inA.dir).not.toBe(inB.dir);
    inA.write('records.json', { from: 'a' });
    expect(inB.read('records.json')).toBeUndefined();
    rmSync(a, { recursive: true });
    openCache('site-check', { root, tree: b });
    expect(existsSync(inA.dir)).toBe(false);
    expect(existsSync(inB.dir)).toBe(true);
  });

  test("an output's directory is kept a day after the output is gone (it appears only when its build finishes)", () => {
    const root = scratch('cache');
    const tree = scratch('tree');
    const cache = openCache('astro', { root, tree });
    const outA = join(scratch('out'), 'dist');
    const dirA = cache.forOutput(outA);
    const dirB = cache.forOutput(join(scratch('out'), 'dist'));
    expect(dirA).not.toBe(dirB);
    expect(cache.forOutput(outA)).toBe(dirA);
    cache.forOutput(join(scratch('out'), 'other'));
    expect(existsSync(dirA)).toBe(true);
    const old = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(join(dirA, 'for'), old, old);
    cache.forOutput(join(scratch('out'), 'other'));
    expect(existsSync(dirA)).toBe(false);
    expect(readdirSync(join(cache.dir, 'outputs'))).toContain(dirB.split('/').at(-1));
  });

  test('entries: those used in a run are kept first, older ones up to the limit, another fingerprint reads empty', () => {
    const root = scratch('cache');
    const open = (version: string) => openCache('shellcheck', { root, inputs: { values: [version] } }).entries<number>();
    const first = open('1');
    for (const k of ['a', 'b', 'c']) first.set(k, 1);
    first.save();
    const second = open('1');
    second.set('d', 2);
    second.save(2);
    const third = open('1');
    expect([third.get('d'), third.get('a'), third.get('b')]).toEqual([2, 1, undefined]);
    expect(open('2').get('d')).toBeUndefined();
  });
});
