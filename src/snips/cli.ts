/**
 * `npm run snips`: (re)generates the snips files of the content tree (`MESHDOCS_CONTENT` or the
 * project's `content/`), checks them (`--check`) or prints one page's (`--stdout`).
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineCommand, exitCode, InputError, runCommand, UsageError } from '../cli/command.ts';
import { err, out, type Io } from '../cli/io.ts';
import { isContentTree, resolveContentPaths, type ContentPaths } from '../config/paths.ts';
import { ContentError, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import { PageCache } from '../model/page-cache.ts';
import { compareTreeSnips, generateFileSnips, generateTreeSnips, openSnipsSession, writeTreeSnips, type TreeOptions, type TreeSnips } from './index.ts';

export const command = defineCommand('snips', {
  summary: 'Regenerates every snips file of the content tree (MESHDOCS_CONTENT, else ./content).',
  options: {
    check: { type: 'boolean', help: 'change nothing; exit 1 listing stale, missing or outdated files' },
    stdout: { type: 'string', value: '<page.md>', help: "print one page's snips (whatever its test: value)" },
  },
  notes: [
    'A page with errors keeps the file it has and is reported; the other pages are written (or checked).',
    'Exit codes: 0 ok, 1 files out of date (--check) or nothing to do, 2 content errors (the good pages are still written or checked) or a bad invocation.',
  ],
});

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, ({ values }) => {
    if (values.check && values.stdout !== undefined) throw new UsageError('--check and --stdout cannot be combined');
    const paths = resolveContentPaths(undefined, io.env);
    if (!isContentTree(paths)) throw new InputError(`${paths.content} is not a content tree (no en/ directory); set MESHDOCS_CONTENT`);
    const run = new SnipsRun(paths, io);
    try {
      if (values.stdout !== undefined) return run.printOne(values.stdout);
      return values.check ? run.check() : run.generate();
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      run.printDiagnostics(error.diagnostics);
      return exitCode.badInput;
    }
  });
}

/** One invocation's tree and output. */
class SnipsRun {
  private readonly options: TreeOptions;
  /** Parsed pages kept between runs (as lint keeps them): an unchanged page is not parsed again. */
  private readonly pages = PageCache.open();
  private readonly out: (line: string) => void;
  private readonly err: (line: string) => void;

  private readonly paths: ContentPaths;
  private readonly io: Io;

  constructor(paths: ContentPaths, io: Io) {
    this.paths = paths;
    this.io = io;
    this.options = { display: (file) => this.show(file), pages: this.pages };
    this.out = out(io);
    this.err = err(io);
  }

  generate(): number {
    const started = performance.now();
    const tree = this.generateTree();
    const errors = this.printDiagnostics(tree.diagnostics);
    const docs = tree.pages.filter((p) => p.kind === 'docs').length;
    if (docs === 0 && errors === 0) return this.noTestedPage();
    // The good pages are written whatever the bad ones hold; the bad ones keep the file they have.
    const result = writeTreeSnips(tree);
    for (const file of result.written) this.out(`wrote    ${this.show(file)}`);
    for (const file of result.removed) this.out(`removed  ${this.show(file)}`);
    const boilerplates = tree.pages.length - docs;
    const ms = Math.round(performance.now() - started);
    this.out(
      `snips: ${docs} tested page(s), ${boilerplates} boilerplate(s): ${result.written.length} written, ` +
        `${result.removed.length} removed, ${result.unchanged} unchanged (${ms} ms)`,
    );
    if (errors > 0) {
      const bad = badFiles(tree.diagnostics);
      this.err(`snips: ${errors} error(s) in ${bad.length} file(s), whose snips were not written: ${bad.join(', ')}`);
      return exitCode.badInput;
    }
    return exitCode.ok;
  }

  check(): number {
    const tree = this.generateTree();
    const errors = this.printDiagnostics(tree.diagnostics);
    // Every good page is compared; the bad ones are reported by their errors.
    const problems = compareTreeSnips(tree);
    for (const p of problems) this.out(`${p.status.padEnd(9)}${this.show(p.file)}${p.source ? `  (from ${p.source})` : ''}`);
    if (problems.length > 0) this.out(`snips: ${problems.length} file(s) out of date; run npm run snips`);
    if (errors > 0) {
      const bad = badFiles(tree.diagnostics);
      this.err(`snips: ${errors} error(s) in ${bad.length} file(s), whose snips were not checked: ${bad.join(', ')}`);
      return exitCode.badInput;
    }
    if (problems.length > 0) return exitCode.findings;
    if (tree.pages.every((p) => p.kind !== 'docs')) return this.noTestedPage();
    this.out(`snips: ${tree.pages.filter((p) => p.content !== undefined).length} file(s) up to date`);
    return exitCode.ok;
  }

  printOne(file: string): number {
    const path = resolve(this.io.cwd, file);
    if (!existsSync(path)) throw new InputError(`no such file: ${file}`);
    if (!statSync(path).isFile()) throw new InputError(`${file} is not a file`);
    const session = openSnipsSession(this.paths, this.options);
    const page = generateFileSnips(session, path, true);
    const errors = this.printDiagnostics(page.diagnostics);
    if (page.content === undefined) {
      this.err(`snips: ${file} has no code blocks and includes no boilerplate with snips`);
      return errors > 0 ? exitCode.badInput : exitCode.findings;
    }
    this.io.stdout.write(page.content);
    return errors > 0 ? exitCode.badInput : exitCode.ok;
  }

  private generateTree(): TreeSnips {
    const tree = generateTreeSnips(this.paths, this.options);
    this.pages.save();
    return tree;
  }

  /** Prints every diagnostic to stderr; returns how many are errors. */
  printDiagnostics(list: Diagnostic[]): number {
    for (const d of sortDiagnostics(list)) this.err(formatDiagnostic(d));
    return list.filter((d) => d.severity === 'error').length;
  }

  private noTestedPage(): number {
    this.err(`snips: no page under ${this.show(this.paths.docs)} has "test: yes"`);
    return exitCode.findings;
  }

  private show(file: string): string {
    return relative(this.io.cwd, file) || file;
  }
}

/** The files the errors are in, once each, in order. */
function badFiles(list: Diagnostic[]): string[] {
  return [...new Set(sortDiagnostics(list.filter((d) => d.severity === 'error')).map((d) => d.file))];
}
