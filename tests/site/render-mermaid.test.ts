import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { expect, test } from 'vitest';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { createRenderContext } from '../../src/site/render/index.ts';
import { remarkMermaid } from '../../src/site/render/mermaid.ts';

const render = (markdown: string): Root => {
  const tree = unified().use(remarkParse).parse(markdown);
  void remarkMermaid(createRenderContext(resolveContentPaths(join(projectRoot, 'tests/fixtures/site/basic/content'))))(tree, new VFile());
  return tree;
};

test('a mermaid fence becomes a <pre class="mermaid"> holding its source, escaped; other fences stay code', () => {
  const tree = render('```mermaid\ngraph LR\n  a["<img src=x onerror=alert(1)>"] --> b & c\n```\n\n```yaml\na: 1\n```\n');
  expect(tree.children.map((n) => n.type)).toEqual(['html', 'code']);
  expect(tree.children[0]).toMatchObject({
    value: '<pre class="mermaid mesh-mermaid">graph LR\n  a["&lt;img src=x onerror=alert(1)&gt;"] --&gt; b &amp; c</pre>',
  });
});
