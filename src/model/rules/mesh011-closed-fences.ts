import { everywhere, parseFindings, type Rule } from './types.ts';

/** An unclosed code fence silently swallows the rest of the page (CommonMark runs it to the end); the parse finds it. */
export const closedFencesRule: Rule = {
  id: 'MESH011',
  alias: 'closed-fences',
  description: 'Every code fence must be closed',
  tags: ['code'],
  severity: 'error',
  codes: { 'unclosed-fence': everywhere },
  check: (page) => parseFindings(page, 'unclosed-fence'),
};
