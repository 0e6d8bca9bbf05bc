import { readFileSync, writeFileSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';

/** istio.io keeps `.spelling` sorted case-insensitively (`LC_ALL=C sort --ignore-case`); so do we, without duplicates. */
export function sortWords(words: readonly string[]): string[] {
  const unique = [...new Set(words.map((w) => w.trim()).filter((w) => w !== '' && !w.startsWith('#')))];
  return unique.sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The project word list must be sorted and free of duplicates, so merges do not conflict. */
export function checkWordList(file: string, display: string, fix = false): Diagnostic[] {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
  const comments = lines.filter((l) => l.startsWith('#'));
  const sorted = [...comments, ...sortWords(lines)];
  const firstDifference = lines.findIndex((l, i) => l !== sorted[i]);
  if (firstDifference < 0 && lines.length === sorted.length) return [];
  if (fix) {
    writeFileSync(file, `${sorted.join('\n')}\n`);
    return [];
  }
  const line = firstDifference < 0 ? lines.length : firstDifference + 1;
  return [diagnostic(display, line, 'words-sorted', 'the word list must be sorted (case-insensitive) without duplicates: run npm run lint -- --fix')];
}
