import { escapeAttribute } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/** Hugo's built-in `{{< figure src= alt= title= caption= >}}` → `::image` (its caption is the title and caption Hugo shows). */
export const figureHandler: ShortcodeHandler = {
  single({ open }, c) {
    const { src, alt, title, caption, width } = open.params.named;
    if (!src) return c.unsupported(open, 'figure without src=');
    const text = [title, caption].filter(Boolean).join(' ') || alt || src.split('/').pop()!;
    const attrs: [string, string | undefined][] = [['src', src], ['caption', text], ['alt', alt], ['width', width]];
    const directive = `::image{${attrs.filter((a): a is [string, string] => a[1] !== undefined).map(([k, v]) => `${k}="${escapeAttribute(v.replace(/\s*\n\s*/g, ' '))}"`).join(' ')}}`;
    return c.block(open, directive);
  },
};
