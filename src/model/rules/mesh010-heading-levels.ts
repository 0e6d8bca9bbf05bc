import { styleRule, type RuleFinding } from './types.ts';

/**
 * The page title (front matter) is the H1, so the body starts at `##` and never skips a level.
 * Replaces markdownlint's MD001 and MD025 (and istio.io's MD002 "first heading is H2") with one
 * message that says why. Boilerplates have no title and are included below a `##`: only their
 * increments are checked.
 */
export const headingLevelsRule = styleRule('MESH010', 'heading-levels', {
  description: 'Headings start at ## (the title is the H1) and never skip a level',
  tags: ['headings'],
  check(page) {
    const findings: RuleFinding[] = [];
    const hasTitle = typeof page.rawFrontmatter.title === 'string';
    let previous = hasTitle ? 1 : 0;
    for (const heading of page.headings) {
      const hashes = '#'.repeat(heading.depth);
      if (heading.depth === 1 && hasTitle) {
        findings.push({ code: 'heading-levels', line: heading.line, message: `"# ${heading.text}": the title in the front matter is the page's H1, start sections at ##` });
      } else if (previous > 0 && heading.depth > previous + 1) {
        const expected = '#'.repeat(previous + 1);
        findings.push({
          code: 'heading-levels',
          line: heading.line,
          message: `"${hashes} ${heading.text}" skips a level: expected ${expected} after ${previous === 1 ? 'the title' : '#'.repeat(previous)}`,
        });
      }
      previous = heading.depth;
    }
    return findings;
  },
});
