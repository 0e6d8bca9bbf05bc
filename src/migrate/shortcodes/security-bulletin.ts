import { markdownLink, markdownTable, markdownText } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/**
 * `{{< security_bulletin >}}`: the disclosure table istio.io shows at the top of a bulletin, from the
 * page's `cves`, `cvss`, `vector` (and `cvss_version`) and `releases`.
 */
export const securityBulletinHandler: ShortcodeHandler = {
  single({ open }, c) {
    const fm = c.ctx.page ?? {};
    if (fm.cves === undefined && fm.cvss === undefined && fm.releases === undefined) {
      return c.unsupported(open, 'needs cves:, cvss: and releases: in the front matter');
    }
    const cves = list(fm.cves).map((id) => (/^CVE-/i.test(id) ? markdownLink(id, `https://cve.mitre.org/cgi-bin/cvename.cgi?name=${encodeURIComponent(id)}`) : markdownText(id)));
    const cvss = fm.cvss === undefined || fm.cvss === null ? '' : markdownText(String(fm.cvss));
    const vector = typeof fm.vector === 'string' && fm.vector !== '' && fm.vector !== 'N/A' ? fm.vector : undefined;
    const calculator = String(fm.cvss_version ?? '').startsWith('4') ? 'v4-calculator' : 'v3-calculator';
    const score = vector ? `${cvss} ${markdownLink(vector, `https://nvd.nist.gov/vuln-metrics/cvss/${calculator}?vector=${encodeURIComponent(vector)}`)}`.trim() : cvss;
    const table = markdownTable(
      ['Disclosure details', ''],
      [
        ['CVE(s)', cves.join(', ')],
        ['CVSS impact score', score],
        ['Affected releases', list(fm.releases).map(markdownText).join(', ')],
      ],
    );
    return c.block(open, table);
  },
};

/** A YAML list or a comma-separated string (both forms are in istio.io's bulletins). */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  if (value === undefined || value === null) return [];
  return String(value).split(',').map((v) => v.trim()).filter((v) => v !== '');
}
