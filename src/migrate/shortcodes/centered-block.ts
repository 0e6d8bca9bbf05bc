import type { ShortcodeHandler } from './types.ts';

/** `{{< centered_block >}}…{{< /centered_block >}}`: a layout wrapper; the reader gets its content. */
export const centeredBlockHandler: ShortcodeHandler = {
  paired: (node, c) => c.block(node.open, c.inner(node), node.close.end),
};
