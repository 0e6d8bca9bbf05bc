import { escapeHtml } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/** `{{< company_logo link= logo= alt= >}}` (the landing page, in HTML): the company's logo, linking to `link`. */
export const companyLogoHandler: ShortcodeHandler = {
  single({ open }, c) {
    const { link, logo, alt } = open.params.named;
    if (!logo) return c.unsupported(open, 'company_logo without logo=');
    const img = `<img src="${escapeHtml(logo)}" alt="${escapeHtml(alt ?? '')}" title="${escapeHtml(alt ?? '')}"/>`;
    return c.leaf(open, link ? `<a class="company-logo" href="${escapeHtml(link)}">${img}</a>` : `<div class="company-logo">${img}</div>`);
  },
};
