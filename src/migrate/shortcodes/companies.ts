import { markdownLink, markdownText } from '../markdown-out.ts';
import type { Company } from '../site-data.ts';
import type { Converter, ShortcodeHandler } from './types.ts';

/**
 * `data/companies.yml` lists: `{{< companies items="providers" >}}` is the list of companies (istio.io
 * shows their logos in a grid), `{{< interactive_panels items="training" >}}` the panels whose details
 * istio.io opens in a dialog (`{{< interactive_panel_modal >}}`): here each name links to the company
 * and its details follow, so the dialog has nothing left to show.
 */
export const companiesHandler: ShortcodeHandler = {
  single({ open }, c) {
    const items = companyList(c, open.params.named.items, open);
    if (typeof items === 'string') return items;
    return c.block(open, items.map((co) => `- ${link(co)}`).join('\n'));
  },
};

export const interactivePanelsHandler: ShortcodeHandler = {
  single({ open }, c) {
    const items = companyList(c, open.params.named.items, open);
    if (typeof items === 'string') return items;
    const sorted = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const entries = sorted.map((co) => {
      const details = (co.details ?? []).map((d) => markdownText(String(d)));
      return [`- **${link(co)}**`, ...details.map((d) => `\n  ${d}`)].join('\n');
    });
    return c.block(open, entries.join('\n'));
  },
};

export const interactivePanelModalHandler: ShortcodeHandler = {
  single: ({ open }, c) => c.block(open, ''),
};

function companyList(c: Converter, name: string | undefined, open: Parameters<Converter['unsupported']>[0]): Company[] | string {
  const items = name ? c.ctx.site?.companies[name] : undefined;
  if (!items || items.length === 0) return c.unsupported(open, `no list "${name ?? ''}" in data/companies.yml`);
  return items.filter((co) => co && typeof co.name === 'string');
}

function link(co: Company): string {
  return co.url ? markdownLink(co.name, co.url) : markdownText(co.name);
}
