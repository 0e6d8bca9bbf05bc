import { readFileSync, statSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Astro's virtual module holding the content store (every entry, its rendered HTML included). */
const storeModuleId = '\0astro:data-layer-content';
const storeModulePrefix = 'export default JSON.parse(';

/**
 * Reasoning: Astro hands the content store to the pages as a module whose source is the whole
 * store as one string literal (`export default JSON.parse("…")`: 27 MB for istio.io's site). V8
 * compiles a string literal that long in time that grows faster than its length: 7–9 s of CPU for
 * that module against 0.6 s for `JSON.parse` of the same text (docs/performance.md), paid before the
 * first page renders and again on every content change in the dev server. The module keeps the
 * same value but reads the store file Astro just wrote (the build prerenders on this machine, the
 * dev server reads its own `.astro/`), so nothing is compiled and the bundle no longer carries it.
 * It does so only when that file holds exactly the text Astro inlined; otherwise (a store written
 * meanwhile, a store in another form) Astro's module is kept as it is.
 */
export function dataStoreModulePlugin(storeFile: string): Plugin {
  return {
    name: 'meshdocs:data-store-module',
    transform(code, id) {
      if (id !== storeModuleId || !code.startsWith(storeModulePrefix) || !code.endsWith(')')) return undefined;
      if (!statSync(storeFile, { throwIfNoEntry: false })?.isFile()) return undefined;
      let inlined: unknown;
      try {
        inlined = JSON.parse(code.slice(storeModulePrefix.length, -1));
      } catch {
        return undefined;
      }
      if (typeof inlined !== 'string' || inlined !== readFileSync(storeFile, 'utf8')) return undefined;
      return {
        code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`,
        map: { mappings: '' },
      };
    },
  };
}
