/**
 * Parse once (issue 13): the site's loader renders each page from the page model's parse
 * (src/site/page-render.ts) instead of letting Astro parse it again. Its HTML must be what Astro's own
 * rendering gives: the project's content/ and the sections fixture (blog, news, FAQ entries) are built
 * both ways (`MESHDOCS_RENDER=astro` is Astro's own) and every page compared (src/bench/compare-dist.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareDists } from '../../src/bench/compare-dist.ts';
import { openCache } from '../../src/cache/index.ts';
import { projectRoot } from '../../src/config/paths.ts';
import { astroRenderEnv } from '../../src/site/page-loader.ts';
import { buildSite, tempDist } from '../helpers/site.ts';

const dists: string[] = [];
afterAll(() => {
  for (const d of dists) rmSync(d, { recursive: true, force: true });
});

async function build(content: string, env: Record<string, string> = {}): Promise<string> {
  const dist = tempDist();
  dists.push(dist);
  const result = await buildSite(content, dist, env);
  if (result.exitCode !== 0) throw new Error(`build of ${content} failed:\n${result.output}`);
  return dist;
}

describe.each([
  ['content/', join(projectRoot, 'content')],
  ['the sections fixture', join(projectRoot, 'tests/fixtures/site/sections/content')],
])('%s', (_name, content) => {
  test('renders from the page model exactly as Astro renders it', async () => {
    const astro = await build(content, { [astroRenderEnv]: 'astro' });
    // Rendered now, not read back from what an earlier build of the tree kept (src/site/rendered-cache.ts).
    rmSync(openCache('rendered', { tree: content }).dir, { recursive: true, force: true });
    const model = await build(content);
    const { same, changed, missing, added } = compareDists(astro, model);
    expect(changed).toEqual([]);
    expect(missing).toEqual([]);
    expect(added).toEqual([]);
    expect(same).toBeGreaterThan(5);
  }, 900_000);
});
