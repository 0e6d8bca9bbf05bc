import { ShellScanner } from './shell-syntax.ts';

/**
 * The split of a `bash` block into commands and expected output. The site renders it, the copy
 * button copies its commands, the snips generator writes them into functions, and lint checks it:
 * all from this one function, so the page and the test can never disagree.
 *
 * Rules (istio.io's, §1.3 of the reference):
 * - a line starting with `$ ` starts a command (the prompt is removed);
 * - inside a heredoc (`<<EOF`, `<< EOF`, `<<\EOF`, `<<'EOF'`, `<<-END`, `<<'E OF'` …) lines are
 *   command text up to the line bash ends it with: where the heredoc starts and what its delimiter
 *   is are bash's reading (`ShellScanner`), not a pattern, so `<<E\OF` ends at `EOF`;
 * - a line after a command line ending in `\` continues the command;
 * - the first other line starts the output, and everything after it is output.
 *
 * The commands must then be a complete command list by bash's rules (`incomplete` says why not):
 * otherwise bash would read on into the output, and text shown as output would run when the
 * generated `snips.sh` is sourced. CRLF line ends count as LF.
 *
 * istio.io silently moves a `$ ` line that comes after output into the expected output (its quirk Q1).
 * We keep the same placement, so generated snips stay identical, but report it as a problem.
 */
export interface BashLine {
  /** 0-based index of the line within the block body. */
  index: number;
  /** Text without the `$ ` prompt. */
  text: string;
  /** True when the line started with `$ ` (the renderer shows the prompt there). */
  prompt: boolean;
}

export interface BashSplit {
  commands: BashLine[];
  output: BashLine[];
  /** Indices of lines that started with `$ ` after output had started. */
  commandsAfterOutput: number[];
  /** True when the first line is not a `$ ` command. */
  noCommand: boolean;
  /**
   * Why the commands are not a complete command list (an open quote, `$(`, heredoc, `if`, a `}`
   * that closes nothing …); `index` is the block line it points at. Undefined when they are.
   */
  incomplete?: { index: number; message: string };
}

export function splitBashBlock(body: string): BashSplit {
  const lines = body.split(/\r?\n/);
  const commands: BashLine[] = [];
  const output: BashLine[] = [];
  const commandsAfterOutput: number[] = [];
  const scanner = new ShellScanner();
  /** Block line index of each line fed to the scanner. */
  const fed: number[] = [];
  let outputStarted = false;
  let previous: string | undefined;

  lines.forEach((line, index) => {
    if (outputStarted) {
      if (line.startsWith('$ ')) {
        commandsAfterOutput.push(index);
        output.push({ index, text: line.slice(2), prompt: true });
      } else {
        output.push({ index, text: line, prompt: false });
      }
      return;
    }
    let text: string;
    if (line.startsWith('$ ')) {
      text = line.slice(2);
    } else if (scanner.inHeredocBody) {
      text = line;
    } else if (previous !== undefined && previous.endsWith('\\')) {
      text = line;
    } else {
      outputStarted = true;
      output.push({ index, text: line, prompt: false });
      return;
    }
    scanner.feed(text);
    fed.push(index);
    commands.push({ index, text, prompt: line.startsWith('$ ') });
    previous = text;
  });

  const problem = commands.length > 0 ? scanner.finish() : undefined;
  const incomplete = problem && { index: fed[problem.line] ?? 0, message: problem.message };
  return { commands, output, commandsAfterOutput, noCommand: !lines[0]?.startsWith('$ '), incomplete };
}

/** The text a reader copies: the commands without prompts, one per line. */
export function commandText(split: BashSplit): string {
  return split.commands.map((c) => c.text).join('\n');
}
