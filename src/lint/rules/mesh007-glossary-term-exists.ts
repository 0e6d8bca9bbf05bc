import { fromModel, type PageRule } from './types.ts';

/** `:gloss[term]` needs a glossary entry (content/en/glossary/<term>.md, matched by file name or title). */
export const glossaryTermExistsRule: PageRule = {
  names: ['MESH007', 'glossary-term-exists'],
  description: 'A glossary term must have a glossary entry',
  tags: ['directives', 'glossary'],
  check(_page, context) {
    return fromModel(context, 'unknown-glossary-term');
  },
};
