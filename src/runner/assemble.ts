import { dirname, join, relative, sep } from 'node:path';
import type { TestScript } from './test-script.ts';

/** An assembled script and, for each of its lines, the test-script line it came from. */
export interface AssembledScript {
  text: string;
  /** `origin[i]` is the 1-based test.sh line of script line i+1; undefined for injected lines. */
  origin: (number | undefined)[];
}

export interface Assembly {
  test: AssembledScript;
  cleanup: AssembledScript;
}

export interface AssembleContext {
  /** Docs repository root: the scripts `cd` here first (istio.io's REPO_ROOT). */
  root: string;
  /** Absolute directory of the bash library (tests/util of this project). */
  libDir: string;
}

/** Single-quotes a string for bash. */
export const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * A path as one shell word: double-quoted as istio.io's harness writes it when that is inert
 * (no `$`, backtick, `"`, `\\`, `!` or control character), single-quoted otherwise, so a directory
 * named `$(touch x)` stays a name.
 */
export const shellWord = (s: string): string => (/^[^$`"\\!\u0000-\u001f\u007f]*$/.test(s) ? `"${s}"` : shellQuote(s));

/**
 * What istio.io's harness injects, with the library at an absolute path: `cd` to the docs root,
 * the page's `snips.sh`, the verify, debug and helper functions. `runner.sh` comes first so that
 * the snips and every later `source` are wrapped for step recording.
 */
export function injectedPrefix(script: Pick<TestScript, 'file'>, ctx: AssembleContext): string[] {
  const snips = relative(ctx.root, join(dirname(script.file), 'snips.sh')).split(sep).join('/');
  const lib = (name: string) => `source ${shellQuote(join(ctx.libDir, name))}`;
  return [
    '### BEGIN INJECTED SCRIPT ###',
    `cd ${shellQuote(ctx.root)}`,
    lib('runner.sh'),
    `source ${shellWord(snips)} # snips.sh`,
    lib('verify.sh'),
    lib('debug.sh'),
    lib('helpers.sh'),
    '### END INJECTED SCRIPT ###',
  ];
}

/**
 * Builds the test and cleanup scripts exactly as istio.io does (§3.2 of the reference):
 * the prefix goes before the first line that does not start with `#` (so after the shebang and
 * header, before `set -e`); the cleanup is the test part's quoted `source "….sh"` lines (minus
 * sibling `*test.sh` files), then `set +e`, then everything after `# @cleanup`.
 */
export function assembleScripts(script: TestScript, ctx: AssembleContext): Assembly {
  const prefix = injectedPrefix(script, ctx);
  const testLines = script.testPart.split('\n').map((text, i) => ({ text, origin: i + 1 as number | undefined }));

  const dir = relative(ctx.root, dirname(script.file)).split(sep).join('/');
  const siblingTest = new RegExp(`^source "${escapeRegExp(dir)}/.*test\\.sh"$`);
  const sources = script.sources
    .filter((s) => s.quoted)
    .map((s) => ({ text: script.testPart.split('\n')[s.line - 1]!, origin: s.line as number | undefined }))
    .filter((s) => !siblingTest.test(s.text));
  const cleanupLines = [
    ...sources,
    { text: 'set +e # ignore cleanup errors', origin: undefined },
    ...script.cleanupPart.split('\n').map((text, i) => ({ text, origin: script.cleanupLine + i + 1 as number | undefined })),
  ];
  return { test: insertPrefix(testLines, prefix), cleanup: insertPrefix(cleanupLines, prefix) };
}

function insertPrefix(lines: { text: string; origin: number | undefined }[], prefix: string[]): AssembledScript {
  let at = lines.findIndex((l) => !l.text.startsWith('#'));
  if (at < 0) at = lines.length;
  const all = [...lines.slice(0, at), ...prefix.map((text) => ({ text, origin: undefined })), ...lines.slice(at)];
  return { text: `${all.map((l) => l.text).join('\n')}\n`, origin: all.map((l) => l.origin) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
