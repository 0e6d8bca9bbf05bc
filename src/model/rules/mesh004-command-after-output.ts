import { defineRule } from './types.ts';

/**
 * Once a bash block shows output, every later line is output, even one that starts with `$ `
 * (istio.io's split, which the snips keep: its quirk Q1). Such a command would never run: start a
 * new block. The site renders it as output, so the build does not fail on it.
 */
export const commandAfterOutputRule = defineRule('MESH004', 'no-command-after-output', {
  description: 'No "$ " command after output in a bash block',
  tags: ['code', 'bash'],
  codes: { 'snip-command-after-output': ['snips', 'lint', 'editor'] },
  check(page) {
    return page.codeBlocks.flatMap((block) =>
      (block.bash?.commandsAfterOutput ?? []).map((index) => ({
        code: 'snip-command-after-output',
        line: block.line + 1 + index,
        message: 'this "$ " line comes after output, so it is treated as output and never runs: put it in its own bash block',
      })),
    );
  },
});
