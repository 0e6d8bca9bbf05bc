import { layoutOf } from '../../site/layouts.ts';
import type { ShortcodeHandler } from './types.ts';

/**
 * `{{< security_bulletin >}}`: the disclosure details istio.io shows at the top of a bulletin, from the
 * page's `cves`, `cvss`, `vector` (and `cvss_version`) and `releases`. Our bulletin layout renders them
 * from the same front matter (src/site/components/layouts/Bulletin.astro), so the shortcode becomes
 * nothing: writing them into the body too showed them twice. What the layout cannot show is reported.
 */
export const securityBulletinHandler: ShortcodeHandler = {
  single({ open }, c) {
    const fm = c.ctx.page ?? {};
    if (fm.cves === undefined && fm.cvss === undefined && fm.releases === undefined) {
      return c.unsupported(open, 'needs cves:, cvss: and releases: in the front matter');
    }
    if (c.ctx.pagePath !== undefined && layoutOf(c.ctx.pagePath, typeof fm.layout === 'string' ? fm.layout : undefined) !== 'bulletin') {
      return c.unsupported(open, 'the page does not get the bulletin layout (a page below news/security/, or layout: bulletin), which shows the details');
    }
    return c.block(open, '');
  },
};
