import type { Code, Html, Parent } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseFenceMeta } from '../../model/fence-meta.ts';
import { substituteVersions } from '../../model/versions.ts';
import { ensureLanguage } from '../highlighter.ts';
import { renderCodeBlock } from '../render-code.ts';
import { repositoryUrl } from '../repositories.ts';
import type { RenderPlugin } from './context.ts';

/**
 * Code blocks, rendered with the page model's command/output split. Last: a block is HTML from here on.
 *
 * Input:  ```` ```bash ⏎ $ kubectl get pods ⏎ NAME READY ⏎ ``` ````
 * Output: `<div class="mesh-code" data-lang="bash">… <span class="line mesh-cmd" data-prompt>kubectl get pods</span>
 *          <span class="line mesh-out">NAME READY</span> … <button data-copy="kubectl get pods">`
 */
export const remarkCode: RenderPlugin = (ctx) => async (tree) => {
  const blocks: { node: Code; parent: Parent; index: number }[] = [];
  visit(tree, 'code', (node: Code, index, parent) => {
    if (parent && index !== undefined) blocks.push({ node, parent, index });
  });
  if (blocks.length === 0) return;
  const versions = ctx.index().versions;
  const repos = ctx.repositories();
  const highlighter = await ctx.highlighter();
  const branch = versions.source_branch_name ?? 'main';
  for (const { node, parent, index } of blocks) {
    const meta = parseFenceMeta(node.meta);
    const base = repositoryUrl(repos, meta.attributes.repo);
    const repoLink = (path: string) => `${base}/blob/${branch}/${path}`;
    const lang = node.lang ?? '';
    const value = substituteVersions(node.value, versions);
    const lang2 = {
      code: await ensureLanguage(highlighter, lang),
      output: await ensureLanguage(highlighter, meta.outputis ?? 'text'),
    };
    const html: Html = { type: 'html', value: renderCodeBlock({ lang, meta, value, lang2 }, { highlighter, repoLink }) };
    parent.children[index] = html as never;
  }
};
