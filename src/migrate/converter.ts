import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { istioRepository, valueShortcode, type RepositoryUrls } from './hugo-values.ts';
import { lineIndex, readShortcode, type ShortcodeToken } from './shortcode-scan.ts';
import type { HugoNode } from './shortcode-tree.ts';
import type { ConvertContext, Converter, EmittedFence, PairedNode, ShortcodeHandler } from './shortcodes/types.ts';

/**
 * The state of one page's conversion, shared by the shortcode handlers (src/migrate/shortcodes/):
 * where the body sits in the file (for lines), what was reported, which fences were written, and
 * how deep the current container nesting is.
 */
export class PageConverter implements Converter {
  readonly diagnostics: Diagnostic[] = [];
  readonly fences: EmittedFence[] = [];
  /** Names of the shortcodes seen, with counts (for the import summary). */
  readonly shortcodes = new Map<string, number>();
  readonly repo: RepositoryUrls;
  /** Callouts/tabs currently open around the node being rendered. */
  insideContainer = 0;
  private readonly fileLine: (offset: number) => number;

  /** The page body (front matter removed): every offset below is into it. */
  readonly body: string;
  readonly ctx: ConvertContext;
  /** Shortcode name → handler (shortcodes/registry.ts). */
  private readonly handlers: Readonly<Record<string, ShortcodeHandler>>;
  /** Length of the front matter before the body, so lines count from the top of the file. */
  private readonly bodyStart: number;

  constructor(body: string, ctx: ConvertContext, handlers: Readonly<Record<string, ShortcodeHandler>>, bodyStart: number, source: string) {
    this.body = body;
    this.ctx = ctx;
    this.handlers = handlers;
    this.bodyStart = bodyStart;
    this.repo = ctx.repository ?? istioRepository;
    this.fileLine = lineIndex(source);
  }

  lineOf(offset: number): number {
    return this.fileLine(this.bodyStart + offset);
  }

  report(offset: number, ruleId: string, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.diagnostics.push(diagnostic(this.ctx.file, this.lineOf(offset), ruleId, message, { severity }));
  }

  count(name: string): void {
    this.shortcodes.set(name, (this.shortcodes.get(name) ?? 0) + 1);
  }

  /** Whitespace before `offset` on its line, or undefined when the line has other text first. */
  blockIndent(offset: number): string | undefined {
    const lineStart = this.body.lastIndexOf('\n', offset - 1) + 1;
    const prefix = this.body.slice(lineStart, offset);
    return /^[ \t]*$/.test(prefix) ? prefix : undefined;
  }

  /** Inline code that shows a shortcode as written (newlines folded, so it stays one span). */
  visible(raw: string): string {
    const text = raw.replace(/\s*\n\s*/g, ' ');
    const ticks = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1;
    const fence = '`'.repeat(ticks);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
  }

  unsupported(token: ShortcodeToken, why = 'not supported by the importer: kept visible as text'): string {
    const end = token.delimiter === '<' ? '>' : '%';
    this.report(token.offset, 'shortcode-unsupported', `{{${token.delimiter} ${token.closing ? '/' : ''}${token.name} ${end}}}: ${why}`, 'warning');
    return this.visible(token.raw);
  }

  /** A block-level result: a tag that shares its line with text moves to a line of its own. */
  leaf(token: ShortcodeToken, text: string): string {
    if (this.blockIndent(token.offset) === undefined) {
      this.report(token.offset, 'shortcode-inline', `{{< ${token.name} >}} must start its own line: moved to the next line`, 'warning');
      return `\n${text}\n`;
    }
    return text;
  }

  block(token: ShortcodeToken, markdown: string, end = token.end): string {
    if (markdown === '') return '';
    const indent = this.blockIndent(token.offset);
    const ind = indent ?? '';
    const lines = markdown.split('\n').map((l, i) => (i === 0 || l === '' ? l : ind + l));
    const lineStart = this.body.lastIndexOf('\n', token.offset - 1) + 1;
    const previous = this.body.slice(this.body.lastIndexOf('\n', lineStart - 2) + 1, Math.max(0, lineStart - 1));
    const before = indent === undefined ? '\n\n' : lineStart > 0 && previous.trim() !== '' ? `\n${ind}` : '';
    const lineEnd = this.body.indexOf('\n', end);
    const rest = this.body.slice(end, lineEnd < 0 ? this.body.length : lineEnd);
    const next = lineEnd < 0 ? '' : this.body.slice(lineEnd + 1, (this.body.indexOf('\n', lineEnd + 1) + 1 || this.body.length + 1) - 1);
    const after = rest.trim() !== '' ? '\n\n' : next.trim() !== '' ? '\n' : '';
    return before + lines.join('\n') + after;
  }

  inner(node: PairedNode): string {
    const lines = this.renderNodes(node.children).split('\n');
    while (lines.length && lines[0]!.trim() === '') lines.shift();
    while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
    const prefix = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
    return lines.map((l) => l.slice(Math.min(prefix, l.length - l.trimStart().length))).join('\n');
  }

  /** Value shortcodes inside code: replaced; escaped ones become literal; others stay as written. */
  convertCodeText(text: string, baseOffset: number): string {
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
      this.count(token.name);
      const value = token.closing ? undefined : valueShortcode(token.name, token.params, this.ctx.args, this.repo);
      if (value !== undefined) out += value;
      else {
        this.report(baseOffset + at, 'shortcode-unsupported', `{{< ${token.name} >}} inside a code block: kept as written`, 'warning');
        out += token.raw;
      }
    }
    return out + text.slice(i);
  }

  /** Text blocks write their own indentation: the whitespace before the tag is taken back. */
  renderNodes(nodes: HugoNode[]): string {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'raw') {
        const indent = this.blockIndent(node.open.offset);
        if (indent && out.endsWith(indent)) out = out.slice(0, -indent.length);
      }
      out += this.renderNode(node);
    }
    return out;
  }

  private handlerOf(name: string): ShortcodeHandler | undefined {
    return Object.hasOwn(this.handlers, name) ? this.handlers[name] : undefined;
  }

  /** One node: its handler (src/migrate/shortcodes/registry.ts), a value shortcode, or kept visible. */
  renderNode(node: HugoNode): string {
    if (node.type === 'text') return node.text;
    if (node.type === 'raw') {
      const raw = this.handlerOf(node.open.name)?.raw;
      if (raw) return raw(node, this);
      return this.unsupported(node.open) + node.body + (node.close ? this.visible(node.close.raw) : '');
    }
    const { open } = node;
    const name = open.name;
    this.count(name);
    if (open.closing) return this.visible(open.raw);
    const handler = this.handlerOf(name);
    if (node.close) {
      if (handler?.paired) return handler.paired(node as PairedNode, this);
      return this.unsupported(open) + this.renderNodes(node.children) + this.visible(node.close.raw);
    }
    const value = valueShortcode(name, open.params, this.ctx.args, this.repo);
    if (value !== undefined) return value;
    if (handler?.single) return handler.single(node, this);
    if (handler?.paired) return this.unsupported(open, `{{< ${name} >}} is never closed`);
    return this.unsupported(open);
  }
}
