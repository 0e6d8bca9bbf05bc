import type { Diagnostic } from '../model/diagnostic.ts';
import { sectionOfHeadingLine } from '../model/sections.ts';
import { PageConverter } from './converter.ts';
import { scanShortcodes } from './shortcode-scan.ts';
import { buildShortcodeTree } from './shortcode-tree.ts';
import { shortcodeHandlers } from './shortcodes/registry.ts';
import type { ConvertContext, EmittedFence } from './shortcodes/types.ts';

export type { ConvertContext, EmittedFence } from './shortcodes/types.ts';
export { escapeAttribute } from './markdown-out.ts';
export { stripPrefix } from './shortcodes/container.ts';
export { textAttributes } from './shortcodes/text-attributes.ts';
export { markdownIndent } from './shortcodes/text.ts';

export interface ConvertResult {
  markdown: string;
  diagnostics: Diagnostic[];
  fences: EmittedFence[];
  /** Names of the shortcodes seen, with counts (for the import summary). */
  shortcodes: Map<string, number>;
}

/**
 * Converts the body of one Hugo page to our Markdown (see common.md "Authoring format"):
 *
 * ```
 * {{< text syntax=bash snip_id=x >}}        →   ```bash snip_id=x
 * $ kubectl get pods                              $ kubectl get pods
 * {{< /text >}}                                   ```
 * {{< tip >}}…{{< /tip >}}                  →   :::tip … :::
 * {{< tabset category-name="c" >}}          →   ::::tabset{category="c"}
 * {{< tab name="A" category-value="a" >}}   →   :::tab{name="A" value="a"}
 * {{< boilerplate foo >}}                   →   ::boilerplate{name="foo"}
 * {{< gloss envoy >}}Envoy's{{< /gloss >}}  →   :gloss[Envoy's]{term="envoy"}
 * {{< istio_version >}}                     →   %%version%%
 * ```
 *
 * Shortcodes it does not know stay visible as inline code and are reported
 * (`shortcode-unsupported`), so the page still builds.
 *
 * `source` is a whole file, front matter included; front matter is passed through untouched, as it
 * precedes any shortcode. Each shortcode is converted by its handler (src/migrate/shortcodes/),
 * sharing one converter context per page (converter.ts).
 */
export function convertHugoMarkdown(source: string, ctx: ConvertContext): ConvertResult {
  const frontmatterEnd = frontmatterLength(source);
  const body = source.slice(frontmatterEnd);
  const c = new PageConverter(body, ctx, shortcodeHandlers, frontmatterEnd, source);
  const tree = buildShortcodeTree(scanShortcodes(body));
  for (const stray of tree.strayClosings) {
    c.report(stray.offset, 'unmatched-closing', `{{< /${stray.name} >}} closes nothing (Hugo refuses the page)`);
  }
  const markdown = source.slice(0, frontmatterEnd) + c.renderNodes(tree.nodes);
  if (ctx.tested) checkSectionNames(body, (offset, message) => c.report(offset, 'section-name-changed', message, 'warning'), ctx);
  return { markdown, diagnostics: c.diagnostics, fences: c.fences, shortcodes: c.shortcodes };
}

/**
 * istio.io's generator names a section from the heading text before the first `{`
 * (`## Install {{< istioctl >}}` → `install`); once the shortcode is converted the heading reads
 * `## Install istioctl` and our generator says `install_istioctl`. Snip names a test calls would
 * change, so each such heading is reported with both names.
 */
function checkSectionNames(body: string, warn: (offset: number, message: string) => void, ctx: ConvertContext): void {
  let offset = 0;
  for (const line of body.split('\n')) {
    if (/^##+ .*\{\{[<%]/.test(line)) {
      const theirs = sectionOfHeadingLine(line);
      const converted = convertHugoMarkdown(line, { ...ctx, tested: false, glossaryTitles: undefined, boilerplates: undefined }).markdown;
      const ours = sectionOfHeadingLine(converted);
      if (theirs !== ours) {
        warn(offset, `snip names in this section change: istio.io's generator calls it "${theirs ?? '(no section)'}", ours "${ours ?? '(no section)'}" (the heading holds a shortcode)`);
      }
    }
    offset += line.length + 1;
  }
}

/** Length of the YAML front matter block (`---` … `---` and its newline), 0 when there is none. */
export function frontmatterLength(source: string): number {
  const m = /^---[ \t]*\r?\n(?:---|[\s\S]*?\r?\n---)[ \t]*(?:\r?\n|$)/.exec(source);
  return m ? m[0].length : 0;
}

/** The YAML between the front matter's `---` lines ('' when there is none). */
export function frontmatterYaml(source: string): string {
  return source.slice(0, frontmatterLength(source)).replace(/^---[ \t]*\r?\n/, '').replace(/---[ \t]*(\r?\n)?$/, '');
}
