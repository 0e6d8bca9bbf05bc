import { parseRule } from './types.ts';

/** An unclosed code fence silently swallows the rest of the page (CommonMark runs it to the end); the parse finds it. */
export const closedFencesRule = parseRule('MESH011', 'closed-fences', {
  description: 'Every code fence must be closed',
  tags: ['code'],
  code: 'unclosed-fence',
});
