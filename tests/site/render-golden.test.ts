/**
 * The renderer's output, byte for byte: a real Astro build of tests/fixtures/site/render (one page per
 * concern of src/site/render: boilerplates, version values, heading ids, callouts, tabs, figures,
 * glossary terms, code), and each page's rendered Markdown (Starlight's `sl-markdown-content`)
 * compared with its golden file in `expected/`. `UPDATE=1 npx vitest run tests/site/render-golden.test.ts`
 * rewrites them; a missing golden file fails.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { buildSite } from '../helpers/site.ts';

const fixture = join(projectRoot, 'tests/fixtures/site/render');
const expectedDir = join(fixture, 'expected');
const concerns = readdirSync(join(fixture, 'content/en/docs/concerns'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
let dist = '';

beforeAll(async () => {
  const build = await buildSite(join(fixture, 'content'));
  if (build.exitCode !== 0) throw new Error(`render fixture build failed:\n${build.output}`);
  dist = build.dist;
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** The exact text of the page's `<div class="sl-markdown-content">` element, as built. */
function markdownContent(html: string): string {
  let start = -1;
  let end = -1;
  let depth = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (start >= 0 && end < 0 && name === 'div') depth++;
      else if (start < 0 && name === 'div' && attrs.class?.split(/\s+/).includes('sl-markdown-content')) start = parser.startIndex;
    },
    onclosetag(name) {
      if (start < 0 || end >= 0 || name !== 'div') return;
      if (depth === 0) end = parser.endIndex + 1;
      else depth--;
    },
  });
  parser.end(html);
  if (start < 0 || end < 0) throw new Error('no sl-markdown-content element');
  return html.slice(start, end) + '\n';
}

test('the fixture has a page per concern of the renderer', () => {
  expect(concerns).toEqual(['boilerplates', 'callouts', 'code', 'figures', 'glossary', 'heading-ids', 'tabs', 'versions']);
});

test.each(concerns)('%s renders as its golden file', (concern) => {
  const actual = markdownContent(readFileSync(join(dist, 'docs/concerns', concern, 'index.html'), 'utf8'));
  const file = join(expectedDir, `${concern}.html`);
  if (process.env.UPDATE) {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing: UPDATE=1 writes it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
});
