import { markdownLink } from '../markdown-out.ts';
import type { ShortcodeHandler } from './types.ts';

/**
 * `{{< change_log >}}`: istio.io lists every page by its last Git commit, month by month. The history
 * is not part of the imported content, so the page links to it; a generated log is site-side work.
 */
export const changeLogHandler: ShortcodeHandler = {
  single({ open }, c) {
    c.report(open.offset, 'shortcode-static', '{{< change_log >}} lists pages by their Git history, which the import does not carry: written as a link to the history', 'warning');
    return c.block(open, `The changes to these pages are in the ${markdownLink('history of the site repository', 'https://github.com/istio/istio.io/commits/master/content/en')}.`);
  },
};
