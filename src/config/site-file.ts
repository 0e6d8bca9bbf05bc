import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { issueValue, typeName } from '../model/schema-issue.ts';
import { unsafeLinkProblem } from '../model/url-safety.ts';

/**
 * `<root>/data/site.yml`: the site's title and header navigation, declared once here (documented in
 * docs/site-config.md). The importer writes it from hugo.toml's `title` and `[[menu.main]]`; a docs
 * repository without one gets `siteFileDefaults`.
 */
const linkSchema = z.string().min(1).superRefine((link, ctx) => {
  const problem = unsafeLinkProblem(link);
  if (problem) ctx.addIssue({ code: 'custom', message: `link ${JSON.stringify(link)} ${problem}` });
});

const navLinkSchema = z.strictObject({
  label: z.string().min(1),
  link: linkSchema,
});

const navItemSchema = z.strictObject({
  label: z.string().min(1),
  link: linkSchema,
  /** A menu under the item (istio.io's `parent` entries of `[[menu.main]]`). */
  children: z.array(navLinkSchema).optional(),
});

export const siteFileSchema = z.strictObject({
  /** The site title in the header and in every page's `<title>`. */
  title: z.string().min(1),
  /** Header navigation, in order. */
  nav: z.array(navItemSchema).default([]),
});

export type SiteFile = z.infer<typeof siteFileSchema>;
export type NavItem = z.infer<typeof navItemSchema>;

/** What a tree without `data/site.yml` gets. */
export const siteFileDefaults: SiteFile = {
  title: 'Meshdocs',
  nav: [{ label: 'Docs', link: '/docs/' }],
};

export const siteFileName = 'site.yml';

/**
 * Reads `<data>/site.yml`: the defaults when there is none, otherwise its value or the problems that
 * make it invalid (one per key, with its line), shown relative to `cwd`.
 */
export function readSiteFile(dataDir: string, cwd = process.cwd()): { value: SiteFile; problems: Diagnostic[] } {
  const path = join(dataDir, siteFileName);
  if (!existsSync(path)) return { value: siteFileDefaults, problems: [] };
  const file = relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { value: siteFileDefaults, problems: [diagnostic(file, 0, 'site-config', `cannot read: ${(error as Error).message}`)] };
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      value: siteFileDefaults,
      problems: doc.errors.map((e) => diagnostic(file, e.linePos?.[0]?.line ?? 0, 'site-config', `invalid YAML: ${e.message.split('\n')[0]}`)),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  const result = siteFileSchema.safeParse(data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.') || '(root)';
    const node = issue.path.length > 0 ? doc.getIn(issue.path, true) : undefined;
    const range = (node as { range?: [number, number] } | undefined)?.range;
    const line = range ? text.slice(0, range[0]).split('\n').length : lineOfParent(doc, issue.path, text);
    return diagnostic(file, line, 'site-config', `${key}: ${issueText(issue, data)}`);
  });
  return { value: siteFileDefaults, problems };
}

function issueText(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (allowed: title, nav: [{ label, link, children: [{ label, link }] }])`;
  if (issue.code === 'invalid_type') {
    const value = issueValue(issue, data);
    return value === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${typeName(value)} ${JSON.stringify(value)}`;
  }
  return issue.message;
}

/** A missing key has no node: the line of the map that should hold it. */
function lineOfParent(doc: ReturnType<typeof parseDocument>, path: PropertyKey[], text: string): number {
  for (let n = path.length - 1; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number] } | undefined;
    if (node?.range) return text.slice(0, node.range[0]).split('\n').length;
  }
  return 1;
}
