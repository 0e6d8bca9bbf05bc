import { markdownText } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/** `{{% involve_block title= subtitle= icon= %}}…{{% /involve_block %}}`: a `###` heading, the subtitle, the content. */
export const involveBlockHandler: ShortcodeHandler = {
  paired(node, c) {
    const { title, subtitle } = node.open.params.named;
    const parts = [...(title ? [`### ${markdownText(title)}`] : []), ...(subtitle ? [`*${markdownText(subtitle)}*`] : []), c.inner(node)];
    return c.block(node.open, parts.filter((p) => p !== '').join('\n\n'), node.close.end);
  },
};
