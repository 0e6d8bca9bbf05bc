import { markdownTable, markdownText } from '../markdown-out.ts';
import type { SupportStatus } from '../site-data.ts';
import type { Converter, ShortcodeHandler } from './types.ts';

/**
 * `data/compatibility/supportStatus.yml` (newest first, `master` at the top):
 * `{{< supported_kubernetes_versions >}}` is the Kubernetes versions of the documented release,
 * `{{< support_status_table >}}` the whole table.
 */
export const supportedKubernetesVersionsHandler: ShortcodeHandler = {
  single({ open }, c) {
    const release = documentedRelease(c);
    if (!release) return c.unsupported(open, 'no release in data/compatibility/supportStatus.yml');
    return (release.k8sVersions ?? []).map(String).join(', ');
  },
};

export const supportStatusTableHandler: ShortcodeHandler = {
  single({ open }, c) {
    const rows = c.ctx.site?.supportStatus ?? [];
    if (rows.length === 0) return c.unsupported(open, 'no data/compatibility/supportStatus.yml');
    const cell = (v: unknown): string => (v === undefined || v === null ? '' : markdownText(String(v)));
    const table = markdownTable(
      ['Version', 'Currently Supported', 'Release Date', 'End of Life', 'Supported Kubernetes Versions', 'Tested, but not supported'],
      rows.map((r) => [cell(r.version), cell(r.supported), cell(r.releaseDate), cell(r.eolDate), cell((r.k8sVersions ?? []).join(', ')), cell((r.testedK8sVersions ?? []).join(', '))]),
    );
    return c.block(open, table);
  },
};

/** The site's release when the table has it, else the newest release (istio.io takes the entry after `master`). */
function documentedRelease(c: Converter): SupportStatus | undefined {
  const rows = c.ctx.site?.supportStatus ?? [];
  return rows.find((r) => r.version === String(c.ctx.args.version ?? '')) ?? rows.find((r) => r.version !== 'master');
}
