import type { ShortcodeParams } from '../shortcode-scan.ts';

/** `{{< text bash yaml >}}`, `{{< text syntax="bash" outputis="yaml" snip_id=x >}}` → lang and fence meta. */
export function textAttributes(params: ShortcodeParams): { lang: string; meta: [string, string][] } {
  const { positional, named } = params;
  // `syntax="bash yaml"` reads like `{{< text bash yaml >}}` (Hugo's class list and the generator agree).
  const [syntax, syntaxOutput] = (named.syntax ?? '').trim().split(/\s+/);
  const lang = named.syntax !== undefined ? (syntax ?? '') : (positional[0] ?? '');
  const meta: [string, string][] = [];
  const outputis = named.outputis ?? (named.syntax !== undefined ? syntaxOutput : positional[1]);
  if (named.snip_id) meta.push(['snip_id', named.snip_id]);
  if (outputis) meta.push(['outputis', outputis]);
  if (named.downloadas) meta.push(['downloadas', named.downloadas]);
  if (named.expandlinks !== undefined) meta.push(['expandlinks', named.expandlinks]);
  if (named.repo) meta.push(['repo', named.repo]);
  return { lang, meta };
}
