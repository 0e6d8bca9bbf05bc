/**
 * Preloaded by every `npm run` script (`node --import ./scripts/compile-cache.mjs …`, package.json):
 * Node keeps what it compiled (the TypeScript it strips, V8's code) in node_modules/.cache/node,
 * so a command's start-up does not compile the same modules again on every run. Plain JavaScript:
 * it runs before Node loads any TypeScript.
 */
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/node', import.meta.url)));
