/**
 * The text of a `snips.sh` file. Below the banner the layout is istio.io's, byte for byte
 * (reference §1.4), so a test written for istio.io sources our files unchanged:
 *
 * ```
 * source "content/en/boilerplates/snips/gateway-api-support.sh"
 *
 * snip_route_to_version_1_3() {
 * kubectl get virtualservices -o yaml
 * }
 *
 * ! IFS=$'\n' read -r -d '' snip_route_to_version_1_3_out <<\ENDSNIP
 * - apiVersion: networking.istio.io/v1
 * ENDSNIP
 * ```
 */

/** One generated shell definition, ready to print. */
export type Snippet =
  | { type: 'function'; name: string; commands: string[]; output?: string[] }
  | { type: 'variable'; name: string; lines: string[] };

export const bannerRule = '#'.repeat(100);
export const bannerWarning = '# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:';
const defaultDelimiter = 'ENDSNIP';

/**
 * Shebang, the shellcheck codes istio.io disables (SC2034 unused variable, SC2153 possible
 * misspelling, SC2155 declare and assign separately, SC2164 `cd` without `|| exit`), and the
 * banner naming the Markdown file relative to `content/en/`.
 */
export function renderBanner(markdownPath: string): string {
  return [
    '#!/bin/bash',
    '# shellcheck disable=SC2034,SC2153,SC2155,SC2164',
    '',
    bannerRule,
    bannerWarning,
    `#          ${markdownPath}`,
    bannerRule,
    '',
  ].join('\n');
}

/** The whole file: banner, one `source` line per boilerplate, then every snippet in page order. */
export function renderSnipsFile(markdownPath: string, sources: readonly string[], snippets: readonly Snippet[]): string {
  let text = renderBanner(markdownPath);
  for (const file of sources) text += `source "${file}"\n`;
  for (const snippet of snippets) text += renderSnippet(snippet);
  return text;
}

/** Each snippet starts with an empty line; function bodies are not indented. */
export function renderSnippet(snippet: Snippet): string {
  if (snippet.type === 'variable') return `\n${readHeredoc(snippet.name, snippet.lines)}`;
  let text = `\n${snippet.name}() {\n${joinLines(snippet.commands)}}\n`;
  if (snippet.output) text += `\n${readHeredoc(`${snippet.name}_out`, snippet.output)}`;
  return text;
}

/**
 * `! IFS=$'\n' read -r -d '' NAME <<\ENDSNIP`: the delimiter is quoted, so `$(…)`, backticks
 * and `\` in the text stay literal and nothing runs when the file is sourced. `read -d ''` reads
 * to the end and fails, which the `!` neutralises under `set -e`.
 *
 * What cannot round-trip: `read` strips leading and trailing IFS whitespace, and with
 * `IFS=$'\n'` that is newlines only, so blank lines at the start or end of the text are lost
 * (spaces, tabs and inner blank lines survive). A NUL byte cannot be held in a bash variable.
 */
export function readHeredoc(name: string, lines: readonly string[]): string {
  const delimiter = heredocDelimiter(lines);
  return `! IFS=$'\\n' read -r -d '' ${name} <<\\${delimiter}\n${joinLines(lines)}${delimiter}\n`;
}

/**
 * `ENDSNIP` unless a line of the text could be mistaken for the end of the heredoc; then the first
 * of `ENDSNIP_1`, `ENDSNIP_2`, … that no line could be. Bash ends the heredoc only at a line that
 * is exactly the delimiter, but shellcheck also rejects lines that start with it after blanks or
 * go on with blanks or punctuation (`ENDSNIP `, `  ENDSNIP`, `ENDSNIP)`: SC1118, SC1119, SC1120),
 * so those count as clashes too.
 */
export function heredocDelimiter(lines: readonly string[]): string {
  const clashes = (delimiter: string): boolean =>
    lines.some((line) => {
      const rest = line.trimStart();
      return rest.startsWith(delimiter) && !/^[A-Za-z0-9_]/.test(rest.slice(delimiter.length));
    });
  if (!clashes(defaultDelimiter)) return defaultDelimiter;
  for (let n = 1; ; n += 1) {
    const candidate = `${defaultDelimiter}_${n}`;
    if (!clashes(candidate)) return candidate;
  }
}

/** The value `read` leaves in the variable for these lines (see `readHeredoc`). */
export function valueAfterRead(lines: readonly string[]): string {
  return lines.join('\n').replace(/^\n+/, '').replace(/\n+$/, '');
}

function joinLines(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

export interface BannerSplit {
  /** Everything up to and including the rule line that closes the WARNING banner. */
  header: string;
  /** The Markdown path named in the banner (`docs/tasks/foo/index.md`). */
  markdownPath: string;
  /** The rest: `source` lines and definitions. This part must equal istio.io's. */
  body: string;
}

/**
 * Splits a snips file (ours or istio.io's, whose header adds an Apache license block) at the
 * rule line that closes the WARNING banner. Undefined when the file has no such banner.
 */
export function splitBanner(text: string): BannerSplit | undefined {
  const warning = text.indexOf(`${bannerWarning}\n`);
  if (warning < 0) return undefined;
  const pathStart = warning + bannerWarning.length + 1;
  const pathEnd = text.indexOf('\n', pathStart);
  const ruleLine = `${bannerRule}\n`;
  if (pathEnd < 0 || !text.startsWith(ruleLine, pathEnd + 1)) return undefined;
  const end = pathEnd + 1 + ruleLine.length;
  return {
    header: text.slice(0, end),
    markdownPath: text.slice(pathStart, pathEnd).replace(/^#\s*/, ''),
    body: text.slice(end),
  };
}

/** True when the text is a generated snips file (it carries the banner). */
export function isGeneratedSnips(text: string): boolean {
  return text.includes(bannerWarning);
}
