import { parseRule } from './types.ts';

/**
 * A `bash` block starts with a `$ ` command line; plain output belongs in a `text` block. The parse
 * finds it (`splitBashBlock(...).noCommand`), so the site, snips and lint share one verdict.
 */
export const bashCommandPromptRule = parseRule('MESH002', 'bash-command-prompt', {
  description: 'A bash code block must start with a "$ " command line',
  tags: ['code', 'bash'],
  code: 'bash-no-command',
});
