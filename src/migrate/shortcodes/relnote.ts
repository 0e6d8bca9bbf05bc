import { markdownLink } from '../markdown-out.ts';
import type { Converter, ShortcodeHandler } from './types.ts';

/**
 * `{{< relnote >}}` on a release announcement: the row of links istio.io shows for the release named
 * by the page's `release:` (download, docs, and the change/upgrade notes of a minor release or the
 * source changes of a patch), written as a list. Hugo refuses a release newer than the site's.
 */
export const relnoteHandler: ShortcodeHandler = {
  single({ open }, c) {
    const release = c.ctx.page?.release;
    const full = typeof release === 'string' || typeof release === 'number' ? String(release) : '';
    const parts = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(full);
    if (!parts) return c.unsupported(open, full ? `release: "${full}" in the front matter is not a version (x.y.z)` : 'needs release: x.y.z in the front matter');
    const [major, minor, patch] = [Number(parts[1]), Number(parts[2]), Number(parts[3] ?? 0)];
    const version = `${major}.${minor}`;
    const fullVersion = `${version}.${patch}`;
    const site = String(c.ctx.args.full_version ?? '').split('.').map(Number);
    if (site.length >= 2 && compare([major, minor, patch], [site[0]!, site[1]!, site[2] ?? 0]) > 0) {
      c.report(open.offset, 'relnote-version', `release ${full} is newer than the site's version ${String(c.ctx.args.full_version)} (Hugo refuses the page)`);
    }
    const items: [string, string, string][] = [
      ['Download', `${c.repo.github}/releases/tag/${fullVersion}`, 'Download and install this release.'],
      ['Docs', docsUrl(c, version), 'Visit the documentation for this release.'],
    ];
    if (patch > 0) {
      items.push(['Source changes', `${c.repo.github}/compare/${version}.${patch - 1}...${fullVersion}`, 'Inspect the full set of source code changes.']);
    } else {
      const notes: [string, string, string][] = [
        ['change-notes', 'Change notes', "Get a detailed list of what's changed."],
        ['upgrade-notes', 'Before you upgrade', 'Things to know and prepare before upgrading.'],
        ['helm-changes', 'Helm changes', 'Learn about changes in our Helm installation options.'],
      ];
      for (const [dir, title, detail] of notes) {
        if (c.ctx.pagePath !== undefined && c.ctx.site?.pageDirs.has(`${c.ctx.pagePath}/${dir}`)) items.push([title, `${dir}/`, detail]);
      }
    }
    return c.block(open, items.map(([title, url, detail]) => `- **${markdownLink(title, url)}**: ${detail}`).join('\n'));
  },
};

/** The documentation of a release: this site for its own version, istio.io's live or archived docs otherwise. */
function docsUrl(c: Converter, version: string): string {
  if (version === String(c.ctx.args.version ?? '')) return '/docs/';
  if (version === c.ctx.site?.versions.main) return 'https://istio.io/latest/docs/';
  return `https://istio.io/v${version}/docs/`;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  return 0;
}
