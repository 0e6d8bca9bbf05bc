import { fromModel, type PageRule } from './types.ts';

/**
 * The commands of a bash block must be a complete shell command list: otherwise bash reads on into
 * the expected output, and text shown as output runs when the page's `snips.sh` is sourced.
 */
export const completeCommandsRule: PageRule = {
  names: ['MESH012', 'complete-commands'],
  description: 'The commands of a bash block form a complete shell command list',
  tags: ['code', 'bash'],
  check(_page, context) {
    return fromModel(context, 'bash-incomplete-command');
  },
};
