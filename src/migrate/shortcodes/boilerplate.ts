import { escapeAttribute } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/** `{{< boilerplate name >}}` → `::boilerplate{name="name"}`; an unknown name is an error (Hugo fails on it too). */
export const boilerplateHandler: ShortcodeHandler = {
  single({ open }, c) {
    const bp = open.params.positional[0] ?? open.params.named.name;
    if (!bp) return c.unsupported(open, 'boilerplate without a name');
    if (c.ctx.boilerplates && !c.ctx.boilerplates.has(bp)) {
      c.report(open.offset, 'unknown-boilerplate', `no boilerplate "${bp}" in the site (content/<lang>/boilerplates/${bp}.md)`);
    }
    return c.leaf(open, `::boilerplate{name="${escapeAttribute(bp)}"}`);
  },
};
