import { visit } from 'unist-util-visit';
import { substituteVersions } from '../../model/versions.ts';
import type { RenderPlugin } from './context.ts';

/**
 * `%%full_version%%` → the value from `data/args.yml`, in text, inline code, HTML and URLs. After the
 * concerns that make text or HTML from directive attributes (tab names, captions, glossary
 * definitions): what they add gets the values too. Code blocks substitute their own (code.ts).
 */
export const remarkVersions: RenderPlugin = (ctx) => (tree) => {
  const versions = ctx.index().versions;
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') node.value = substituteVersions(node.value, versions);
    else if (node.type === 'link' || node.type === 'image') node.url = substituteVersions(node.url, versions);
  });
};
