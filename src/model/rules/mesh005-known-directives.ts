import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { unknownDirectiveProblem } from '../directives.ts';
import { unsafeLinkProblem } from '../url-safety.ts';
import { defineRule, type RuleFinding, parseFindings } from './types.ts';

const buildAndLint = ['build', 'lint', 'editor'] as const;

/**
 * Only the directives the site renders (src/model/directives.ts), tabs inside tabsets, images with
 * src, caption and a safe link, and directive lines whose attributes can be read (the parse finds
 * those: `directive-syntax`).
 */
export const knownDirectivesRule = defineRule('MESH005', 'known-directives', {
  description: 'Directives must exist and be well formed (readable attributes, tabs in a tabset, images with src, caption and a safe link)',
  tags: ['directives'],
  codes: {
    'unknown-directive': buildAndLint,
    'tab-outside-tabset': buildAndLint,
    'image-attributes': buildAndLint,
    'directive-syntax': ['build', 'snips', 'lint', 'editor'],
  },
  check(page) {
    const out = parseFindings(page, 'directive-syntax');
    for (const d of page.directives) {
      const unknown = unknownDirectiveProblem(d.type, d.name);
      if (unknown) {
        out.push({ code: 'unknown-directive', line: d.line, column: d.column, message: unknown });
        continue;
      }
      if (d.name === 'image' && d.type === 'leafDirective') {
        for (const attr of ['src', 'caption'] as const) {
          if (!d.attributes[attr]) out.push({ code: 'image-attributes', line: d.line, message: `::image needs ${attr}="…"` });
        }
        const link = d.attributes.link;
        const problem = link === undefined ? undefined : unsafeLinkProblem(link);
        if (problem) out.push({ code: 'image-attributes', line: d.line, column: d.column, message: `::image link=${JSON.stringify(link)} ${problem}` });
      }
    }
    checkTabs(page.tree, out);
    return out;
  },
});

/** A `:::tab` must sit directly in a `::::tabset`, and a tabset holds only tabs, at least one. */
function checkTabs(tree: Root, out: RuleFinding[]): void {
  const code = 'tab-outside-tabset';
  visit(tree, (node, _index, parent) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const d = node as ContainerDirective | LeafDirective;
    const line = d.position?.start.line ?? 0;
    if (d.name === 'tab') {
      const p = parent as ContainerDirective | undefined;
      if (!p || p.type !== 'containerDirective' || p.name !== 'tabset') {
        out.push({ code, line, message: ':::tab must be inside a ::::tabset (use four colons for the tabset)' });
      }
      if (!d.attributes?.name) out.push({ code, line, message: ':::tab needs name="…"' });
    }
    if (d.name === 'tabset' && d.type === 'containerDirective') {
      if (!d.children.some((c) => c.type === 'containerDirective' && c.name === 'tab')) out.push({ code, line, message: 'a tabset needs at least one :::tab' });
      for (const child of d.children) {
        const isLabel = child.type === 'paragraph' && (child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
        const isTab = child.type === 'containerDirective' && child.name === 'tab';
        if (!isTab && !isLabel && toString(child).trim() !== '') {
          out.push({ code, line: child.position?.start.line ?? line, message: 'a tabset holds only :::tab blocks' });
        }
      }
    }
  });
}
