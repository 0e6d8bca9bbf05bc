import { defineRule, parseFindings } from './types.ts';

/**
 * Bytes that are not UTF-8 would silently become U+FFFD in the title, the HTML and the snips; the
 * parse finds them (readPageSource keeps them). Not in the editor: markdownlint decodes the file
 * before its rules see it, so the bytes are already U+FFFD there.
 */
export const utf8EncodingRule = defineRule('MESH013', 'utf-encoding', {
  description: 'A page is UTF-8 text (no bytes that are not UTF-8)',
  tags: ['encoding'],
  codes: { encoding: ['build', 'snips', 'lint'] },
  check: (page) => parseFindings(page, 'encoding'),
});
