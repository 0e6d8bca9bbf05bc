import { describe, expect, test } from 'vitest';
import { commandText, splitBashBlock } from '../../src/model/bash-split.ts';

const split = (lines: string[]) => {
  const s = splitBashBlock(lines.join('\n'));
  return { commands: s.commands.map((c) => c.text), output: s.output.map((o) => o.text), after: s.commandsAfterOutput, noCommand: s.noCommand };
};

describe('splitBashBlock', () => {
  test.each([
    { name: 'commands then output', lines: ['$ a', '$ b', 'out 1', 'out 2'], commands: ['a', 'b'], output: ['out 1', 'out 2'] },
    { name: 'backslash continuation', lines: ['$ for i in 1 2; do \\', '  echo "$i"; \\', 'done', '1'], commands: ['for i in 1 2; do \\', '  echo "$i"; \\', 'done'], output: ['1'] },
    { name: 'a trailing space after \\ ends the command', lines: ['$ echo a \\ ', 'b'], commands: ['echo a \\ '], output: ['b'] },
    { name: 'heredoc body is command text up to EOF', lines: ['$ cat <<EOF > f', '$ not a prompt', 'kind: X', 'EOF', '$ next', 'output'], commands: ['cat <<EOF > f', 'not a prompt', 'kind: X', 'EOF', 'next'], output: ['output'] },
    { name: 'quoted and dashed heredocs', lines: ["$ cat <<'END'", 'x', 'END', '$ cat <<-EOT', 'y', '\tEOT', 'out'], commands: ["cat <<'END'", 'x', 'END', 'cat <<-EOT', 'y', '\tEOT'], output: ['out'] },
    { name: 'here-strings are not heredocs', lines: ['$ grep a <<< "$x"', 'a'], commands: ['grep a <<< "$x"'], output: ['a'] },
    { name: 'a bare $ is output (istio Q7)', lines: ['$ echo', '$'], commands: ['echo'], output: ['$'] },
  ])('$name', ({ lines, commands, output }) => {
    const s = split(lines);
    expect(s.commands).toEqual(commands);
    expect(s.output).toEqual(output);
    expect(s.after).toEqual([]);
  });

  test('a $ line after output stays in the output, as on istio.io, and is reported', () => {
    const s = split(['$ a', 'out', '$ b', 'more']);
    expect(s.commands).toEqual(['a']);
    expect(s.output).toEqual(['out', 'b', 'more']);
    expect(s.after).toEqual([2]);
  });

  test('a block that does not start with $ has no command', () => {
    expect(split(['kubectl get pods']).noCommand).toBe(true);
    expect(split(['$ kubectl get pods']).noCommand).toBe(false);
  });

  test('commandText is what the copy button copies', () => {
    expect(commandText(splitBashBlock('$ a \\\n  --b\nout'))).toBe('a \\\n  --b');
  });
});
