import { fromModel, type PageRule } from './types.ts';

/** An unclosed code fence silently swallows the rest of the page (CommonMark runs it to the end). */
export const closedFencesRule: PageRule = {
  names: ['MESH011', 'closed-fences'],
  description: 'Every code fence must be closed',
  tags: ['code'],
  check(_page, context) {
    return fromModel(context, 'unclosed-fence');
  },
};
