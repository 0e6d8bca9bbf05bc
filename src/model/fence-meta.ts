/**
 * Options written after the language of a fence: ```` ```bash snip_id=install outputis=yaml ````.
 * Values may be quoted (`downloadas="a b.yaml"`).
 */
export interface FenceMeta {
  snipId?: string;
  outputis?: string;
  downloadas?: string;
  /** `expandlinks=false` leaves `@path@` as written on the page. Default true. */
  expandlinks: boolean;
  /** Every `key=value` as written, for checks on unknown keys. */
  attributes: Record<string, string>;
  /** Words that are not `key=value`. */
  words: string[];
}

export const knownFenceKeys = ['snip_id', 'outputis', 'downloadas', 'expandlinks', 'repo', 'title'] as const;

const attribute = /([A-Za-z_][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))|(\S+)/g;

export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const attributes: Record<string, string> = {};
  const words: string[] = [];
  for (const m of (meta ?? '').matchAll(attribute)) {
    if (m[1]) attributes[m[1]] = m[2] ?? m[3] ?? m[4] ?? '';
    else if (m[5]) words.push(m[5]);
  }
  return {
    snipId: attributes.snip_id,
    outputis: attributes.outputis,
    downloadas: attributes.downloadas,
    expandlinks: attributes.expandlinks !== 'false',
    attributes,
    words,
  };
}
