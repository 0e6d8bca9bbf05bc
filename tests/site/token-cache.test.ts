import { expect, test } from 'vitest';
import { parseFenceMeta } from '../../src/model/fence-meta.ts';
import { createCodeHighlighter, ensureLanguage } from '../../src/site/highlighter.ts';
import { renderCodeBlock, tokenCacheStats } from '../../src/site/render-code.ts';

const block = { lang: 'bash', meta: parseFenceMeta('outputis=yaml'), value: '$ kubectl get vs reviews -o yaml\napiVersion: networking.istio.io/v1\nkind: VirtualService' };

test('a repeated block is served from the token cache of its highlighter, with the same HTML as without the cache', async () => {
  const highlighter = await createCodeHighlighter();
  const lang2 = { code: await ensureLanguage(highlighter, 'bash'), output: await ensureLanguage(highlighter, 'yaml') };
  const render = (cache: boolean) => renderCodeBlock({ ...block, lang2 }, { highlighter, repoLink: (p) => `x/${p}`, cache });
  const uncached = render(false);
  expect(tokenCacheStats(highlighter)).toEqual({ hits: 0, misses: 0, size: 0 });
  const first = render(true);
  // Two runs of lines: the command (bash) and its output (yaml).
  expect(tokenCacheStats(highlighter)).toEqual({ hits: 0, misses: 2, size: 2 });
  const second = render(true);
  expect(tokenCacheStats(highlighter)).toEqual({ hits: 2, misses: 2, size: 2 });
  expect(first).toBe(uncached);
  expect(second).toBe(uncached);
  expect(uncached).toContain('<span class="line mesh-out">');
  // Another highlighter (another build) starts with an empty cache.
  const other = await createCodeHighlighter();
  expect(tokenCacheStats(other)).toEqual({ hits: 0, misses: 0, size: 0 });
  other.dispose();
  highlighter.dispose();
});
