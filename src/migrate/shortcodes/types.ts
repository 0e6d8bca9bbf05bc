import type { Diagnostic } from '../../model/diagnostic.ts';
import type { RepositoryUrls, SiteArgs } from '../hugo-values.ts';
import type { RawBlockToken, ShortcodeToken } from '../shortcode-scan.ts';
import type { HugoNode, ShortcodeNode } from '../shortcode-tree.ts';
import type { SiteData } from '../site-data.ts';

/** What the converter knows about the page and the site (the caller's input). */
export interface ConvertContext {
  /** Display path of the source file, for diagnostics. */
  file: string;
  /** Hugo site root: `text_import file=` resolves against it. */
  siteRoot: string;
  /** Raw values of the site's data/args.yml. */
  args: SiteArgs;
  /** Glossary entry titles, upper-cased (Hugo matches them case-insensitively); undefined: don't check. */
  glossaryTitles?: ReadonlySet<string>;
  /** Boilerplate names of the site; undefined: don't check. */
  boilerplates?: ReadonlySet<string>;
  repository?: RepositoryUrls;
  /** Directory of the source page: relative image links are checked against it. */
  pageDir?: string;
  /** The page's snips are generated (`test: yes` or a boilerplate): section names matter. */
  tested?: boolean;
  /** The page's own front matter, parsed (`relnote` and `security_bulletin` read it). */
  page?: Readonly<Record<string, unknown>>;
  /** Path of the page's directory below `content/<lang>/` (`news/releases/1.25.x/announcing-1.25`). */
  pagePath?: string;
  /** The site's data files and pages that data-driven shortcodes expand from. */
  site?: SiteData;
}

/** A fence the converter wrote, for the round-trip check (`verifyFences`). */
export interface EmittedFence {
  lang: string;
  value: string;
  /** Line of the Hugo opening tag in the source file. */
  sourceLine: number;
}

/** A shortcode with its closing tag. */
export type PairedNode = ShortcodeNode & { close: ShortcodeToken };

/**
 * The conversion of one page, as the shortcode handlers see it: the page body and context, what was
 * reported and written so far, and the helpers every handler shares (converter.ts implements it).
 */
export interface Converter {
  /** The page body (front matter removed): every offset is into it. */
  readonly body: string;
  readonly ctx: ConvertContext;
  readonly repo: RepositoryUrls;
  readonly diagnostics: Diagnostic[];
  readonly fences: EmittedFence[];
  /** Callouts/tabs currently open around the node being rendered. */
  insideContainer: number;
  lineOf(offset: number): number;
  report(offset: number, ruleId: string, message: string, severity?: 'error' | 'warning'): void;
  count(name: string): void;
  /** Whitespace before `offset` on its line, or undefined when the line has other text first. */
  blockIndent(offset: number): string | undefined;
  /** Inline code that shows a shortcode as written. */
  visible(raw: string): string;
  /** Reports the shortcode as unsupported and keeps it visible. */
  unsupported(token: ShortcodeToken, why?: string): string;
  /** A block-level result: a tag that shares its line with text moves to a line of its own. */
  leaf(token: ShortcodeToken, text: string): string;
  /**
   * Block-level Markdown written for a shortcode that spans `token` … `end`: on lines of its own,
   * with blank lines around it, continuation lines indented like the tag.
   */
  block(token: ShortcodeToken, markdown: string, end?: number): string;
  /** The Markdown inside a paired shortcode, its common indentation removed (Hugo's strip_indent). */
  inner(node: PairedNode): string;
  /** Value shortcodes inside code or attribute text: replaced; others kept as written. */
  convertCodeText(text: string, baseOffset: number): string;
  /** Children rendered as Markdown. */
  renderNodes(nodes: HugoNode[]): string;
}

/**
 * How one Hugo shortcode converts. A shortcode can have any of the three forms; a form it lacks
 * is reported as unsupported (and kept visible) by the converter.
 */
export interface ShortcodeHandler {
  /** `{{< name >}}…{{< /name >}}`: the children are Markdown, rendered with `c.renderNodes`. */
  paired?: (node: PairedNode, c: Converter) => string;
  /** `{{< name … >}}` or `{{< name … />}}` on its own. */
  single?: (node: ShortcodeNode, c: Converter) => string;
  /** A raw-body block (`text`, `mermaid`; see shortcode-scan.ts): the body is code, not Markdown. */
  raw?: (block: RawBlockToken, c: Converter) => string;
}
