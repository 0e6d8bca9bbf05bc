import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { dataStoreModulePlugin } from '../../src/site/data-store-module.ts';

const dir = mkdtempSync(join(tmpdir(), 'data-store-module-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const id = '\0astro:data-layer-content';
// A store as Astro writes it (devalue's JSON), with what a page's HTML holds: quotes, backslashes, non-ASCII, U+2028.
const store = JSON.stringify([{ docs: 1 }, 'a "quoted" <p>body</p>\\n', 'café — ✓ \u2028 end', [2, 3], 'x', 'y']);
/** The module Astro generates for the store (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;

function transform(storeFile: string, code: string, moduleId = id): { code: string } | undefined {
  const hook = dataStoreModulePlugin(storeFile).transform as (code: string, id: string) => { code: string } | undefined;
  return hook.call({}, code, moduleId);
}

describe('the content store module', () => {
  test('reads the store file Astro inlined, and gives the same value', async () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, store);
    const out = transform(file, astroModule(store));
    expect(out?.code).toContain('readFileSync');
    expect(out?.code).not.toContain('quoted');
    const module = join(dir, 'store.mjs');
    writeFileSync(module, out!.code);
    const loaded = (await import(pathToFileURL(module).href)) as { default: unknown };
    expect(loaded.default).toEqual(JSON.parse(store));
  });

  test("keeps Astro's module when the file holds other text, is missing, or the module is another", () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, store.replace('café', 'cafe'));
    expect(transform(file, astroModule(store))).toBeUndefined();
    expect(transform(join(dir, 'missing.json'), astroModule(store))).toBeUndefined();
    writeFileSync(join(dir, 'same.json'), store);
    expect(transform(join(dir, 'same.json'), astroModule(store), '\0astro:content')).toBeUndefined();
    expect(transform(join(dir, 'same.json'), 'export default new Map()')).toBeUndefined();
  });
});
