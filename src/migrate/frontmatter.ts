import { isMap, isScalar, parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { checkFrontmatter, type PageKind } from '../model/frontmatter.ts';
import { frontmatterLength } from './convert-page.ts';

/** Keys our schema types as booleans; Hugo (YAML 1.1) also accepts yes/no/on/off for them. */
const yaml11Booleans: Record<string, boolean> = { yes: true, no: false, on: true, off: false, true: true, false: false };

/**
 * Keeps a page's front matter as written (so `test: yes` stays the string `yes`), unless our schema
 * rejects it; then it applies the fixes that keep Hugo's meaning:
 * - an empty value (`status:`) means "not set" in Hugo: the key is dropped;
 * - YAML 1.1 booleans (`skip_toc: yes`) become `true`/`false` where our schema wants a boolean.
 * What is still invalid after that is reported (the page would not build).
 */
export function normalizeFrontmatter(
  source: string,
  kind: PageKind,
  file: string,
): { text: string; diagnostics: Diagnostic[]; changed: string[] } {
  const length = frontmatterLength(source);
  if (length === 0) {
    if (kind === 'docs' || kind === 'page') {
      return { text: source, diagnostics: [diagnostic(file, 1, 'frontmatter', 'no YAML front matter (--- … ---): our site needs at least a title')], changed: [] };
    }
    return { text: source, diagnostics: [], changed: [] };
  }
  const block = source.slice(0, length);
  const yamlText = block.replace(/^---[ \t]*\r?\n/, '').replace(/---[ \t]*(\r?\n)?$/, '');
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) {
    return { text: source, diagnostics: doc.errors.map((e) => diagnostic(file, (e.linePos?.[0]?.line ?? 0) + 1, 'frontmatter', `invalid YAML: ${e.message.split('\n')[0]}`)), changed: [] };
  }
  const first = checkFrontmatter(doc.toJS() ?? {}, kind);
  if (first.problems.length === 0) return { text: source, diagnostics: [], changed: [] };

  const changed: string[] = [];
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of [...contents.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = isScalar(pair.value) ? pair.value.value : pair.value;
      if (value === null || value === undefined) {
        doc.delete(key);
        changed.push(`${key}: (empty) dropped`);
        continue;
      }
      if (typeof value === 'string' && first.problems.some((p) => p.key === key) && value.toLowerCase() in yaml11Booleans) {
        doc.set(key, yaml11Booleans[value.toLowerCase()]);
        changed.push(`${key}: ${value} → ${yaml11Booleans[value.toLowerCase()]}`);
      }
    }
  }
  const second = checkFrontmatter(doc.toJS() ?? {}, kind);
  const diagnostics = second.problems.map((p) => diagnostic(file, lineOfKey(yamlText, p.key), 'frontmatter', p.message));
  if (changed.length === 0) return { text: source, diagnostics, changed };
  return { text: `---\n${doc.toString()}---\n${source.slice(length)}`, diagnostics, changed };
}

function lineOfKey(yamlText: string, key: string): number {
  const top = key.split('.')[0]!;
  const index = yamlText.split('\n').findIndex((l) => l.startsWith(`${top}:`));
  return index < 0 ? 1 : index + 2;
}
