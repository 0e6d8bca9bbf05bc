import { markdownLink, markdownText } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/**
 * `{{< feature_block header="…" image="…" url="…" >}}…{{< /feature_block >}}`: a heading (istio.io
 * writes an `<h2>`), the content, and a "Learn more" link when `url` is set. The decorative icon
 * (`image`, inlined from istio.io's static files) is left out.
 */
export const featureBlockHandler: ShortcodeHandler = {
  paired(node, c) {
    const { header, url } = node.open.params.named;
    const parts = [...(header ? [`## ${markdownText(header)}`] : []), c.inner(node), ...(url ? [markdownLink('Learn more', url)] : [])];
    return c.block(node.open, parts.filter((p) => p !== '').join('\n\n'), node.close.end);
  },
};
