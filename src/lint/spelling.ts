import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings, spellCheckDocument, type CSpellSettings } from 'cspell-lib';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { Page } from '../model/parse.ts';
import { keyOf, openCache } from '../cache/index.ts';
import { maskNonProse } from './spelling-mask.ts';
import { lastAtOrBefore, lineStartsOf, positionOf } from './text-position.ts';

export const cspellConfigName = 'cspell.config.yaml';

interface CachedIssue {
  offset: number;
  text: string;
  suggestions: string[];
}

export interface SpellingOptions {
  projectRoot: string;
  /** The caches' directory (src/cache); none when undefined. */
  cacheRoot?: string;
}

/**
 * Spelling with cspell-lib, in this process: `cspell.config.yaml` (dictionaries, project words)
 * on each page's prose (code, inline code, URLs, front matter keys and directive syntax masked
 * by the page model). Results are cached per page text, config and word list.
 */
export async function lintSpelling(pages: readonly Page[], options: SpellingOptions): Promise<Diagnostic[]> {
  const configFile = join(options.projectRoot, cspellConfigName);
  const settings: CSpellSettings = await readSettings(configFile);
  const cache = options.cacheRoot ? openCache('spelling', { root: options.cacheRoot, inputs: configInputs(options.projectRoot, settings) }).entries<CachedIssue[]>() : undefined;
  const masked = pages.map((page) => maskNonProse(page));
  const found = new Map<number, CachedIssue[]>();
  const misses: number[] = [];
  masked.forEach((text, i) => {
    const hit = cache?.get(keyOf(text));
    if (hit) found.set(i, hit);
    else misses.push(i);
  });

  // cspell-lib costs about as much per document as per page of words, so pages are checked as one
  // document and the issues mapped back. A page with its own `cspell:` comment is checked alone, so
  // the comment cannot leak into the next page.
  const alone = misses.filter((i) => /cspell:/i.test(masked[i]!));
  const batched = misses.filter((i) => !alone.includes(i));
  for (const group of [batched, ...alone.map((i) => [i])]) {
    if (group.length === 0) continue;
    const starts: number[] = [];
    let text = '';
    for (const i of group) {
      starts.push(text.length);
      text += `${masked[i]!}\n\n`;
      found.set(i, []);
    }
    const uri = pathToFileURL(group.length === 1 ? pages[group[0]!]!.file : join(options.projectRoot, 'content.md')).href;
    const result = await spellCheckDocument({ uri, text, languageId: 'markdown' }, { generateSuggestions: true, numSuggestions: 4, noConfigSearch: true }, settings);
    if (result.errors?.length) throw new Error(`cspell: ${result.errors.map((e) => e.message).join('; ')}`);
    for (const issue of result.issues) {
      const at = lastAtOrBefore(starts, issue.offset);
      found.get(group[at]!)!.push({ offset: issue.offset - starts[at]!, text: issue.text, suggestions: (issue.suggestions ?? []).slice(0, 4) });
    }
  }
  for (const i of misses) cache?.set(keyOf(masked[i]!), found.get(i)!);

  const diagnostics: Diagnostic[] = [];
  pages.forEach((page, i) => {
    const lineStarts = lineStartsOf(page.source);
    for (const issue of found.get(i) ?? []) {
      const { line, column } = positionOf(lineStarts, issue.offset);
      const hint = issue.suggestions.length ? ` (suggestions: ${issue.suggestions.join(', ')})` : '';
      diagnostics.push(
        diagnostic(page.file, line, 'spelling', `unknown word "${issue.text}"${hint}; if it is right, add it to .cspell/project-words.txt`, { column }),
      );
    }
  });
  cache?.save();
  return diagnostics;
}

/** Everything that changes results besides the page and cspell-lib's version (the tool's code, src/cache/tools.ts): the config and the word lists it names. */
function configInputs(projectRoot: string, settings: CSpellSettings): { files: string[] } {
  const dictionaries = (settings.dictionaryDefinitions ?? []).map((d) => ('path' in d && typeof d.path === 'string' ? d.path : ''));
  return { files: [join(projectRoot, cspellConfigName), ...dictionaries.filter(Boolean).map((f) => (isAbsolute(f) ? f : join(projectRoot, f)))] };
}
