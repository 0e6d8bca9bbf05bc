import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeAttribute } from '../markdown-out.ts';
import type { ShortcodeToken } from '../shortcode-scan.ts';
import type { ShortcodeHandler } from './types.ts';

/** `{{< image link= caption= alt= title= width= ratio= >}}` (one or several lines) → `::image{src caption alt title width ratio}`. */
export const imageHandler: ShortcodeHandler = {
  single({ open }, c) {
    const link = open.params.named.link;
    if (c.ctx.pageDir && link && !/^(\/|[a-z]+:)/i.test(link) && !existsSync(resolve(c.ctx.pageDir, link))) {
      c.report(open.offset, 'image-missing', `{{< image link="${link}" >}}: no such file beside the page`, 'warning');
    }
    // A caption may hold a value shortcode as text (`caption="… {{< istio_full_version >}}"`).
    const named = Object.fromEntries(Object.entries(open.params.named).map(([k, v]) => [k, c.convertCodeText(v, open.offset)]));
    const withValues = { ...open, params: { ...open.params, named } };
    return c.leaf(open, imageDirective(withValues, (m) => c.report(open.offset, 'image-attributes', m, 'warning')));
  },
};

function imageDirective(token: ShortcodeToken, warn: (message: string) => void): string {
  const { named } = token.params;
  const src = named.link ?? named.src;
  if (!src) warn('{{< image >}} without link=');
  // Our ::image needs a caption; Hugo shows none when it is missing.
  const caption = named.caption || named.title || named.alt || (src ? src.split('/').pop() : undefined);
  if (!named.caption) warn(`{{< image >}} without caption=: using its ${named.title ? 'title' : named.alt ? 'alt text' : 'file name'}`);
  const attrs: [string, string | undefined][] = [
    ['src', src ?? ''],
    ['caption', caption ?? ''],
    ['alt', named.alt],
    ['title', named.title],
    ['width', named.width],
    ['ratio', named.ratio],
  ];
  const text = attrs
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => `${k}="${escapeAttribute(v.replace(/\s*\n\s*/g, ' '))}"`)
    .join(' ');
  return `::image{${text}}`;
}
