import { basename } from 'node:path';
import { fromModel, type PageRule } from './types.ts';

/**
 * Front matter is valid against the one schema (src/model/frontmatter.ts): `title` and `test` on
 * docs pages, known `test:` values, right types. The model reports those while parsing; this rule
 * adds `owner:` on docs pages (section `_index.md` pages are exempt, as on istio.io).
 */
export const frontmatterRule: PageRule = {
  names: ['MESH001', 'frontmatter-schema'],
  description: 'Front matter must match the page schema (title, test and owner on docs pages)',
  tags: ['frontmatter'],
  check(page, context) {
    const findings = fromModel(context, 'frontmatter');
    const isSectionIndex = basename(page.file) === '_index.md';
    const hasYaml = page.tree.children[0]?.type === 'yaml';
    if (page.kind === 'docs' && !isSectionIndex && hasYaml && page.rawFrontmatter.owner === undefined) {
      findings.push({ line: 1, message: 'missing "owner:" (the owning team, e.g. mesh/wg-docs-maintainers)' });
    }
    return findings;
  },
};
