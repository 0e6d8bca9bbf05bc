import { fromModel, type PageRule } from './types.ts';

/** Bytes that are not UTF-8 would silently become U+FFFD in the title, the HTML and the snips. */
export const utf8EncodingRule: PageRule = {
  names: ['MESH013', 'utf-encoding'],
  description: 'A page is UTF-8 text (no bytes that are not UTF-8)',
  tags: ['encoding'],
  check(_page, context) {
    return fromModel(context, 'encoding');
  },
};
