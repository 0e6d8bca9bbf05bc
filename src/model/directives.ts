/**
 * The directives an author may use. One list: the site renders them, lint and the build reject
 * any other container or leaf directive. (Unknown *text* directives are left as text, because
 * `key:value` in prose parses as one.)
 */
export const containerDirectives = {
  tip: 'a tip callout',
  warning: 'a warning callout',
  idea: 'an idea callout',
  quote: 'a quotation, `{caption="…"}` names the source',
  note: 'a note callout (Starlight name)',
  caution: 'a caution callout (Starlight name)',
  danger: 'a danger callout (Starlight name)',
  tabset: 'a set of tabs, `{category="…"}` remembers the choice across pages',
  tab: 'one tab of a tabset, `{name="…" value="…"}`',
} as const;

export const leafDirectives = {
  boilerplate: 'includes content/en/boilerplates/<name>.md, `{name="…"}`',
  image: 'an image with caption, `{src="…" caption="…" alt="…" width="…"}`',
} as const;

export const textDirectives = {
  gloss: 'a glossary term, `:gloss[Envoy]` or `:gloss[Envoy\'s]{term="envoy"}`',
} as const;

export function isKnownDirective(type: string, name: string): boolean {
  if (type === 'containerDirective') return name in containerDirectives;
  if (type === 'leafDirective') return name in leafDirectives;
  return true;
}

/** Why a directive is not one of the format's (MESH005, and the renderer's guard), or undefined when it is. */
export function unknownDirectiveProblem(type: string, name: string): string | undefined {
  if (isKnownDirective(type, name)) return undefined;
  const [colons, known] = type === 'containerDirective' ? [':::', containerDirectives] : ['::', leafDirectives];
  return `unknown directive "${colons}${name}" (known: ${Object.keys(known).join(', ')})`;
}
