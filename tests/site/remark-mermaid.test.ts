import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { expect, test } from 'vitest';
import { remarkMermaid } from '../../src/site/remark-mermaid.ts';

const render = (markdown: string): Root => {
  const tree = unified().use(remarkParse).parse(markdown);
  remarkMermaid()(tree);
  return tree;
};

test('a mermaid fence becomes a <pre class="mermaid"> holding its source, escaped; other fences stay code', () => {
  const tree = render('```mermaid\ngraph LR\n  a["<img src=x onerror=alert(1)>"] --> b & c\n```\n\n```yaml\na: 1\n```\n');
  expect(tree.children.map((n) => n.type)).toEqual(['html', 'code']);
  expect(tree.children[0]).toMatchObject({
    value: '<pre class="mermaid mesh-mermaid">graph LR\n  a["&lt;img src=x onerror=alert(1)&gt;"] --&gt; b &amp; c</pre>',
  });
});
