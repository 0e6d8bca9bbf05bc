/**
 * `npm run snips`                      regenerate every snips file of the content tree (pages with errors
 *                                      keep the file they have and are reported; the others are written)
 * `npm run snips -- --check`           change nothing; exit 1 listing stale, missing or outdated files
 * `npm run snips -- --stdout <page.md>` print one page's snips (whatever its `test:` value)
 *
 * The tree is `MESHDOCS_CONTENT` or the project's `content/`. Exit codes: 0 ok, 1 files out of
 * date (`--check`) or nothing to do, 2 content errors (the good pages are still written or checked) or a
 * bad invocation.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isContentTree, resolveContentPaths } from '../src/config/paths.ts';
import { ContentError, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../src/model/diagnostic.ts';
import {
  compareTreeSnips,
  generateFileSnips,
  generateTreeSnips,
  openSnipsSession,
  writeTreeSnips,
  type TreeOptions,
} from '../src/snips/index.ts';

const usage = 'usage: npm run snips [-- --check | --stdout <page.md>]';

function main(argv: string[]): number {
  let flags: { check?: boolean; stdout?: string; help?: boolean };
  try {
    flags = parseArgs({
      args: argv,
      options: { check: { type: 'boolean' }, stdout: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`snips: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (flags.help) {
    console.log(usage);
    return 0;
  }
  if (flags.check && flags.stdout !== undefined) {
    console.error(`snips: --check and --stdout cannot be combined\n${usage}`);
    return 2;
  }
  const paths = resolveContentPaths();
  if (!isContentTree(paths)) {
    console.error(`snips: ${paths.content} is not a content tree (no en/ directory); set MESHDOCS_CONTENT`);
    return 2;
  }
  const options: TreeOptions = { display: (file) => relative(process.cwd(), file) || file };
  try {
    if (flags.stdout !== undefined) return printOne(paths, options, flags.stdout);
    return flags.check ? check(paths, options) : generate(paths, options);
  } catch (error) {
    if (error instanceof ContentError) {
      printDiagnostics(error.diagnostics);
      return 2;
    }
    throw error;
  }
}

function generate(paths: ReturnType<typeof resolveContentPaths>, options: TreeOptions): number {
  const started = performance.now();
  const tree = generateTreeSnips(paths, options);
  const errors = printDiagnostics(tree.diagnostics);
  const docs = tree.pages.filter((p) => p.kind === 'docs').length;
  if (docs === 0 && errors === 0) {
    console.error(`snips: no page under ${relative(process.cwd(), paths.docs) || paths.docs} has "test: yes"`);
    return 1;
  }
  // The good pages are written whatever the bad ones hold; the bad ones keep the file they have.
  const result = writeTreeSnips(tree);
  for (const file of result.written) console.log(`wrote    ${show(file)}`);
  for (const file of result.removed) console.log(`removed  ${show(file)}`);
  const boilerplates = tree.pages.length - docs;
  const ms = Math.round(performance.now() - started);
  console.log(
    `snips: ${docs} tested page(s), ${boilerplates} boilerplate(s): ${result.written.length} written, ` +
      `${result.removed.length} removed, ${result.unchanged} unchanged (${ms} ms)`,
  );
  if (errors > 0) {
    const bad = badFiles(tree.diagnostics);
    console.error(`snips: ${errors} error(s) in ${bad.length} file(s), whose snips were not written: ${bad.join(', ')}`);
    return 2;
  }
  return 0;
}

/** The files the errors are in, once each, in order. */
function badFiles(list: Diagnostic[]): string[] {
  return [...new Set(sortDiagnostics(list.filter((d) => d.severity === 'error')).map((d) => d.file))];
}

function check(paths: ReturnType<typeof resolveContentPaths>, options: TreeOptions): number {
  const tree = generateTreeSnips(paths, options);
  const errors = printDiagnostics(tree.diagnostics);
  // Every good page is compared; the bad ones are reported by their errors.
  const problems = compareTreeSnips(tree);
  for (const p of problems) console.log(`${p.status.padEnd(9)}${show(p.file)}${p.source ? `  (from ${p.source})` : ''}`);
  if (problems.length > 0) console.log(`snips: ${problems.length} file(s) out of date; run npm run snips`);
  if (errors > 0) {
    const bad = badFiles(tree.diagnostics);
    console.error(`snips: ${errors} error(s) in ${bad.length} file(s), whose snips were not checked: ${bad.join(', ')}`);
    return 2;
  }
  if (problems.length > 0) return 1;
  const files = tree.pages.filter((p) => p.content !== undefined).length;
  if (tree.pages.every((p) => p.kind !== 'docs')) {
    console.error(`snips: no page under ${relative(process.cwd(), paths.docs) || paths.docs} has "test: yes"`);
    return 1;
  }
  console.log(`snips: ${files} file(s) up to date`);
  return 0;
}

function printOne(paths: ReturnType<typeof resolveContentPaths>, options: TreeOptions, file: string): number {
  if (!existsSync(file)) {
    console.error(`snips: no such file: ${file}`);
    return 2;
  }
  if (!statSync(file).isFile()) {
    console.error(`snips: ${file} is not a file`);
    return 2;
  }
  const session = openSnipsSession(paths, options);
  const page = generateFileSnips(session, resolve(file), true);
  const errors = printDiagnostics(page.diagnostics);
  if (page.content === undefined) {
    console.error(`snips: ${file} has no code blocks and includes no boilerplate with snips`);
    return errors > 0 ? 2 : 1;
  }
  process.stdout.write(page.content);
  return errors > 0 ? 2 : 0;
}

/** Prints every diagnostic to stderr; returns how many are errors. */
function printDiagnostics(list: Diagnostic[]): number {
  for (const d of sortDiagnostics(list)) console.error(formatDiagnostic(d));
  return list.filter((d) => d.severity === 'error').length;
}

function show(file: string): string {
  return relative(process.cwd(), file) || file;
}

process.exitCode = main(process.argv.slice(2));
