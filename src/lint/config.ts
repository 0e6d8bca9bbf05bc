import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface MarkdownlintFileConfig {
  /** markdownlint rule configuration (`default`, `MD007`, `MESH003`…). */
  config: Record<string, unknown>;
  globs: string[];
  ignores: string[];
}

export const markdownlintConfigName = '.markdownlint-cli2.jsonc';

/** Reads `.markdownlint-cli2.jsonc` (the file the editor extension reads too), comments and trailing commas allowed. */
export function readMarkdownlintConfig(projectRoot: string): MarkdownlintFileConfig {
  const file = join(projectRoot, markdownlintConfigName);
  const parsed = parseJsonc(readFileSync(file, 'utf8'), file) as Partial<MarkdownlintFileConfig>;
  return { config: parsed.config ?? { default: true }, globs: parsed.globs ?? [], ignores: parsed.ignores ?? [] };
}

/** JSONC (as VS Code and markdownlint-cli2 read it) with jsonc-parser; bad syntax throws, naming the file and line. */
export function parseJsonc(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const line = text.slice(0, first.offset).split('\n').length;
    throw new Error(`${file}:${line}: ${printParseErrorCode(first.error)}`);
  }
  return value;
}
