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
 * `publishdate`: a YAML date (Astro's YAML reader makes it a Date), a `YYYY-MM-DD` string (ours keeps it a
 * string), or a date and time. Kept as the UTC calendar date `YYYY-MM-DD`, so both readers agree and lists sort as text.
 */
const publishdateSchema = z.unknown().transform((value, ctx) => {
  const date = isoDateOf(value);
  if (date === undefined) {
    ctx.addIssue({ code: 'custom', message: `publishdate: expected a date (YYYY-MM-DD), got ${typeName(value)} ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return date;
});

/** `2024-05-13`, a Date, or `2022-09-07T08:00:00-06:00` → `YYYY-MM-DD`; undefined when it is no date. */
export function isoDateOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/.test(text)) return undefined;
  const d = new Date(text.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

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
    /**
     * The page's layout component (src/site/layouts.ts): istio.io's names (`faq`, `release-grid`…) and ours.
     * Unset: chosen from the page's section. An unknown name renders the default layout, with a warning.
     */
    layout: z.string().optional().describe('Layout component (see docs/site-config.md)'),
    /** istio.io's list pages: list the section's pages newest first rather than by weight. */
    list_by_publishdate: z.boolean().optional().describe('List the section newest first'),
    // Blog posts and news.
    /** The day the post or announcement was published (`YYYY-MM-DD`): lists and feeds sort by it. */
    publishdate: publishdateSchema.optional().describe('Publication date, YYYY-MM-DD'),
    /** Who wrote it: shown beside the date on the post and in the blog list. */
    attribution: z.string().optional().describe('Author(s) of a post'),
    subtitle: z.string().optional().describe('Line under the title'),
    /** The release a release announcement is about (`1.25.1`). Quote it: YAML reads 1.10 as the number 1.1. */
    release: z.string().optional().describe('Release announced, e.g. "1.25.1"'),
    /** The release a post's feature first ships in. */
    target_release: z.string().optional().describe('Release the post is about, e.g. "1.22"'),
    // Security bulletins.
    cves: z.array(z.string()).optional().describe('CVE ids of a security bulletin'),
    cvss: z.string().optional().describe('CVSS score of a bulletin, e.g. "7.5"'),
    vector: z.string().optional().describe('CVSS vector of a bulletin'),
    cvss_version: z.string().optional().describe('CVSS version of the score, e.g. "3.1"'),
    /** The affected releases (`["1.22.0 to 1.22.6"]`). */
    releases: z.array(z.string()).optional().describe('Releases a bulletin affects'),
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
