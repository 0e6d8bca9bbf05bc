import { markdownTable, tableCell } from '../markdown-out.ts';
import type { Feature } from '../site-data.ts';
import type { ShortcodeHandler } from './types.ts';

/** `{{< features section="Traffic Management" >}}`: the features of one area of `data/features.yaml` and their phase, as a table. */
export const featuresHandler: ShortcodeHandler = {
  single({ open }, c) {
    const section = open.params.named.section ?? open.params.positional[0];
    const features = (c.ctx.site?.features ?? []).filter((f) => f.area === section);
    if (!section || features.length === 0) return c.unsupported(open, `no features with area "${section ?? ''}" in data/features.yaml`);
    const rows = features.map((f) => [tableCell(f.link ? `[${f.name}](${f.link})` : f.name), tableCell(phase(f))]);
    return c.block(open, markdownTable(['Feature', 'Phase'], rows));
  },
};

function phase(f: Feature): string {
  const maturity = (f.level?.maturity ?? '').replace(/"/g, '');
  if (f.deprecation?.state !== 'deprecated') return maturity;
  const details = f.deprecation.details;
  if (!details) return 'Deprecated';
  const parts = [details.next ? `Deprecated with removal planned for ${details.next}.` : 'Deprecated.'];
  if (details.replacement) parts.push(`Replaced by ${details.replacement}.`);
  parts.push(`Was ${maturity}.`);
  return parts.join(' ');
}
