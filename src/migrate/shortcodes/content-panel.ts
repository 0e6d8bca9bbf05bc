import { escapeHtml, humanize } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/**
 * `{{< content_panel type= title= text= button= url= >}}` (the landing page's panels, in HTML):
 * a panel linking to `url`, its title and button text being i18n keys (`latest_news` → "Latest news").
 * The decorative icon (`image`, inlined from istio.io's static files) is left out.
 */
export const contentPanelHandler: ShortcodeHandler = {
  single({ open }, c) {
    const { type, title, text, button, url } = open.params.named;
    const cls = `panel${type ? ` panel--${escapeHtml(type)}` : ''}`;
    const body =
      `<div class="panel-body"><h5 class="panel-title">${escapeHtml(humanize(title ?? ''))}</h5>` +
      (text ? `<p class="panel-text">${escapeHtml(text)}</p>` : '') +
      (button ? `<span class="btn panel-btn">${escapeHtml(humanize(button))}</span>` : '') +
      '</div>';
    const html = button && url ? `<a href="${escapeHtml(url)}" class="${cls}">${body}</a>` : `<div class="${cls}">${body}</div>`;
    return c.leaf(open, html);
  },
};
