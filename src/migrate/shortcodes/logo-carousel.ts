import { escapeHtml } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/**
 * `{{< logo_carousel >}}` (the landing page, in HTML): the logos of the first 15 case studies, each
 * linking to its case study. istio.io scrolls them (a script); here they are one row.
 */
export const logoCarouselHandler: ShortcodeHandler = {
  single({ open }, c) {
    const studies = (c.ctx.site?.caseStudies ?? []).filter((s) => s.logo).slice(0, 15);
    if (studies.length === 0) return c.unsupported(open, 'no case-study pages (type: case-studies) with a logo');
    const items = studies.map(
      (s) => `<li><a href="${escapeHtml(s.path)}"><img src="${escapeHtml(s.logo!)}" alt="${escapeHtml(s.companyName)}" title="${escapeHtml(s.companyName)}"/></a></li>`,
    );
    return c.leaf(open, `<ul class="case-studies logo-carousel">${items.join('')}</ul>`);
  },
};
