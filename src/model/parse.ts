import { readFileSync } from 'node:fs';
import type { Code, Heading, Paragraph, Root, Yaml } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseDocument } from 'yaml';
import { splitBashBlock, type BashSplit } from './bash-split.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { parseFenceMeta, type FenceMeta } from './fence-meta.ts';
import { checkFrontmatter, type Frontmatter, type PageKind } from './frontmatter.ts';
import { sectionOfHeadingLine, splitHeadingId } from './sections.ts';

/**
 * The Markdown syntax of every page: CommonMark + GFM + directives + YAML front matter.
 * The Astro site parses with the same extensions (Astro adds GFM, Starlight adds directives).
 */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

export interface CodeBlock {
  /** Position among all code blocks of the page, 0-based. */
  index: number;
  /** Language word of the fence, '' when none. */
  lang: string;
  meta: FenceMeta;
  /** Body as the reader sees it (container indentation removed). */
  value: string;
  /** Line of the opening fence (1-based, in the file). */
  line: number;
  /** Section slug (from the last `##`+ heading; '' before the first). */
  section: string;
  /** 1-based position of the block in its section: every code block advances it. */
  positionInSection: number;
  /** Command/output split, for `bash` blocks only. */
  bash?: BashSplit;
  /** The mdast node, for renderers. */
  node: Code;
}

export interface DirectiveUse {
  type: 'containerDirective' | 'leafDirective' | 'textDirective';
  name: string;
  attributes: Record<string, string>;
  /** Text content (the label of a text directive). */
  label: string;
  line: number;
  column: number;
}

export interface HeadingInfo {
  depth: number;
  text: string;
  id?: string;
  line: number;
}

export interface Page {
  /** Path as given (absolute or relative); used in diagnostics. */
  file: string;
  kind: PageKind;
  source: string;
  /** Parsed front matter; `undefined` when it is invalid (see diagnostics). */
  frontmatter: Frontmatter | undefined;
  /** Raw front matter object, even when invalid. */
  rawFrontmatter: Record<string, unknown>;
  tree: Root;
  headings: HeadingInfo[];
  codeBlocks: CodeBlock[];
  directives: DirectiveUse[];
  /** Problems found while parsing: front matter, unclosed fences, bash blocks without a command. */
  diagnostics: Diagnostic[];
}

export function loadPage(file: string, kind: PageKind, displayPath = file): Page {
  return parsePage(readPageSource(file), kind, displayPath);
}

/**
 * A page's text. Bytes that are not UTF-8 are kept as lone surrogates U+DC80–U+DCFF (one per
 * byte, as Python's `surrogateescape`), which valid UTF-8 can never produce, so `parsePage`
 * reports them with their line instead of every tool silently seeing U+FFFD. Every reader of
 * pages (site, snips, lint) goes through here.
 */
export function readPageSource(file: string): string {
  return decodePageBytes(readFileSync(file));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodePageBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let out = '';
    let start = 0;
    for (let i = 0; i < bytes.length; ) {
      const n = validSequenceLength(bytes, i);
      if (n > 0) {
        i += n;
        continue;
      }
      out += strictUtf8.decode(bytes.subarray(start, i)) + String.fromCharCode(0xdc00 + bytes[i]!);
      i += 1;
      start = i;
    }
    return out + strictUtf8.decode(bytes.subarray(start));
  }
}

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), 0 when there is none. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => b[i + k] !== undefined && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** One `encoding` error per line holding bytes that are not UTF-8 (see `readPageSource`). */
function checkEncoding(lines: string[], file: string, diagnostics: Diagnostic[]): void {
  lines.forEach((text, i) => {
    const bad = [...text.matchAll(/(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g)];
    if (bad.length === 0) return;
    const bytes = bad.map((m) => `0x${(m[0].charCodeAt(0) - 0xdc00).toString(16).toUpperCase()}`).join(', ');
    diagnostics.push(
      diagnostic(file, i + 1, 'encoding', `bytes that are not UTF-8 (${bytes}) at column ${bad[0]!.index! + 1}: save the file as UTF-8`, { column: bad[0]!.index! + 1 }),
    );
  });
}

/** Parses a page once into the model every tool reads. Never throws on bad content. */
export function parsePage(source: string, kind: PageKind, file: string): Page {
  const tree = markdownProcessor.parse(source) as Root;
  const lines = source.split('\n');
  const diagnostics: Diagnostic[] = [];
  checkEncoding(lines, file, diagnostics);

  const { frontmatter, raw } = readFrontmatter(tree, kind, file, diagnostics);
  const headings: HeadingInfo[] = [];
  const codeBlocks: CodeBlock[] = [];
  const directives: DirectiveUse[] = [];
  let section = '';
  let counter = 0;

  visit(tree, (node, index, parent) => {
    if (node.type === 'paragraph') {
      checkFailedDirective(node as Paragraph, lines, file, diagnostics);
    } else if (node.type === 'textDirective' && parent && index !== undefined) {
      // `:gloss[x]{term="a\"b"}`: the attributes could not be read, so they follow as text.
      const next = parent.children[index + 1];
      if (next?.type === 'text' && next.value.startsWith('{') && Object.keys((node as TextDirective).attributes ?? {}).length === 0) {
        const at = node.position?.start;
        diagnostics.push(diagnostic(file, at?.line ?? 0, 'directive-syntax', `the attributes of :${(node as TextDirective).name} could not be read${quoteHint(lines[(at?.line ?? 1) - 1] ?? '')}`, { column: at?.column ?? 0 }));
      }
    }
    if (node.type === 'heading') {
      const heading = node as Heading;
      const line = heading.position?.start.line ?? 0;
      const { text, id } = splitHeadingId(toString(heading));
      headings.push({ depth: heading.depth, text, id, line });
      const slug = heading.depth >= 2 ? sectionOfHeadingLine(lines[line - 1] ?? '') : undefined;
      if (slug !== undefined) {
        section = slug;
        counter = 0;
      }
    } else if (node.type === 'code') {
      const code = node as Code;
      const line = code.position?.start.line ?? 0;
      counter += 1;
      const lang = code.lang ?? '';
      const block: CodeBlock = {
        index: codeBlocks.length,
        lang,
        meta: parseFenceMeta(code.meta),
        // CRLF pages: a code line ends at LF, as in every other tool (bash would keep the CR).
        value: code.value.replace(/\r\n/g, '\n'),
        line,
        section,
        positionInSection: counter,
        node: code,
      };
      if (lang === 'bash') block.bash = splitBashBlock(block.value);
      codeBlocks.push(block);
      checkFenceClosed(code, lines, file, diagnostics);
      if (block.bash?.noCommand) {
        diagnostics.push(
          diagnostic(file, line + 1, 'bash-no-command', 'a bash block must start with a "$ " command line (use another language for plain output)'),
        );
      }
      if (block.bash?.incomplete) {
        // One rule for site, snips and lint: commands bash would read past end here (see shell-syntax.ts).
        const { index, message } = block.bash.incomplete;
        diagnostics.push(diagnostic(file, line + 1 + index, 'bash-incomplete-command', `the commands are not a complete shell command list: ${message}`));
      }
    } else if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
      const d = node as ContainerDirective | LeafDirective | TextDirective;
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(d.attributes ?? {})) if (v !== null && v !== undefined) attributes[k] = String(v);
      directives.push({
        type: d.type,
        name: d.name,
        attributes,
        label: d.type === 'textDirective' ? toString(d) : '',
        line: d.position?.start.line ?? 0,
        column: d.position?.start.column ?? 0,
      });
    }
  });

  return { file, kind, source, frontmatter, rawFrontmatter: raw, tree, headings, codeBlocks, directives, diagnostics };
}

function readFrontmatter(
  tree: Root,
  kind: PageKind,
  file: string,
  diagnostics: Diagnostic[],
): { frontmatter: Frontmatter | undefined; raw: Record<string, unknown> } {
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  if (!yamlNode) {
    if (kind === 'docs' || kind === 'page') {
      diagnostics.push(diagnostic(file, 1, 'frontmatter', 'missing front matter: the file must start with a "---" line, YAML, and a closing "---"'));
    }
    return { frontmatter: undefined, raw: {} };
  }
  const doc = parseDocument(yamlNode.value, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      // +1: the YAML text starts on the line after the opening `---`.
      const line = (error.linePos?.[0]?.line ?? 0) + 1;
      // yaml's message ends with its own position (relative to the YAML text): ours is file-relative.
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      diagnostics.push(diagnostic(file, line, 'frontmatter', `invalid YAML: ${reason}`));
    }
    return { frontmatter: undefined, raw: {} };
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diagnostic(file, 2, 'frontmatter', 'front matter must be a YAML mapping (key: value lines)'));
    return { frontmatter: undefined, raw: {} };
  }
  const { value, problems } = checkFrontmatter(data, kind);
  for (const p of problems) diagnostics.push(diagnostic(file, lineOfValue(doc, yamlNode.value, p.key), 'frontmatter', p.message));
  return { frontmatter: problems.length === 0 ? value : undefined, raw: data as Record<string, unknown> };
}

/** Line in the file of the value a problem is about (`aliases.1`: the second alias), else of its top-level key. */
function lineOfValue(doc: ReturnType<typeof parseDocument>, yamlText: string, key: string): number {
  const path = key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const node = path.length > 1 ? (doc.getIn(path, true) as { range?: [number, number, number] } | undefined) : undefined;
  if (node?.range) return yamlText.slice(0, node.range[0]).split('\n').length + 1;
  return lineOfKey(yamlText, key);
}

/** Line in the file of a top-level front matter key (1 when absent: the opening `---`). */
function lineOfKey(yamlText: string, key: string): number {
  const top = key.split('.')[0]!;
  const index = yamlText.split('\n').findIndex((l) => l.startsWith(`${top}:`));
  return index < 0 ? 1 : index + 2;
}

/**
 * A line that starts like a leaf or container directive (`::image{…}`, `:::tip{…}`) but parsed as
 * a paragraph: its attributes could not be read (most often a `\"` inside a value), and the page
 * would silently show the directive as text.
 */
function checkFailedDirective(paragraph: Paragraph, lines: string[], file: string, diagnostics: Diagnostic[]): void {
  const first = paragraph.children[0];
  if (first?.type !== 'text' || !paragraph.position) return;
  const { line, column } = paragraph.position.start;
  const text = (lines[line - 1] ?? '').slice(column - 1);
  const directive = /^(:{2,})([a-zA-Z][\w-]*)(?=[[{])/.exec(text);
  if (!directive || !first.value.startsWith(directive[0])) return;
  diagnostics.push(
    diagnostic(file, line, 'directive-syntax', `"${directive[0]}" is not read as a directive: its label or attributes could not be read${quoteHint(text)}`, { column }),
  );
}

function quoteHint(text: string): string {
  return /\\["']/.test(text) ? ' (a quoted value cannot hold \\" or \\\': write &quot; or quote the value with the other quote)' : '';
}

/**
 * CommonMark lets an unclosed fence run to the end of its container, which silently swallows the
 * rest of the page. We report it: the node's last line must be a closing fence.
 */
function checkFenceClosed(code: Code, lines: string[], file: string, diagnostics: Diagnostic[]): void {
  const start = code.position?.start;
  const end = code.position?.end;
  if (!start || !end) return;
  const opener = /^[\s>]*(`{3,}|~{3,})/.exec(lines[start.line - 1] ?? '');
  if (!opener) return; // indented code block
  const fence = opener[1]!;
  const last = (lines[end.line - 1] ?? '').replace(/^[\s>]*/, '');
  const closed = end.line > start.line && last.startsWith(fence) && /^(`+|~+)\s*$/.test(last) && last.trim().length >= fence.length;
  if (!closed) {
    diagnostics.push(diagnostic(file, start.line, 'unclosed-fence', `code fence ${fence} opened here is never closed`));
  }
}
