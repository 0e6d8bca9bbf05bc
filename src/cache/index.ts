export { clearCache, defaultCacheRoot, openCache, type Cache, type CacheOptions, type Format } from './cache.ts';
export { EntryStore } from './entries.ts';
export { fingerprint, filesOf, keyOf, shortHash, type Inputs } from './fingerprint.ts';
export { siteCode, tools, type Tool } from './tools.ts';
