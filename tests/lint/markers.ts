import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Marker {
  file: string;
  line: number;
  ruleId: string;
}

// `{RULE}` marks its own line, `{RULE@+2}` / `{RULE@-1}` a nearby one, `{RULE@file}` the file (line 0).
const marker = /\{([A-Z]+[0-9]+|[a-z]+(?:-[a-z]+)*)(@[+-]\d+|@file)?\}/g;

/**
 * The findings a fixture tree expects, from inline markers (as markdownlint's own test files mark
 * lines with `{MD010}`). Markdown and test scripts are scanned fully; generated snips files only
 * for `@file` markers (their bodies repeat the Markdown's markers).
 */
export function readMarkers(root: string, cwd: string): Marker[] {
  const out: Marker[] = [];
  for (const rel of (readdirSync(root, { recursive: true }) as string[]).sort()) {
    const file = join(root, rel);
    const generated = rel.endsWith('snips.sh') || rel.includes('boilerplates/snips/');
    if (!rel.endsWith('.md') && !rel.endsWith('.sh')) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        for (const m of text.matchAll(marker)) {
          const where = m[2];
          if (generated && where !== '@file') continue;
          const line = where === '@file' ? 0 : where ? i + 1 + Number(where.slice(1)) : i + 1;
          out.push({ file: relative(cwd, file), line, ruleId: m[1]! });
        }
      });
  }
  return out;
}

export const key = (m: Marker): string => `${m.file}:${m.line}  ${m.ruleId}`;
