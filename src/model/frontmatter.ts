import { z } from 'zod';
import { issueValue, typeName } from './schema-issue.ts';
import { aliasProblem } from './url-safety.ts';

/** Values of `test:`. Kept as strings: YAML 1.2 does not turn `yes` into `true`. */
export const testValues = ['yes', 'no', 'n/a', 'table-of-contents'] as const;
export const statusValues = ['Alpha', 'Beta', 'Stable', 'Experimental'] as const;

/** An old URL of a page: a path on this site, never one that leaves the build output (see `aliasProblem`). */
const aliasSchema = z.string().superRefine((alias, ctx) => {
  const problem = aliasProblem(alias);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Front matter of every page, declared once. The Astro site (`src/content.config.ts`), the snips
 * generator, the linter and the doc-test runner all use this schema; nothing re-declares it.
 * Unknown keys are kept (istio.io pages carry layout-only keys such as `overview`).
 */
export const frontmatterSchema = z
  .object({
    /** Page title, shown as the H1. */
    title: z.string().min(1).describe('Page title, shown as the H1'),
    /** One-line summary, used in listings and meta tags. */
    description: z.string().optional().describe('One-line summary'),
    /** Order within its section: lower first, then by title. */
    weight: z.number().optional().describe('Order within the section (lower first)'),
    /** Topics; pages sharing one list each other under "See also". */
    keywords: z.array(z.string()).optional().describe('Topics for "See also"'),
    /** Owning team, e.g. `mesh/wg-networking-maintainers`. Required on docs pages by lint. */
    owner: z.string().optional().describe('Owning team'),
    /** Whether the page is executed by the doc tests. Required on docs pages. */
    test: z.enum(testValues).optional().describe('yes | no | n/a | table-of-contents'),
    /** Old URLs that must redirect to this page. */
    aliases: z.array(aliasSchema).optional().describe('Old URLs redirecting here'),
    draft: z.boolean().optional().describe('Hidden from the production build'),
    status: z.enum(statusValues).optional().describe('Feature maturity'),
    /** Shorter title for the sidebar. */
    linktitle: z.string().optional().describe('Sidebar title'),
    skip_seealso: z.boolean().optional().describe('Hide "See also"'),
    skip_toc: z.boolean().optional().describe('Hide the table of contents'),
  })
  .loose();

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type FrontmatterInput = z.input<typeof frontmatterSchema>;

/** Boilerplates and glossary entries may have empty front matter (`---⏎---`). */
export const fragmentFrontmatterSchema = frontmatterSchema.partial({ title: true });

/** What kind of file a Markdown path is, from where it sits in the content tree. */
export type PageKind = 'docs' | 'boilerplate' | 'glossary' | 'page';

/**
 * Validates front matter for a kind of page and returns readable problems, one per key
 * (`test: expected one of yes | no | n/a | table-of-contents, got "maybe"`).
 */
export function checkFrontmatter(
  data: unknown,
  kind: PageKind,
): { value: Frontmatter | undefined; problems: { key: string; message: string }[] } {
  const schema = kind === 'boilerplate' || kind === 'glossary' ? fragmentFrontmatterSchema : frontmatterSchema;
  const result = schema.safeParse(data ?? {});
  const problems: { key: string; message: string }[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ key: issue.path.join('.') || '(root)', message: friendlyIssue(issue, data) });
    }
  }
  const value = result.success ? (result.data as Frontmatter) : undefined;
  if (kind === 'docs' && value && value.test === undefined) {
    problems.push({ key: 'test', message: `missing "test:" (one of ${testValues.join(' | ')})` });
  }
  return { value, problems };
}

function friendlyIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const key = issue.path.map(String).join('.');
  const received = issueValue(issue, data);
  if (issue.code === 'invalid_value') {
    return `${key}: expected one of ${issue.values.map(String).join(' | ')}, got ${JSON.stringify(received)}`;
  }
  if (issue.code === 'invalid_type' && received === undefined) return `missing "${key}:"`;
  if (issue.code === 'invalid_type') {
    return `${key}: expected ${issue.expected}, got ${typeName(received)} ${JSON.stringify(received)}`;
  }
  if (issue.code === 'custom') return issue.message;
  return `${key || 'front matter'}: ${issue.message}`;
}
