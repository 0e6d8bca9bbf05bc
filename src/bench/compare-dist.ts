import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand, exitCode, runCommand, UsageError } from '../cli/command.ts';
import { out, type Io } from '../cli/io.ts';

/**
 * What may legitimately differ between two builds of one tree: the content hashes Vite gives the
 * assets it bundles (`/_astro/page.B3xYz_1a.css`), which change with any component or style.
 */
export function normaliseBuiltHtml(html: string): string {
  return html.replace(/(\/_astro\/[\w.@-]*?)\.[\w-]{8}(\.(?:css|js|mjs|svg|png|jpe?g|gif|webp|avif|woff2?))/g, '$1.[hash]$2');
}

export interface PageDifference {
  /** Path of the page below the output directory. */
  page: string;
  /** First differing line (1-based) after normalising, and that line in each build. */
  line: number;
  before: string;
  after: string;
}

export interface DistComparison {
  /** Pages compared and found the same. */
  same: number;
  changed: PageDifference[];
  /** Pages only the first build has, or only the second. */
  missing: string[];
  added: string[];
}

/** Compares the HTML of two pages, normalised: undefined when they are the same. */
export function comparePage(page: string, before: string, after: string): PageDifference | undefined {
  const a = normaliseBuiltHtml(before);
  const b = normaliseBuiltHtml(after);
  if (a === b) return undefined;
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (la[i] === lb[i]) i++;
  const cut = (line: string | undefined, other: string | undefined): string => {
    if (line === undefined) return '(end of page)';
    // Built pages are a few long lines: show where the two part, not the whole line.
    let at = 0;
    while (at < line.length && line[at] === other?.[at]) at++;
    const from = Math.max(0, at - 60);
    return `${from > 0 ? '…' : ''}${line.slice(from, at + 120)}${at + 120 < line.length ? '…' : ''}`;
  };
  return { page, line: i + 1, before: cut(la[i], lb[i]), after: cut(lb[i], la[i]) };
}

/** Every `.html` file below `dir`, as paths relative to it, sorted. */
export function htmlFilesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html') && statSync(join(dir, f)).isFile()).sort();
}

/** The HTML of every page of two output directories, page by page. */
export function compareDists(before: string, after: string): DistComparison {
  const a = htmlFilesOf(before);
  const b = new Set(htmlFilesOf(after));
  const result: DistComparison = { same: 0, changed: [], missing: a.filter((f) => !b.has(f)), added: [...b].filter((f) => !a.includes(f)) };
  for (const page of a.filter((f) => b.has(f))) {
    const difference = comparePage(page, readFileSync(join(before, page), 'utf8'), readFileSync(join(after, page), 'utf8'));
    if (difference) result.changed.push(difference);
    else result.same++;
  }
  return result;
}

export const command = defineCommand('compare-dist', {
  invocation: 'node scripts/compare-dist.ts',
  summary: 'Compares the HTML of every page of two builds of one tree (hashed asset names aside): a golden comparison before and after a change.',
  positionals: [
    { name: '<before-dist>', required: true },
    { name: '<after-dist>', required: true },
  ],
  options: {},
  notes: ['Exit codes: 0 every page the same, 1 pages differ, are missing or were added, 2 bad invocation (not two output directories).'],
});

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, ({ positionals }) => {
    const [before, after] = positionals as [string, string];
    for (const dir of [before, after]) if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir} is not a directory`);
    const { same, changed, missing, added } = compareDists(before, after);
    const print = out(io);
    for (const d of changed) print(`${d.page}:${d.line}: differs\n  before: ${d.before}\n  after:  ${d.after}`);
    for (const p of missing) print(`${p}: only in ${before}`);
    for (const p of added) print(`${p}: only in ${after}`);
    print(`${same} page(s) the same, ${changed.length} different, ${missing.length} missing, ${added.length} added`);
    return changed.length + missing.length + added.length > 0 ? exitCode.findings : exitCode.ok;
  });
}
