/**
 * Property: for random code-block text (quotes, `$`, backticks, `\`, heredoc markers, blank lines,
 * trailing spaces, unicode), the generated `snips.sh` passes `bash -n` and shellcheck, sourcing it
 * runs nothing, and every `_out` / variable holds exactly the block's text.
 *
 * "Exactly" has one documented exception (see `readHeredoc` in src/snips/render.ts): `read` drops
 * blank lines at the start and end of the text, so the expected value is the text with leading and
 * trailing newlines removed. Commands are generated from a small grammar of valid shell (random
 * text goes into quoted strings and heredoc bodies), since a command is code by design.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/config/paths.ts';
import { parsePage } from '../../src/model/parse.ts';
import { withDerivedValues } from '../../src/model/versions.ts';
import { generatePageSnips, type SnipsContext } from '../../src/snips/index.ts';
import { runSync } from '../../src/process/index.ts';

const work = mkdtempSync(join(tmpdir(), 'snips-property-'));
const sentinel = join(work, 'SENTINEL');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ctx: SnipsContext = {
  paths: resolveContentPaths(join(work, 'content')),
  versions: withDerivedValues({ version: '1.0', full_version: '1.0.0', previous_version: '0.9', source_branch_name: 'main', k8s_gateway_api_version: 'v1' }),
  rewrites: [],
  boilerplate: () => 'unknown',
};

// ---- random text -------------------------------------------------------------------------------

/** Lines that try to break out of a heredoc or run something when sourced. */
const nasty = [
  'EOF',
  'ENDSNIP',
  'ENDSNIP_1',
  'ENDSNIP_2',
  '',
  '   ',
  '\t',
  `$(/usr/bin/touch ${sentinel})`,
  `\`/usr/bin/touch ${sentinel}\``,
  `echo "$(/usr/bin/touch ${sentinel})"`,
  "'",
  '"',
  '\\',
  'trailing backslash \\',
  '$',
  '${HOME}',
  '$HOME',
  '}',
  ')',
  'fi',
  '<<EOF',
  "<<'ENDSNIP'",
];
const ascii = ' abcXYZ019_-.:,;=+*/#!?~^|&<>(){}[]\'"`$\\\t';

/**
 * One line of random text. Excluded: control characters and CR (not text), `@` and `%` (the
 * `@path@` and `%%version%%` rewrites, covered by the golden tests).
 */
const textLine = fc
  .oneof(
    { weight: 2, arbitrary: fc.constantFrom(...nasty) },
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...ascii), maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...nasty), fc.constantFrom(' ', '  ', '\t')).map(([a, b]) => a + b) },
  )
  .map((line) => line.replace(/[\u0000-\u0008\u000a-\u001f\u007f@%]/g, ''));

const textLines = fc.array(textLine, { maxLength: 8 });

// ---- commands: valid shell holding random text -------------------------------------------------

/**
 * A heredoc body line that is no delimiter for bash, nor for shellcheck (which rejects `EOF `,
 * `  EOF` or `EOF)` as a badly written end token), and has no prompt (the split would remove it).
 */
const heredocBodyLine = (line: string): boolean => !/^\s*EOF(?![A-Za-z0-9_])/.test(line) && !line.startsWith('$ ');

/** Lines of one command as written on the page (the first with its `$ ` prompt). */
const command: fc.Arbitrary<string[]> = fc.oneof(
  // Words are quoted: a bare `do` or `done` would read as a keyword (shellcheck SC1010).
  fc.stringMatching(/^[a-z0-9_-]{1,12}$/).map((word) => [`$ echo '${word}'`]),
  // `<<` is left out: the command/output split (like istio.io's) takes it for a heredoc even in quotes.
  // The `x` keeps a leading `~` from drawing shellcheck's SC2088 (about the command, not the file).
  textLine.map((text) => [`$ printf '%s\\n' "x${text.replaceAll('<<', '< <').replace(/[\\"$`]/g, (c) => `\\${c}`)}"`]),
  fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z]{1,8}$/)).map(([a, b]) => [`$ printf '%s\\n' '${a}' \\`, `    '${b}'`]),
  // Quoted delimiter: the body is literal, whatever it holds (istio.io recognises `<<\EOF`).
  textLines.map((body) => ['$ cat <<\\EOF', ...body.filter(heredocBodyLine), 'EOF']),
  // Unquoted delimiter: expanded when the snip runs, so only plain words.
  fc.array(fc.stringMatching(/^[A-Za-z0-9 .,:-]{0,20}$/), { maxLength: 4 }).map((body) => ['$ cat <<EOF', ...body.filter(heredocBodyLine), 'EOF']),
);

/** Output must not start with `$ ` (istio.io's quirk Q1, reported as an error and tested elsewhere). */
const outputLines = textLines.map((lines) => lines.map((l) => (l.startsWith('$ ') ? `x${l}` : l)));

// ---- pages ------------------------------------------------------------------------------------

type Block =
  | { kind: 'bash'; commands: string[][]; output: string[]; snipId?: string }
  | { kind: 'text'; lang: string; lines: string[]; snipId?: string };

const snipId = fc.option(fc.constantFrom('none', 'named'), { nil: undefined, freq: 3 });
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('bash' as const), commands: fc.array(command, { minLength: 1, maxLength: 3 }), output: outputLines, snipId }),
  fc.record({ kind: fc.constant('text' as const), lang: fc.constantFrom('yaml', 'text', 'json', ''), lines: textLines, snipId }),
);
const headingDecoration = fc.string({ unit: fc.constantFrom(...'aZ09 -.&"\'!:()_é'), maxLength: 10 });
const sections: fc.Arbitrary<Section[]> = fc.array(
  fc.record({ decoration: headingDecoration, anchor: fc.boolean(), inList: fc.boolean(), blocks: fc.array(block, { minLength: 1, maxLength: 4 }) }),
  { minLength: 1, maxLength: 4 },
);

/** istio.io's slug rule, written out again here so the test does not trust the implementation. */
const slug = (text: string): string =>
  text
    .trim()
    .replaceAll(' ', '_')
    .replace(/[^0-9A-Za-z_]/g, '')
    .toLowerCase();

interface Expected {
  functions: string[];
  /** Variable name → value after sourcing. */
  values: Map<string, string>;
}

function fenceFor(body: string[]): string {
  const longest = Math.max(0, ...body.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  return '`'.repeat(Math.max(3, longest + 1));
}

interface Section {
  decoration: string;
  anchor: boolean;
  /** Blocks sit in list items, indented 4 spaces: the indentation is not part of the text. */
  inList: boolean;
  blocks: Block[];
}

function buildPage(input: Section[]): { markdown: string; expected: Expected } {
  const expected: Expected = { functions: [], values: new Map() };
  const out: string[] = ['---', 'title: Random', 'test: yes', '---', ''];
  let named = 0;
  const valueOf = (lines: string[]): string => lines.join('\n').replace(/^\n+/, '').replace(/\n+$/, '');
  input.forEach((section, s) => {
    const heading = `S${s}z${section.decoration}`;
    out.push(`## ${heading}${section.anchor ? ` {#anchor-${s}}` : ''}`, '');
    section.blocks.forEach((b, n) => {
      const id = b.snipId === 'named' ? `named_${(named += 1)}` : b.snipId;
      const name = `snip_${id ?? `${slug(heading)}_${n + 1}`}`;
      const body = b.kind === 'bash' ? [...b.commands.flat(), ...b.output] : b.lines;
      const fence = fenceFor(body);
      // A fence without a language cannot carry options: the first word would be taken as the language.
      const lang = b.kind === 'bash' ? 'bash' : b.lang || (id ? 'text' : '');
      const info = [lang, id ? `snip_id=${id}` : ''].filter(Boolean).join(' ');
      if (section.inList) {
        const indent = (line: string): string => (line === '' ? '' : `    ${line}`);
        out.push(`${n + 1}.  Step:`, '', indent(`${fence}${info}`), ...body.map(indent), indent(fence), '');
      } else {
        out.push(`${fence}${info}`, ...body, fence, '');
      }
      if (id === 'none') return;
      if (b.kind === 'bash') {
        expected.functions.push(name);
        if (b.output.length > 0) expected.values.set(`${name}_out`, valueOf(b.output));
      } else {
        expected.values.set(name, valueOf(b.lines));
      }
    });
  });
  return { markdown: out.join('\n'), expected };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  // --norc matters for bash: it reads ~/.bashrc when stdin is a socket, as node's pipes are.
  const r = runSync(command, args, { cwd: work, env, inheritEnv: false, stripFinalNewline: false });
  return { status: r.signal ? null : r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

describe('random code blocks', () => {
  test('generate a file that parses, passes shellcheck, runs nothing when sourced and round-trips every value', () => {
    let cases = 0;
    fc.assert(
      fc.property(sections, (input) => {
        cases += 1;
        const { markdown, expected } = buildPage(input);
        const page = parsePage(markdown, 'docs', 'random.md');
        const result = generatePageSnips(page, ctx, join(work, 'content/en/docs/random/index.md'));
        expect(result.diagnostics).toEqual([]);
        if (expected.functions.length === 0 && expected.values.size === 0) {
          // Every block was `snip_id=none`: nothing to write.
          expect(result.content).toBeUndefined();
          return;
        }
        const file = join(work, 'snips.sh');
        writeFileSync(file, result.content!);

        const syntax = run('/bin/bash', ['--norc', '-n', file]);
        expect(syntax.stderr).toBe('');
        const lint = run('shellcheck', ['-s', 'bash', file]);
        expect(lint.stdout).toBe('');

        const names = [...expected.values.keys()];
        const script = 'set -eu\nsource "$1"\nshift\ndeclare -F\nprintf "\\0"\nfor n in "$@"; do printf "%s\\0" "${!n}"; done\n';
        const sourced = run('/bin/bash', ['--norc', '--noprofile', '-c', script, 'bash', file, ...names], { PATH: '/nonexistent' });
        expect(sourced.stderr).toBe('');
        expect(sourced.status).toBe(0);
        expect(existsSync(sentinel)).toBe(false);
        const [declared, ...values] = sourced.stdout.split('\0').slice(0, -1);
        const functions = declared!.split('\n').filter(Boolean).map((l) => l.replace(/^declare -f /, ''));
        expect(functions.sort()).toEqual([...expected.functions].sort());
        expect(Object.fromEntries(names.map((n, i) => [n, values[i]]))).toEqual(Object.fromEntries(expected.values));
      }),
      { seed: 20261125, numRuns: 60 },
    );
    expect(cases).toBe(60);
  });
});

// ---- hostile commands: either refused with file:line, or inert when sourced and exact when run ---

/**
 * Command lines that leave things open or close what they did not open: unbalanced quotes, `$(`,
 * backticks, heredocs with quoted, escaped and `<<-` delimiters (and their would-be end lines),
 * a `}` that would end the function. Output lines then try to finish the job.
 */
const hostilePiece = fc.constantFrom(
  "'", '"', '`', '$(', ')', '}', '{', '\\', '$((', "<<'E OF'", '<<E\\OF', '<<-EOF', '<<EOF', '<<"E F"', 'EOF', 'E OF', 'E F', '\tEOF', ';', '#',
  'echo a', 'printf x', 'if true; then', 'fi', 'case a in a)', ';;', 'esac',
);
const hostileCommandLine = fc.array(hostilePiece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(' '));
const hostileOutput = fc.array(
  fc.constantFrom(`"; }; /usr/bin/touch ${sentinel}`, `'; }; /usr/bin/touch ${sentinel}`, `\`; }; /usr/bin/touch ${sentinel}`, `); }; /usr/bin/touch ${sentinel}`, `}; /usr/bin/touch ${sentinel}`, 'EOF', 'E OF', 'E F', '\tEOF', ': <<\\ENDSNIP', 'ENDSNIP', 'fi', 'esac'),
  { maxLength: 4 },
);
/** Complete commands that hold the same characters: heredocs as bash ends them, quoted closers. */
const trickyButComplete = fc.constantFrom(
  ["cat <<'E OF'", 'EOF', '}', 'E OF'],
  ['cat <<E\\OF', 'E', '"', 'EOF'],
  ['cat <<-EOF', "'", '\tEOF'],
  ['cat <<"E F"', '`', 'E F'],
  ["echo '}' \"\\\"\" '\"'"],
  ['echo $(echo ")") `echo "}"`'],
  ['if true; then echo a; fi # }'],
);
const hostileBlock = fc.record({
  commands: fc.oneof(fc.array(hostileCommandLine, { minLength: 1, maxLength: 4 }), trickyButComplete),
  output: hostileOutput,
});

describe('hostile code blocks', () => {
  test('are refused with file and line, or source without running anything, and each function runs exactly its commands', () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(hostileBlock, { minLength: 1, maxLength: 3 }), (blocks) => {
        const lines = ['---', 'title: Hostile', 'test: yes', '---', '', '## H', ''];
        const bodies: string[][] = [];
        for (const b of blocks) {
          // A continuation or heredoc line must not start with `$ ` (the prompt is removed from it).
          const commands: readonly string[] = b.commands;
          const output: readonly string[] = b.output;
          const body = [...commands.map((c, i) => (i === 0 ? `$ ${c}` : c.replace(/^\$ /, ''))), ...output.map((o) => (o.startsWith('$ ') ? `x${o}` : o))];
          bodies.push(body);
          lines.push('````bash', ...body, '````', '');
        }
        const page = parsePage(lines.join('\n'), 'docs', 'hostile.md');
        const result = generatePageSnips(page, ctx, join(work, 'content/en/docs/hostile/index.md'));
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          refused += 1;
          for (const e of errors) {
            expect(e.file).toBe('hostile.md');
            expect(e.line).toBeGreaterThan(7);
            expect(e.line).toBeLessThanOrEqual(lines.length);
          }
          return;
        }
        accepted += 1;
        const file = join(work, 'hostile.sh');
        writeFileSync(file, result.content!);
        const env = { PATH: '/nonexistent' };
        // Sourcing defines the functions and runs nothing.
        const sourced = run('/bin/bash', ['--norc', '--noprofile', '-c', 'source "$1"; declare -F', 'bash', file], env);
        expect(existsSync(sentinel)).toBe(false);
        const names = page.codeBlocks.map((b) => `snip_h_${b.positionInSection}`);
        expect(sourced.stdout).toBe(names.map((n) => `declare -f ${n}\n`).join(''));
        // Each function does exactly what its commands do when run on their own.
        page.codeBlocks.forEach((b, i) => {
          const alone = join(work, 'alone.sh');
          writeFileSync(alone, `${b.bash!.commands.map((c) => c.text).join('\n')}\n`);
          const expected = run('/bin/bash', ['--norc', '--noprofile', alone], env);
          const actual = run('/bin/bash', ['--norc', '--noprofile', '-c', `source "$1"; ${names[i]}`, 'bash', file], env);
          expect(actual.stdout).toBe(expected.stdout);
          expect(existsSync(sentinel)).toBe(false);
        });
      }),
      { seed: 20261201, numRuns: 60 },
    );
    // Both outcomes must be reached, or the property says little.
    expect(refused).toBeGreaterThan(5);
    expect(accepted).toBeGreaterThan(5);
  });
});
