import { defineRule } from './types.ts';

/** `:gloss[term]` needs a glossary entry (content/en/glossary/<term>.md, matched by file name or title). */
export const glossaryTermExistsRule = defineRule('MESH007', 'glossary-term-exists', {
  description: 'A glossary term must have a glossary entry',
  tags: ['directives', 'glossary'],
  codes: { 'unknown-glossary-term': ['build', 'lint', 'editor'] },
  check(page, context) {
    return page.directives
      .filter((d) => d.type === 'textDirective' && d.name === 'gloss' && !context.hasGlossaryEntry(d.label, d.attributes.term))
      .map((d) => ({
        code: 'unknown-glossary-term',
        line: d.line,
        column: d.column,
        message: `no glossary entry for "${d.attributes.term ?? d.label}" (add content/en/glossary/<term>.md)`,
      }));
  },
});
