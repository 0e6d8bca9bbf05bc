import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings, spellCheckDocument, type CSpellSettings } from 'cspell-lib';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { Page } from '../model/parse.ts';
import { hashOf, JsonCache } from './cache.ts';
import { maskNonProse } from './spelling-mask.ts';

export const cspellConfigName = 'cspell.config.yaml';

interface CachedIssue {
  offset: number;
  text: string;
  suggestions: string[];
}

export interface SpellingOptions {
  projectRoot: string;
  /** Cache file (JSON); none when undefined. */
  cacheFile?: string;
}

/**
 * Spelling with cspell-lib, in this process: `cspell.config.yaml` (dictionaries, project words)
 * on each page's prose (code, inline code, URLs, front matter keys and directive syntax masked
 * by the page model). Results are cached per page text, config and word list.
 */
export async function lintSpelling(pages: readonly Page[], options: SpellingOptions): Promise<Diagnostic[]> {
  const configFile = join(options.projectRoot, cspellConfigName);
  const settings: CSpellSettings = await readSettings(configFile);
  const cache = options.cacheFile ? new JsonCache<CachedIssue[]>(options.cacheFile, configVersion(options.projectRoot, settings)) : undefined;
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const text = maskNonProse(page);
    const key = hashOf(text);
    let issues = cache?.get(key);
    if (!issues) {
      const result = await spellCheckDocument(
        { uri: pathToFileURL(page.file).href, text, languageId: 'markdown' },
        { generateSuggestions: true, numSuggestions: 4, noConfigSearch: true },
        settings,
      );
      if (result.errors?.length) throw new Error(`cspell: ${result.errors.map((e) => e.message).join('; ')}`);
      issues = result.issues.map((i) => ({ offset: i.offset, text: i.text, suggestions: (i.suggestions ?? []).slice(0, 4) }));
      cache?.set(key, issues);
    }
    const lineStarts = lineStartsOf(page.source);
    for (const issue of issues) {
      const { line, column } = positionOf(lineStarts, issue.offset);
      const hint = issue.suggestions.length ? ` (suggestions: ${issue.suggestions.join(', ')})` : '';
      diagnostics.push(
        diagnostic(page.file, line, 'spelling', `unknown word "${issue.text}"${hint}; if it is right, add it to .cspell/project-words.txt`, { column }),
      );
    }
  }
  cache?.save();
  return diagnostics;
}

/** Everything that changes results besides the page: cspell version, config, word lists. */
function configVersion(projectRoot: string, settings: CSpellSettings): string {
  const dictionaries = (settings.dictionaryDefinitions ?? []).map((d) => ('path' in d && typeof d.path === 'string' ? d.path : ''));
  const files = [join(projectRoot, 'node_modules/cspell-lib/package.json'), join(projectRoot, cspellConfigName), ...dictionaries];
  return hashOf(...files.map((f) => f + safeRead(isAbsolute(f) ? f : join(projectRoot, f))));
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function positionOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}
