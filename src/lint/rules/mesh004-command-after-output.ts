import type { PageRule } from './types.ts';

/**
 * Once a bash block shows output, every later line is output, even one that starts with `$ `
 * (istio.io's split, which the snips keep). Such a command would never run: start a new block.
 */
export const commandAfterOutputRule: PageRule = {
  names: ['MESH004', 'no-command-after-output'],
  description: 'No "$ " command after output in a bash block',
  tags: ['code', 'bash'],
  check(page) {
    return page.codeBlocks.flatMap((block) =>
      (block.bash?.commandsAfterOutput ?? []).map((index) => ({
        line: block.line + 1 + index,
        column: 1,
        message: 'this "$ " line comes after output, so it is treated as output and never runs: put it in its own bash block',
      })),
    );
  },
};
