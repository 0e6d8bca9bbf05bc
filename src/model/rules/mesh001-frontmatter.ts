import { basename } from 'node:path';
import { defineRule, everywhere, lintOnly, parseFindings } from './types.ts';

/**
 * Front matter is valid against the one schema (src/model/frontmatter.ts): `title` and `test` on
 * docs pages, known `test:` values, right types; the parse checks those (`frontmatter`). Lint adds
 * `owner:` on docs pages (section `_index.md` pages are exempt, as on istio.io).
 */
export const frontmatterRule = defineRule('MESH001', 'frontmatter-schema', {
  description: 'Front matter must match the page schema (title, test and owner on docs pages)',
  tags: ['frontmatter'],
  codes: { frontmatter: everywhere, 'frontmatter-owner': lintOnly },
  check(page) {
    const findings = parseFindings(page, 'frontmatter');
    const isSectionIndex = basename(page.file) === '_index.md';
    const hasYaml = page.tree.children[0]?.type === 'yaml';
    if (page.kind === 'docs' && !isSectionIndex && hasYaml && page.rawFrontmatter.owner === undefined) {
      findings.push({ code: 'frontmatter-owner', line: 1, message: 'missing "owner:" (the owning team, e.g. mesh/wg-docs-maintainers)' });
    }
    return findings;
  },
});
