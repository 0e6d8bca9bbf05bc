/**
 * Page text never runs when a generated snips.sh is sourced (issue 10, items 1, 2, 9, 10, 11): each
 * reproduction of the issue is refused with file and line, or generated exactly as an LF page would.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/config/paths.ts';
import { decodePageBytes, parsePage } from '../../src/model/parse.ts';
import { withDerivedValues } from '../../src/model/versions.ts';
import { generatePageSnips, type SnipsContext } from '../../src/snips/index.ts';
import { runSync } from '../../src/process/index.ts';

const work = mkdtempSync(join(tmpdir(), 'snips-safety-'));
const sentinel = join(work, 'PWNED');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ctx: SnipsContext = {
  paths: resolveContentPaths(join(work, 'content')),
  versions: withDerivedValues({ version: '1.0', full_version: '1.0.0', previous_version: '0.9', source_branch_name: 'main', k8s_gateway_api_version: 'v1' }),
  rewrites: [],
  boilerplate: () => 'unknown',
};
const pageMd = join(work, 'content/en/docs/page/index.md');

/** A tested page with one bash block; its body starts on line 8. */
function page(body: string[], eol = '\n'): string {
  return ['---', 'title: T', 'owner: mesh/wg-docs-maintainers', 'test: yes', '---', '', '```bash', ...body, '```', ''].join(eol);
}

const errors = (markdown: string, file = 'page.md', md = pageMd) =>
  generatePageSnips(parsePage(markdown, 'docs', file), ctx, md).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.ruleId}`);

/** Sources the text in a bash with nothing on PATH; true when it created the sentinel. */
function sourceRuns(text: string): boolean {
  const file = join(work, 'snips.sh');
  writeFileSync(file, text);
  runSync('/bin/bash', ['--norc', '--noprofile', '-c', 'source "$1"', 'bash', file], { cwd: work, env: { PATH: '/nonexistent' }, inheritEnv: false });
  const ran = existsSync(sentinel);
  rmSync(sentinel, { force: true });
  return ran;
}

describe('item 1: output text that would run is refused', () => {
  const touch = `/usr/bin/touch ${sentinel}`;

  test('the issue\'s unbalanced quote: refused at the line of the quote (sourced, it would run)', () => {
    const result = generatePageSnips(parsePage(page(['$ echo "', `"; }; ${touch}`, ': <<\\ENDSNIP']), 'docs', 'page.md'), ctx, pageMd);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['page.md:8 bash-incomplete-command']);
    // What the refusal prevents (the CLI writes nothing when there are errors).
    expect(sourceRuns(result.content!)).toBe(true);
  });

  test.each([
    { name: "a quoted delimiter with a space, never reached", body: ["$ cat <<'E OF'", 'EOF', '}', touch, 'f() {'] },
    { name: 'an escaped delimiter, never reached', body: ['$ cat <<E\\OF', 'E', '}', touch, 'f() {'] },
    { name: 'a <<- delimiter, never reached', body: ['$ cat <<-EOF', '  EOF', '}', touch, 'f() {'] },
    { name: 'a } that closes the function', body: [`$ }; ${touch}; f() {`] },
    { name: 'a backtick', body: ['$ echo `', `\`; }; ${touch}; f() {`] },
    { name: 'a $(', body: ['$ echo $(', `); }; ${touch}; f() {`] },
    { name: "a single quote", body: ["$ echo '", `'; }; ${touch}; f() {`] },
  ])('$name: refused with file and line', ({ body }) => {
    expect(errors(page(body))).toEqual(['page.md:8 bash-incomplete-command']);
  });

  test.each([
    { name: "<<'E OF' ends at E OF", body: ["$ cat <<'E OF'", 'EOF', 'E OF', `}; ${touch}`, ': <<\\ENDSNIP'] },
    { name: '<<E\\OF ends at EOF', body: ['$ cat <<E\\OF', 'E', 'EOF', `}; ${touch}`, ': <<\\ENDSNIP'] },
    { name: '<<-EOF ends at tabs and EOF', body: ['$ cat <<-EOF', '\tEOF', `}; ${touch}`, ': <<\\ENDSNIP'] },
    { name: 'complete commands, hostile output', body: ['$ echo ok', `"; }; ${touch}`, ': <<\\ENDSNIP', 'ENDSNIP', 'E OF', '`', "'"] },
  ])('$name: the heredoc is read as bash reads it, and the output stays inert', ({ body }) => {
    const result = generatePageSnips(parsePage(page(body), 'docs', 'page.md'), ctx, pageMd);
    expect(result.diagnostics).toEqual([]);
    expect(sourceRuns(result.content!)).toBe(false);
  });
});

describe('item 2: names that reach shell code', () => {
  const boilerplate = (name: string) =>
    generatePageSnips(parsePage('```bash\n$ echo hi\n```\n', 'boilerplate', `boilerplates/${name}`), ctx, join(work, 'content/en/boilerplates', name));

  test.each(['a(){ :;};touch PWNED1;b.md', '$(touch PWNED3).md', 'new\nline.md'])('boilerplate %j is refused', (name) => {
    const result = boilerplate(name);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([`boilerplates/${name}:1 snip-unsafe-name`]);
    expect(result.content).toBeUndefined();
  });

  test('an ordinary boilerplate name is written as istio.io writes it', () => {
    const result = boilerplate('gateway-api_support.md');
    expect(result.diagnostics).toEqual([]);
    expect(result.content).toContain('\nbpsnip_gateway_api_support__1() {\necho hi\n}\n');
  });

  test('a page directory with a line break cannot leave the banner comment', () => {
    const md = join(work, 'content/en/docs/x\ntouch PWNED2\n/index.md');
    expect(errors(page(['$ echo hi']), 'x.md', md)).toEqual(['x.md:1 snip-unsafe-name']);
  });
});

describe('item 9: CRLF pages', () => {
  test('give the snips of the same page with LF line ends, and no error', () => {
    const body = ['$ cat <<EOF', 'kind: Pod', 'EOF', 'pod created'];
    const lf = generatePageSnips(parsePage(page(body), 'docs', 'page.md'), ctx, pageMd);
    const crlf = generatePageSnips(parsePage(page(body, '\r\n'), 'docs', 'page.md'), ctx, pageMd);
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.content).toBe(lf.content);
    expect(crlf.content).not.toContain('\r');
  });
});

describe('item 10: an unclosed fence', () => {
  test('is refused by snips as by the build and lint', () => {
    const markdown = ['---', 'title: T', 'owner: mesh/wg-docs-maintainers', 'test: yes', '---', '', '```bash', '$ echo hi', ''].join('\n');
    expect(errors(markdown)).toEqual(['page.md:7 unclosed-fence']);
  });
});

describe('item 11: bytes that are not UTF-8', () => {
  test('are reported with file and line, not turned into U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from(page(['$ echo caf']).replace('$ echo caf', '$ echo caf\u0000')), Buffer.alloc(0)]);
    // Replace the NUL placeholder with a Latin-1 é (0xE9): not UTF-8.
    bytes[bytes.indexOf(0)] = 0xe9;
    const source = decodePageBytes(bytes);
    expect(source).not.toContain('\uFFFD');
    expect(errors(source)).toEqual(['page.md:8 encoding']);
  });
});
