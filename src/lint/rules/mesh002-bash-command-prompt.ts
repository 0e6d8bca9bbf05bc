import { fromModel, type PageRule } from './types.ts';

/** A `bash` block starts with a `$ ` command line; plain output belongs in a `text` block. */
export const bashCommandPromptRule: PageRule = {
  names: ['MESH002', 'bash-command-prompt'],
  description: 'A bash code block must start with a "$ " command line',
  tags: ['code', 'bash'],
  check(_page, context) {
    return fromModel(context, 'bash-no-command');
  },
};
