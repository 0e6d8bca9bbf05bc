/**
 * The scanner that decides whether a bash block's commands are a complete command list, checked
 * against bash itself: examples for each construct, and a property test with `bash -n` as the
 * oracle over random texts made of the pieces that matter (quotes, `$(`, backticks, heredocs with
 * quoted, escaped and `<<-` delimiters, reserved words, braces, operators).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { splitBashBlock } from '../../src/model/bash-split.ts';
import { parsePage } from '../../src/model/parse.ts';
import { checkCommandList } from '../../src/model/shell-syntax.ts';
import { runSync } from '../../src/process/index.ts';

const work = mkdtempSync(join(tmpdir(), 'shell-syntax-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const check = (text: string) => checkCommandList(text.split('\n'));

describe('complete command lists', () => {
  test.each([
    'kubectl get pods',
    "kubectl get pods -o jsonpath='{.items[0].metadata.name}'",
    'export POD=$(kubectl get pod -l app=curl -o jsonpath="{.items..metadata.name}")',
    'for i in 1 2; do \\\n  echo "$i"; \\\ndone',
    'cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF',
    "cat <<'E OF'\n$(not run)\nE OF",
    'cat <<E\\OF\nE\nEOF',
    'cat <<-EOF\n\tbody\n\t\tEOF',
    'cat <<"EOF" > f; cat <<X\none\nEOF\ntwo\nX',
    'echo $(case $x in a) echo a;; esac)',
    'case $x in\n  a|b) echo ab ;;\n  (*) : ;;\nesac',
    'if true; then\n  echo yes\nfi',
    'f() { echo; }; function g { :; }; h () (echo)',
    'arr=(a\n b) && echo "${arr[@]}"',
    'echo a # a comment with " and \' and `',
    'echo a#b',
    '[[ $a < $b && ( -n $c ) ]] && echo',
    'x=1 }',
    'echo ${x:-\'}\'} $((1 + (2))) $[1+1] `echo \\`` $\'\\\'\'',
    'diff <(echo a) >(cat)',
    'echo a |\n  cat',
    'kubectl get pod <your-pod>', // bash refuses it, but nothing is left open: not this rule's concern
  ])('%j', (text) => {
    expect(check(text)).toBeUndefined();
  });
});

describe('incomplete or over-closed command lists', () => {
  test.each([
    { text: 'echo "', line: 0, message: /quote " opened here/ },
    { text: "echo '\n", line: 0, message: /quote ' opened here/ },
    { text: 'echo `date', line: 0, message: /backtick/ },
    { text: 'echo $(date', line: 0, message: /"\$\(" opened here/ },
    { text: 'echo ${x', line: 0, message: /"\$\{"/ },
    { text: '(( x = 1 +', line: 0, message: /arithmetic/ },
    { text: "cat <<'E OF'\nx\nEOF", line: 0, message: /<<E OF .*"E OF"/ },
    { text: 'cat <<E\\OF\nE', line: 0, message: /<<EOF/ },
    { text: 'cat <<-EOF\n  EOF', line: 0, message: /<<EOF/ },
    { text: 'cat <<EOF\nbody \\\nEOF', line: 0, message: /<<EOF/ },
    { text: 'echo a\n}; touch x; f() {', line: 1, message: /"\}" closes nothing/ },
    { text: 'if true; then echo', line: 0, message: /"if" .* "fi"/ },
    { text: 'for i in 1; do echo', line: 0, message: /"done"/ },
    { text: 'case x in a) echo', line: 0, message: /"esac"/ },
    { text: '{ echo', line: 0, message: /"\{" .* "\}"/ },
    { text: 'echo a; fi', line: 0, message: /"fi" closes nothing/ },
    { text: 'echo a )', line: 0, message: /closes nothing/ },
    { text: 'echo a \\', line: 0, message: /ends with "\\"/ },
    { text: 'echo a &&', line: 0, message: /"&&"/ },
    { text: 'cat <<$\'EOF\'\nEOF', line: 0, message: /too unusual/ },
  ])('$text', ({ text, line, message }) => {
    const problem = check(text);
    expect(problem).toBeDefined();
    expect(problem!.line).toBe(line);
    expect(problem!.message).toMatch(message);
  });
});

describe('the split reads heredocs as bash does', () => {
  test('a quoted delimiter with a space, an escaped one and <<- end where bash ends them', () => {
    const s = splitBashBlock(["$ cat <<'E OF'", 'EOF', 'E OF', '$ cat <<E\\OF', 'E', 'EOF', '$ cat <<-EOF', '\tEOF', 'output'].join('\n'));
    expect(s.commands.map((c) => c.text)).toEqual(["cat <<'E OF'", 'EOF', 'E OF', 'cat <<E\\OF', 'E', 'EOF', 'cat <<-EOF', '\tEOF']);
    expect(s.output.map((o) => o.text)).toEqual(['output']);
    expect(s.incomplete).toBeUndefined();
  });

  test('CRLF line ends split like LF ones', () => {
    const lf = splitBashBlock('$ cat <<EOF\nkind: Pod\nEOF\nout');
    const crlf = splitBashBlock('$ cat <<EOF\r\nkind: Pod\r\nEOF\r\nout');
    expect(crlf).toEqual(lf);
    expect(crlf.incomplete).toBeUndefined();
  });

  test('the page model reports incomplete commands once, at the line that opens what is left open', () => {
    const page = parsePage(['---', 'title: T', 'owner: mesh/wg-docs-maintainers', 'test: no', '---', '', '```bash', '$ echo "', '"; }; touch /tmp/PWNED', ': <<\\ENDSNIP', '```', ''].join('\n'), 'docs', 'p.md');
    expect(page.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([['p.md', 8, 'bash-incomplete-command']]);
  });
});

// ---- bash as the oracle ---------------------------------------------------------------------------

const pieces = [
  'echo', 'a', 'x=1', 'f()', '{', '}', '(', ')', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', ';;', 'function',
  '[[', ']]', '!', "'", '"', "$'", '`', '\\`', '$(', '${', '$((', '((', '))', '\\', '\\\\', '#', '<<EOF', "<<'EOF'", '<<\\EOF',
  '<<-EOF', "<<'E OF'", '<<E\\OF', '<<"E F"', 'EOF', 'E OF', 'E F', '\tEOF', '|', '&&', ';', '&', '<', '>', '<(', 'a=(', '=',
];
const randomLine = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).chain((words) =>
  fc.array(fc.constantFrom(' ', '', ' '), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
);

/** Valid shell built from the same pieces (random text inside quotes and heredoc bodies), so both verdicts are reached. */
const { atom } = fc.letrec<{ atom: string[] }>((tie) => {
  const inner = tie('atom');
  const one = inner.map((lines) => lines.join('; '));
  const body = fc.array(randomLine, { maxLength: 3 });
  const heredoc = (open: string, close: string) => body.map((lines) => [open, ...lines.filter((l) => l !== close && l.replace(/^\t+/, '') !== close), close]);
  return {
    atom: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant<string[]>(['echo a']),
      randomLine.map((l) => [`echo '${l.replaceAll("'", '')}'`]),
      randomLine.map((l) => [`echo "${l.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`]),
      heredoc("cat <<'E OF'", 'E OF'),
      heredoc('cat <<E\\OF', 'EOF'),
      heredoc('cat <<-EOF', '\tEOF'),
      heredoc('cat <<"E F"', 'E F'),
      one.map((c) => [`if true; then`, c, 'fi']),
      one.map((c) => [`for i in 1 2; do`, c, 'done']),
      one.map((c) => [`case x in a) ${c};; esac`]),
      one.map((c) => [`{ ${c}; }`]),
      one.map((c) => [`( ${c} )`]),
      one.map((c) => [`f() { ${c}; }`]),
      one.map((c) => [`x=$(${c})`]),
      fc.constant<string[]>(['x=`echo a`']),
    ),
  };
});
/**
 * Valid texts (`built`), texts with one random piece put somewhere, and random pieces alone. Bash
 * must accept what the scanner accepts (safety) for all of them; the scanner must accept what bash
 * accepts (no false alarms) for the built ones, which look like shell people write.
 */
const text = fc.oneof(
  fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => ({ commands: atoms.flat().join('\n'), built: true })),
  fc
    .tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.constantFrom(...pieces), fc.nat())
    .map(([atoms, piece, at]) => {
      const t = atoms.flat().join('\n');
      const i = at % (t.length + 1);
      return { commands: t.slice(0, i) + piece + t.slice(i), built: false };
    }),
  fc.array(randomLine, { minLength: 1, maxLength: 4 }).map((lines) => ({ commands: lines.join('\n'), built: false })),
);

function bash(args: string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  // --norc: bash reads ~/.bashrc when its stdin is a socket, as node's pipes are.
  const r = runSync('/bin/bash', ['--norc', '--noprofile', ...args], { cwd: work, env, inheritEnv: false, stripFinalNewline: false, timeoutMs: 20_000 });
  return { status: r.signal ? null : r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

describe('against bash', () => {
  test('valid shell is accepted; accepted text leaves nothing open for bash and cannot end the function it is put in', () => {
    let accepted = 0;
    let valid = 0;
    fc.assert(
      fc.property(text, ({ commands, built }) => {
        const file = join(work, 'cmds.sh');
        writeFileSync(file, `${commands}\n`);
        const syntax = bash(['-n', file]);
        const clean = syntax.status === 0 && syntax.stderr === '';
        const problem = check(commands);
        if (clean && built) {
          valid += 1;
          expect(problem, 'bash -n accepts it').toBeUndefined();
        }
        if (problem) return;
        accepted += 1;
        // Nothing left open or closed too much, by bash's reading.
        expect(syntax.stderr).not.toMatch(/end of file|looking for matching|unexpected token `(\}|fi|done|esac)'/);
        // Put in a function and sourced: nothing runs, nothing but the function is defined.
        const wrapped = join(work, 'wrapped.sh');
        writeFileSync(wrapped, `f() {\n${commands}\n}\n`);
        const sourced = bash(['-c', 'source "$1"; declare -F', 'bash', wrapped], { PATH: '/nonexistent' });
        expect(['', 'declare -f f\n']).toContain(sourced.stdout);
        expect(sourced.stderr).not.toMatch(/command not found|No such file/);
      }),
      { seed: Number(process.env.SEED ?? 20261201), numRuns: Number(process.env.RUNS ?? 250) },
    );
    // The generator must reach both sides, or the property says little.
    expect(accepted).toBeGreaterThan(20);
    expect(valid).toBeGreaterThan(10);
  });
});
