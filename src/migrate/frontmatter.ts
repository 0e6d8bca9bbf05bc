import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { checkFrontmatter, type PageKind } from '../model/frontmatter.ts';
import { frontmatterLength, frontmatterYaml } from './convert-page.ts';

/** Keys our schema types as booleans; Hugo (YAML 1.1) also accepts yes/no/on/off for them. */
const yaml11Booleans: Record<string, boolean> = { yes: true, no: false, on: true, off: false, true: true, false: false };

/**
 * Keeps a page's front matter as written (so `test: yes` stays the string `yes`), unless our schema
 * rejects it; then it applies the fixes that keep Hugo's meaning:
 * - an empty value (`status:`) means "not set" in Hugo: the key is dropped;
 * - YAML 1.1 booleans (`skip_toc: yes`) become `true`/`false` where our schema wants a boolean;
 * - `aliases` given as a string becomes a list; a docs page without `test:` gets `test: n/a`;
 * - a number where the schema wants a string keeps its source text (`target_release: 1.10` → "1.10");
 * - a missing or empty `title:` (Hugo accepts both) is derived from `linktitle` or the file name, with a
 *   warning naming the file.
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
  const yamlText = frontmatterYaml(source);
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) {
    return { text: source, diagnostics: doc.errors.map((e) => diagnostic(file, (e.linePos?.[0]?.line ?? 0) + 1, 'frontmatter', `invalid YAML: ${e.message.split('\n')[0]}`)), changed: [] };
  }
  const first = checkFrontmatter(doc.toJS() ?? {}, kind);
  const blankTitle = typeof doc.get('title') === 'string' && String(doc.get('title')).trim() === '';
  if (first.problems.length === 0 && !blankTitle) return { text: source, diagnostics: [], changed: [] };

  const changed: string[] = [];
  const problemKeys = new Set(first.problems.map((p) => p.key.split('.')[0]!));
  const contents = doc.contents;
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (isMap(contents)) {
    for (const pair of [...contents.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = data[key];
      const fixed = fixValue(key, value, problemKeys.has(key) || (key === 'title' && blankTitle), sourceTexts(pair.value));
      if (fixed === undefined) continue;
      if (fixed.drop) doc.delete(key);
      else doc.set(key, fixed.value);
      changed.push(`${key}: ${fixed.note}`);
    }
  }
  const warnings: Diagnostic[] = [];
  if (kind !== 'boilerplate' && kind !== 'glossary' && doc.get('title') === undefined) {
    const linktitle = doc.get('linktitle');
    const fallback = typeof linktitle === 'string' && linktitle.trim() !== '' ? linktitle : titleFromPath(file);
    doc.set('title', fallback);
    changed.push(`title: missing, set to "${fallback}"`);
    const had = 'title' in data;
    warnings.push(
      diagnostic(file, had ? lineOfKey(yamlText, 'title') : 1, 'frontmatter', `title: ${had ? 'empty' : 'missing'} (Hugo accepts it); set to "${fallback}", from ${fallback === linktitle ? 'linktitle' : 'its path'}`, {
        severity: 'warning',
      }),
    );
  }
  // Our docs pages say whether they are tested; Hugo's do not have to (the API reference pages are generated HTML).
  if (kind === 'docs' && doc.get('test') === undefined) {
    doc.set('test', 'n/a');
    changed.push('test: missing, set to "n/a"');
  }
  const second = checkFrontmatter(doc.toJS() ?? {}, kind);
  const diagnostics = [...warnings, ...second.problems.map((p) => diagnostic(file, lineOfKey(yamlText, p.key), 'frontmatter', p.message))];
  if (changed.length === 0) return { text: source, diagnostics, changed };
  return { text: `---\n${doc.toString()}---\n${source.slice(length)}`, diagnostics, changed };
}

type Fix = { drop: true; note: string } | { drop: false; value: unknown; note: string };

/**
 * The source text of a scalar, or of each item of a list of scalars: YAML reads `1.10` as the number
 * 1.1, and `String()` of it would lose the digits the author wrote.
 */
function sourceTexts(node: unknown): string | (string | undefined)[] | undefined {
  if (isScalar(node)) return node.source;
  if (isSeq(node)) return node.items.map((item) => (isScalar(item) ? item.source : undefined));
  return undefined;
}

/** What Hugo would have understood, in the type our schema wants; undefined: leave the value alone. */
function fixValue(key: string, value: unknown, rejected: boolean, source: string | (string | undefined)[] | undefined): Fix | undefined {
  // An empty value means "not set" in Hugo.
  if (value === null || value === undefined || (rejected && typeof value === 'string' && value.trim() === '')) return { drop: true, note: '(empty) dropped' };
  if (!rejected) return undefined;
  // `test: true` was istio.io's form in 2019; YAML 1.2 reads it as a boolean.
  if (key === 'test' && typeof value === 'boolean') return { drop: false, value: value ? 'yes' : 'no', note: `${value} → ${value ? 'yes' : 'no'}` };
  if (typeof value === 'string' && value.toLowerCase() in yaml11Booleans) {
    const b = yaml11Booleans[value.toLowerCase()]!;
    return { drop: false, value: b, note: `${value} → ${b}` };
  }
  // Hugo takes a single alias as a string.
  if (key === 'aliases' && typeof value === 'string') return { drop: false, value: [value], note: 'a string → a list of one' };
  if (key === 'weight' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return { drop: false, value: Number(value), note: `"${value}" → ${value}` };
  // `title: 2019`, `keywords: [1.5, mesh]`: numbers where the schema wants strings.
  if (typeof value === 'number') {
    const text = typeof source === 'string' && source !== '' ? source : String(value);
    return { drop: false, value: text, note: `${text} → "${text}"` };
  }
  if (Array.isArray(value) && value.some((v) => typeof v !== 'string')) {
    const sources = Array.isArray(source) ? source : [];
    return { drop: false, value: value.map((v, i) => (typeof v === 'number' && sources[i] ? sources[i] : String(v))), note: 'list items → strings' };
  }
  return undefined;
}

/** `docs/tasks/foo-bar/index.md` → `Foo bar`. */
function titleFromPath(file: string): string {
  const parts = file.split(/[\\/]/).filter((p) => p && !/^_?index\.md$/.test(p));
  const last = (parts[parts.length - 1] ?? 'Untitled').replace(/\.md$/, '').replace(/[-_]+/g, ' ');
  return last.charAt(0).toUpperCase() + last.slice(1);
}

function lineOfKey(yamlText: string, key: string): number {
  const top = key.split('.')[0]!;
  const index = yamlText.split('\n').findIndex((l) => l.startsWith(`${top}:`));
  return index < 0 ? 1 : index + 2;
}
