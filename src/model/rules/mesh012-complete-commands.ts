import { parseRule } from './types.ts';

/**
 * The commands of a bash block must be a complete shell command list: otherwise bash reads on into
 * the expected output, and text shown as output runs when the page's `snips.sh` is sourced. The
 * parse finds it (src/model/shell-syntax.ts).
 */
export const completeCommandsRule = parseRule('MESH012', 'complete-commands', {
  description: 'The commands of a bash block form a complete shell command list',
  tags: ['code', 'bash'],
  code: 'bash-incomplete-command',
});
