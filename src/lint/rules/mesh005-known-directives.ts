import { fromModel, type PageRule } from './types.ts';

/** Only the directives the site renders (src/model/directives.ts), tabs inside tabsets, images with src and caption. */
export const knownDirectivesRule: PageRule = {
  names: ['MESH005', 'known-directives'],
  description: 'Directives must exist and be well formed (readable attributes, tabs in a tabset, images with src, caption and a safe link)',
  tags: ['directives'],
  check(_page, context) {
    return fromModel(context, 'unknown-directive', 'tab-outside-tabset', 'image-attributes', 'directive-syntax');
  },
};
