import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractSnippet, renderFence } from '../fence.ts';
import type { ShortcodeNode } from '../shortcode-tree.ts';
import { textAttributes } from './text-attributes.ts';
import type { Converter, ShortcodeHandler } from './types.ts';

/** `{{< text_import file= snippet= >}}` (and `{{< text file= >}}`): a fence holding the file, read from the site root. */
export function textImport(node: ShortcodeNode, c: Converter): string {
  const token = node.open;
  const indent = c.blockIndent(token.offset);
  const { named } = token.params;
  const { lang, meta } = textAttributes(token.params);
  if (named.url) {
    c.report(token.offset, 'text-import-url', `text_import url="${named.url}": fetched by the browser on istio.io, written as a link`, 'warning');
    return `[${named.url}](${named.url})`;
  }
  if (!named.file) return c.unsupported(token, 'text_import needs file= or url=');
  const path = resolve(c.ctx.siteRoot, named.file);
  if (!path.startsWith(resolve(c.ctx.siteRoot)) || !existsSync(path)) {
    c.report(token.offset, 'text-import-missing', `text_import file="${named.file}" does not exist below the site root`);
    return c.visible(token.raw);
  }
  let lines = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
  let language = lang;
  let outputis = named.outputis;
  if (named.snippet) {
    const snippet = extractSnippet(lines.join('\n'), named.snippet);
    if (!snippet) {
      c.report(token.offset, 'text-import-missing', `text_import: no "# $snippet ${named.snippet}" in ${named.file}`);
      return c.visible(token.raw);
    }
    lines = snippet.lines;
    language ||= snippet.syntax ?? '';
    outputis ??= snippet.outputis;
  }
  const metaOut = meta.filter(([k]) => k !== 'outputis');
  if (outputis) metaOut.unshift(['outputis', outputis]);
  const ind = indent ?? '';
  c.fences.push({ lang: language || 'plain', value: lines.join('\n'), sourceLine: c.lineOf(token.offset) });
  return renderFence({ indent: ind, lang: language || 'plain', meta: metaOut, lines }).slice(ind.length);
}

export const textImportHandler: ShortcodeHandler = { single: textImport };
