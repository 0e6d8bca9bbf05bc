import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { sectionOfHeadingLine } from '../model/sections.ts';
import { bodyLines, extractSnippet, renderFence } from './fence.ts';
import { istioRepository, valueShortcode, type RepositoryUrls, type SiteArgs } from './hugo-values.ts';
import { lineIndex, readShortcode, scanShortcodes, type RawBlockToken, type ShortcodeParams, type ShortcodeToken } from './shortcode-scan.ts';
import { buildShortcodeTree, type HugoNode, type ShortcodeNode } from './shortcode-tree.ts';

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
 */
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
}

/** A fence the converter wrote, for the round-trip check (`verifyFences`). */
export interface EmittedFence {
  lang: string;
  value: string;
  /** Line of the Hugo opening tag in the source file. */
  sourceLine: number;
}

export interface ConvertResult {
  markdown: string;
  diagnostics: Diagnostic[];
  fences: EmittedFence[];
  /** Names of the shortcodes seen, with counts (for the import summary). */
  shortcodes: Map<string, number>;
}

const calloutNames = new Set(['tip', 'warning', 'idea', 'quote']);
const containerNames = new Set([...calloutNames, 'tabset', 'tab']);

/**
 * Converts `source` (a whole file, front matter included; front matter is passed through
 * untouched, as it precedes any shortcode).
 */
export function convertHugoMarkdown(source: string, ctx: ConvertContext): ConvertResult {
  const frontmatterEnd = frontmatterLength(source);
  const body = source.slice(frontmatterEnd);
  const fileLine = lineIndex(source);
  const lineOf = (offset: number): number => fileLine(frontmatterEnd + offset);
  const diagnostics: Diagnostic[] = [];
  const fences: EmittedFence[] = [];
  const shortcodes = new Map<string, number>();
  const repo = ctx.repository ?? istioRepository;

  const report = (offset: number, ruleId: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
    diagnostics.push(diagnostic(ctx.file, lineOf(offset), ruleId, message, { severity }));
  };
  const count = (name: string): void => {
    shortcodes.set(name, (shortcodes.get(name) ?? 0) + 1);
  };

  let insideContainer = 0;
  const tree = buildShortcodeTree(scanShortcodes(body));
  for (const stray of tree.strayClosings) {
    report(stray.offset, 'unmatched-closing', `{{< /${stray.name} >}} closes nothing (Hugo refuses the page)`);
  }

  /** Whitespace before `offset` on its line, or undefined when the line has other text first. */
  const blockIndent = (offset: number): string | undefined => {
    const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
    const prefix = body.slice(lineStart, offset);
    return /^[ \t]*$/.test(prefix) ? prefix : undefined;
  };

  /** Inline code that shows a shortcode as written (newlines folded, so it stays one span). */
  const visible = (raw: string): string => {
    const text = raw.replace(/\s*\n\s*/g, ' ');
    const ticks = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1;
    const fence = '`'.repeat(ticks);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
  };

  const unsupported = (token: ShortcodeToken, why = 'not supported by the importer: kept visible as text'): string => {
    const end = token.delimiter === '<' ? '>' : '%';
    report(token.offset, 'shortcode-unsupported', `{{${token.delimiter} ${token.closing ? '/' : ''}${token.name} ${end}}}: ${why}`, 'warning');
    return visible(token.raw);
  };

  /** Value shortcodes inside code: replaced; escaped ones become literal; others stay as written. */
  const convertCodeText = (text: string, baseOffset: number): string => {
    let out = '';
    let i = 0;
    for (let at = text.indexOf('{{', i); at >= 0; at = text.indexOf('{{', i)) {
      const token = readShortcode(text, at);
      if (!token) {
        out += text.slice(i, at + 2);
        i = at + 2;
        continue;
      }
      out += text.slice(i, at);
      i = token.end;
      if ('escaped' in token) {
        out += token.escaped;
        continue;
      }
      count(token.name);
      const value = token.closing ? undefined : valueShortcode(token.name, token.params, ctx.args, repo);
      if (value !== undefined) out += value;
      else {
        report(baseOffset + at, 'shortcode-unsupported', `{{< ${token.name} >}} inside a code block: kept as written`, 'warning');
        out += token.raw;
      }
    }
    return out + text.slice(i);
  };

  const textFence = (raw: RawBlockToken): string => {
    const open = raw.open;
    count(open.name);
    let indent = blockIndent(open.offset);
    let lead = '';
    if (indent === undefined) {
      report(open.offset, 'text-inline', `{{< ${open.name} >}} must start its own line: moved to the next line`, 'warning');
      indent = '';
      lead = '\n';
    }
    if (!raw.close) report(open.offset, 'unclosed-shortcode', `{{< ${open.name} >}} is never closed ({{< /${open.name} >}})`);
    const lines = bodyLines(convertCodeText(raw.body, raw.bodyOffset), indent);
    // The body keeps what the generator reads; only the fence moves when CommonMark needs it.
    const fenceIndent = insideContainer > 0 ? indent : markdownIndent(body, open.offset, indent);
    const { lang, meta } = open.name === 'mermaid' ? { lang: 'mermaid', meta: [] as [string, string][] } : textAttributes(open.params);
    if (!lang) report(open.offset, 'text-syntax', '{{< text >}} without a syntax: written as "plain"', 'warning');
    const language = lang || 'plain';
    if (open.params.named.url || open.params.named.file) {
      report(open.offset, 'text-source', '{{< text >}} with url=/file= and a body: the body is used', 'warning');
    }
    fences.push({ lang: language, value: lines.join('\n'), sourceLine: lineOf(open.offset) });
    return lead + renderFence({ indent: fenceIndent, lang: language, meta, lines });
  };

  const textImport = (node: ShortcodeNode): string => {
    const token = node.open;
    const indent = blockIndent(token.offset);
    const { named } = token.params;
    const { lang, meta } = textAttributes(token.params);
    if (named.url) {
      report(token.offset, 'text-import-url', `text_import url="${named.url}": fetched by the browser on istio.io, written as a link`, 'warning');
      return `[${named.url}](${named.url})`;
    }
    if (!named.file) return unsupported(token, 'text_import needs file= or url=');
    const path = resolve(ctx.siteRoot, named.file);
    if (!path.startsWith(resolve(ctx.siteRoot)) || !existsSync(path)) {
      report(token.offset, 'text-import-missing', `text_import file="${named.file}" does not exist below the site root`);
      return visible(token.raw);
    }
    let lines = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
    let language = lang;
    let outputis = named.outputis;
    if (named.snippet) {
      const snippet = extractSnippet(lines.join('\n'), named.snippet);
      if (!snippet) {
        report(token.offset, 'text-import-missing', `text_import: no "# $snippet ${named.snippet}" in ${named.file}`);
        return visible(token.raw);
      }
      lines = snippet.lines;
      language ||= snippet.syntax ?? '';
      outputis ??= snippet.outputis;
    }
    const metaOut = meta.filter(([k]) => k !== 'outputis');
    if (outputis) metaOut.unshift(['outputis', outputis]);
    const ind = indent ?? '';
    fences.push({ lang: language || 'plain', value: lines.join('\n'), sourceLine: lineOf(token.offset) });
    return renderFence({ indent: ind, lang: language || 'plain', meta: metaOut, lines }).slice(ind.length);
  };

  const container = (node: ShortcodeNode): string => {
    const token = node.open;
    const indent = blockIndent(token.offset);
    const colons = ':'.repeat(3 + containerDepth(node));
    const attrs = containerAttributes(token);
    insideContainer++;
    const inner = renderNodes(node.children);
    insideContainer--;
    const lines = inner.split('\n');
    if (lines.length < 2) {
      report(token.offset, 'shortcode-one-line', `{{< ${token.name} >}} must span several lines (Hugo refuses it too)`, 'warning');
    }
    const ind = indent ?? '';
    const first = lines.length >= 2 ? lines[0]!.trim() : inner.trim();
    const last = lines.length >= 2 ? lines[lines.length - 1]!.trim() : '';
    const middle = lines.length >= 2 ? lines.slice(1, -1) : [];
    const prefix = stripPrefix(middle);
    const body = [...(first ? [ind + first] : []), ...middle.map((l) => reindent(l, prefix, ind)), ...(last ? [ind + last] : [])];
    const head = `${indent === undefined ? `\n` : ''}${colons}${token.name}${attrs}`;
    return [head, ...body, `${ind}${colons}`].join('\n');
  };

  const gloss = (node: ShortcodeNode): string => {
    const label = renderNodes(node.children);
    const term = node.open.params.positional[0] ?? node.open.params.named.term;
    const wanted = (term ?? label).trim().toUpperCase();
    if (ctx.glossaryTitles && !ctx.glossaryTitles.has(wanted)) {
      report(node.open.offset, 'gloss-unknown-term', `no glossary entry titled "${term ?? label}" in the site: written as plain text`, 'warning');
      return label;
    }
    const safe = label.replace(/([[\]])/g, '\\$1');
    return `:gloss[${safe}]${term ? `{term="${escapeAttribute(term)}"}` : ''}`;
  };

  const leaf = (token: ShortcodeToken, text: string): string => {
    if (blockIndent(token.offset) === undefined) {
      report(token.offset, 'shortcode-inline', `{{< ${token.name} >}} must start its own line: moved to the next line`, 'warning');
      return `\n${text}\n`;
    }
    return text;
  };

  const renderNode = (node: HugoNode): string => {
    if (node.type === 'text') return node.text;
    if (node.type === 'raw') return textFence(node);
    const { open } = node;
    const name = open.name;
    count(name);
    if (open.closing) return visible(open.raw);
    if (node.close) {
      if (containerNames.has(name)) return container(node);
      if (name === 'gloss') return gloss(node);
      return unsupported(open) + renderNodes(node.children) + visible(node.close.raw);
    }
    const value = valueShortcode(name, open.params, ctx.args, repo);
    if (value !== undefined) return value;
    switch (name) {
      case 'boilerplate': {
        const bp = open.params.positional[0] ?? open.params.named.name;
        if (!bp) return unsupported(open, 'boilerplate without a name');
        if (ctx.boilerplates && !ctx.boilerplates.has(bp)) {
          report(open.offset, 'unknown-boilerplate', `no boilerplate "${bp}" in the site (content/<lang>/boilerplates/${bp}.md)`);
        }
        return leaf(open, `::boilerplate{name="${escapeAttribute(bp)}"}`);
      }
      case 'image': {
        const link = open.params.named.link;
        if (ctx.pageDir && link && !/^(\/|[a-z]+:)/i.test(link) && !existsSync(resolve(ctx.pageDir, link))) {
          report(open.offset, 'image-missing', `{{< image link="${link}" >}}: no such file beside the page`, 'warning');
        }
        // A caption may hold a value shortcode as text (`caption="… {{< istio_full_version >}}"`).
        const named = Object.fromEntries(Object.entries(open.params.named).map(([k, v]) => [k, convertCodeText(v, open.offset)]));
        const withValues = { ...open, params: { ...open.params, named } };
        return leaf(open, imageDirective(withValues, (m) => report(open.offset, 'image-attributes', m, 'warning')));
      }
      case 'text_import':
      case 'text': // `{{< text file="…" >}}`: the same as text_import
        return textImport(node);
      default:
        if (containerNames.has(name) || name === 'gloss') return unsupported(open, `{{< ${name} >}} is never closed`);
        return unsupported(open);
    }
  };

  /** Text blocks write their own indentation: the whitespace before the tag is taken back. */
  const renderNodes = (nodes: HugoNode[]): string => {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'raw') {
        const indent = blockIndent(node.open.offset);
        if (indent && out.endsWith(indent)) out = out.slice(0, -indent.length);
      }
      out += renderNode(node);
    }
    return out;
  };

  const markdown = source.slice(0, frontmatterEnd) + renderNodes(tree.nodes);
  if (ctx.tested) checkSectionNames(body, (offset, message) => report(offset, 'section-name-changed', message, 'warning'), ctx);
  return { markdown, diagnostics, fences, shortcodes };
}

/** `{{< text bash yaml >}}`, `{{< text syntax="bash" outputis="yaml" snip_id=x >}}` → lang and fence meta. */
export function textAttributes(params: ShortcodeParams): { lang: string; meta: [string, string][] } {
  const { positional, named } = params;
  const lang = named.syntax ?? positional[0] ?? '';
  const meta: [string, string][] = [];
  const outputis = named.outputis ?? positional[1];
  if (named.snip_id) meta.push(['snip_id', named.snip_id]);
  if (outputis) meta.push(['outputis', outputis]);
  if (named.downloadas) meta.push(['downloadas', named.downloadas]);
  if (named.expandlinks !== undefined) meta.push(['expandlinks', named.expandlinks]);
  if (named.repo) meta.push(['repo', named.repo]);
  return { lang, meta };
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

const listMarker = /^( *)([-*+]|\d{1,9}[.)])( +|$)/;

/**
 * Where a fence must sit so that CommonMark reads it inside the same list item as the Hugo tag
 * (Hugo itself ignores Markdown context). A tag indented 4+ columns past the content of its list
 * item, or indented 4+ outside any list, would become an indented code block holding the fence
 * as text: the fence moves to the item's content column (or the margin).
 */
export function markdownIndent(body: string, offset: number, indent: string): string {
  const width = indent.length;
  if (width < 4) return indent;
  const before = body.slice(0, body.lastIndexOf('\n', offset - 1) + 1).split('\n');
  for (let i = before.length - 1; i >= 0; i--) {
    let line = before[i]!;
    if (line.trim() === '') continue;
    const lead = line.length - line.trimStart().length;
    if (lead >= width) continue;
    let m = listMarker.exec(line);
    // A lazy continuation line (`1. text⏎more text` at the margin): its paragraph's first line decides.
    for (let j = i - 1; !m && j >= 0 && before[j]!.trim() !== ''; j--) {
      m = listMarker.exec(before[j]!);
      if (m) line = before[j]!;
    }
    if (m) {
      const spaces = m[3]!.length;
      const content = m[1]!.length + m[2]!.length + (spaces === 0 || spaces > 4 ? 1 : spaces);
      if (content > width) continue; // a sibling or nested item further in: look further up
      return width - content <= 3 ? indent : ' '.repeat(content);
    }
    if (lead === 0) return ''; // top level: no list holds this block
  }
  return '';
}

/** Depth of nested callouts/tabs below a container: its fence needs that many more colons. */
function containerDepth(node: ShortcodeNode): number {
  let depth = 0;
  for (const child of node.children) {
    if (child.type === 'node' && child.close && containerNames.has(child.open.name)) {
      depth = Math.max(depth, 1 + containerDepth(child));
    } else if (child.type === 'node') {
      depth = Math.max(depth, containerDepth(child));
    }
  }
  return depth;
}

function containerAttributes(token: ShortcodeToken): string {
  const { named, positional } = token.params;
  const attrs: [string, string][] = [];
  if (token.name === 'tabset') {
    if (named['category-name']) attrs.push(['category', named['category-name']]);
    for (const [k, v] of Object.entries(named)) if (k !== 'category-name') attrs.push([k, v]);
  } else if (token.name === 'tab') {
    if (named.name) attrs.push(['name', named.name]);
    if (named['category-value']) attrs.push(['value', named['category-value']]);
    for (const [k, v] of Object.entries(named)) if (k !== 'name' && k !== 'category-value') attrs.push([k, v]);
  } else {
    for (const [k, v] of Object.entries(named)) attrs.push([k, v]);
    if (token.name === 'quote' && positional[0] && !named.caption) attrs.push(['caption', positional[0]]);
  }
  return attrs.length ? `{${attrs.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')}}` : '';
}

/** `{{< image link= caption= alt= title= width= ratio= >}}` → `::image{src caption alt title width}`. */
function imageDirective(token: ShortcodeToken, warn: (message: string) => void): string {
  const { named } = token.params;
  const src = named.link ?? named.src;
  if (!src) warn('{{< image >}} without link=');
  // Our ::image needs a caption; Hugo shows none when it is missing.
  const caption = named.caption || named.title || named.alt || (src ? src.split('/').pop() : undefined);
  if (!named.caption) warn(`{{< image >}} without caption=: using its ${named.title ? 'title' : named.alt ? 'alt text' : 'file name'}`);
  const attrs: [string, string | undefined][] = [
    ['src', src ?? ''],
    ['caption', caption ?? ''],
    ['alt', named.alt],
    ['title', named.title],
    ['width', named.width],
    ['ratio', named.ratio],
  ];
  const text = attrs
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => `${k}="${escapeAttribute(v.replace(/\s*\n\s*/g, ' '))}"`)
    .join(' ');
  return `::image{${text}}`;
}

/** Directive attribute values are double-quoted; `"` and `&` become character references. */
export function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/** istio.io's strip_indent: the first non-empty line fixes the prefix (16, 12, 8, 4 or 0 spaces). */
export function stripPrefix(lines: string[]): number {
  const first = lines.find((l) => l.trim() !== '');
  if (!first) return 0;
  for (const n of [16, 12, 8, 4]) if (first.startsWith(' '.repeat(n))) return n;
  return 0;
}

function reindent(line: string, prefix: number, indent: string): string {
  const rest = line.replace(new RegExp(`^ {0,${prefix}}`), '');
  return rest === '' ? '' : indent + rest;
}

/** Length of the YAML front matter block (`---` … `---` and its newline), 0 when there is none. */
export function frontmatterLength(source: string): number {
  const m = /^---[ \t]*\r?\n(?:---|[\s\S]*?\r?\n---)[ \t]*(?:\r?\n|$)/.exec(source);
  return m ? m[0].length : 0;
}
