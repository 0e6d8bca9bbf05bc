import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { redirectFile } from '../site/aliases.ts';
import { frontmatterLength, frontmatterYaml } from './convert-page.ts';

/**
 * Hugo (istio.io publishes its aliases as Netlify redirects) accepts an alias that two pages claim,
 * or that is the address of a page (its own included); our build refuses or warns on them. The first page to claim an alias (in
 * path order) keeps it; a later claim is removed from that page's front matter, with a warning that
 * names both pages. Aliases are compared by the redirect file they would write (`/a` and `/a/` are one).
 */
export interface AliasClaims {
  /** Redirect file → display path of the page that keeps it. */
  owners: Map<string, string>;
  /** Redirect files that are pages (`docs/x/index.html`), with their page's display path. */
  pages: Map<string, string>;
}

export function aliasKey(alias: string): string {
  return redirectFile(alias.startsWith('/') ? alias : `/${alias}`);
}

/**
 * Claims the aliases of one page (front matter already normalised): the text without the ones it may
 * not keep. Lines are reported in `original` (the source file).
 */
export function claimAliases(source: string, file: string, claims: AliasClaims, original = source): { text: string; diagnostics: Diagnostic[] } {
  const length = frontmatterLength(source);
  if (length === 0) return { text: source, diagnostics: [] };
  if (!/^aliases:/m.test(source.slice(0, length))) return { text: source, diagnostics: [] };
  const yamlText = frontmatterYaml(source);
  const doc = parseDocument(yamlText);
  const aliases = isMap(doc.contents) ? doc.get('aliases', true) : undefined;
  if (doc.errors.length > 0 || !isSeq(aliases)) return { text: source, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const keep = aliases.items.filter((item) => {
    if (!isScalar(item) || typeof item.value !== 'string') return true;
    const key = aliasKey(item.value);
    const line = lineOfValue(original, item.value);
    const page = claims.pages.get(key);
    const owner = claims.owners.get(key);
    const why =
      page === file
        ? "is this page's own address"
        : page !== undefined
          ? `is the address of ${page}`
          : owner === file
            ? 'writes the same redirect as another alias of this page'
            : owner !== undefined
              ? `is also claimed by ${owner}: kept there`
              : undefined;
    if (why) {
      diagnostics.push(diagnostic(file, line, 'alias-duplicate', `alias ${item.value} ${why}, dropped here`, { severity: 'warning' }));
      return false;
    }
    claims.owners.set(key, file);
    return true;
  });
  if (keep.length === aliases.items.length) return { text: source, diagnostics };
  if (keep.length === 0) doc.delete('aliases');
  else aliases.items = keep;
  return { text: `---\n${doc.toString()}---\n${source.slice(length)}`, diagnostics };
}

function lineOfValue(source: string, value: string): number {
  const lines = source.slice(0, frontmatterLength(source)).split('\n');
  const index = lines.findIndex((l) => l.includes(value));
  return index < 0 ? 1 : index + 1;
}
