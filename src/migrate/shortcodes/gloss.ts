import { escapeAttribute } from '../markdown-out.ts';
import type { Converter, PairedNode, ShortcodeHandler } from './types.ts';

/**
 * `{{< gloss >}}Envoy{{< /gloss >}}` → `:gloss[Envoy]`, `{{< gloss envoy >}}Envoy's{{< /gloss >}}` →
 * `:gloss[Envoy's]{term="envoy"}`; a term the site has no entry for becomes plain text (warning).
 */
function gloss(node: PairedNode, c: Converter): string {
  const label = c.renderNodes(node.children);
  const term = node.open.params.positional[0] ?? node.open.params.named.term;
  const wanted = (term ?? label).trim().toUpperCase();
  if (c.ctx.glossaryTitles && !c.ctx.glossaryTitles.has(wanted)) {
    c.report(node.open.offset, 'gloss-unknown-term', `no glossary entry titled "${term ?? label}" in the site: written as plain text`, 'warning');
    return label;
  }
  const safe = label.replace(/([[\]])/g, '\\$1');
  return `:gloss[${safe}]${term ? `{term="${escapeAttribute(term)}"}` : ''}`;
}

export const glossHandler: ShortcodeHandler = { paired: gloss };
