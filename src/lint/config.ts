import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MarkdownlintFileConfig {
  /** markdownlint rule configuration (`default`, `MD007`, `MESH003`…). */
  config: Record<string, unknown>;
  globs: string[];
  ignores: string[];
}

export const markdownlintConfigName = '.markdownlint-cli2.jsonc';

/** Reads `.markdownlint-cli2.jsonc` (the file the editor extension reads too). */
export function readMarkdownlintConfig(projectRoot: string): MarkdownlintFileConfig {
  const file = join(projectRoot, markdownlintConfigName);
  const parsed = JSON.parse(stripJsonComments(readFileSync(file, 'utf8'))) as Partial<MarkdownlintFileConfig>;
  return { config: parsed.config ?? { default: true }, globs: parsed.globs ?? [], ignores: parsed.ignores ?? [] };
}

/** JSONC to JSON: drops line and block comments and trailing commas, leaving strings alone. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
