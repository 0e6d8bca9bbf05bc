/**
 * The split of a `bash` block into commands and expected output. The site renders it, the copy
 * button copies its commands, the snips generator writes them into functions, and lint checks it:
 * all from this one function, so the page and the test can never disagree.
 *
 * Rules (istio.io's, §1.3 of the reference):
 * - a line starting with `$ ` starts a command (the prompt is removed);
 * - inside a heredoc (`<<EOF`, `<< EOF`, `<<\EOF`, `<<'EOF'`, `<<-END` …) lines are command text up
 *   to the line that is exactly the delimiter (after tabs, for `<<-`);
 * - a line after a command line ending in `\` continues the command;
 * - the first other line starts the output, and everything after it is output.
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
  /** Delimiter of a heredoc still open when the block ends (its closing line is missing). */
  unclosedHeredoc?: string;
}

const heredocStart = /(?<!<)<<(?!<)(-?)\s*(['"]?)\\?([A-Za-z_][A-Za-z0-9_]*)\2/g;

export function splitBashBlock(body: string): BashSplit {
  const lines = body.split('\n');
  const commands: BashLine[] = [];
  const output: BashLine[] = [];
  const commandsAfterOutput: number[] = [];
  let heredocs: { delimiter: string; stripTabs: boolean }[] = [];
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
    } else if (heredocs.length > 0) {
      text = line;
      const current = heredocs[0]!;
      const candidate = current.stripTabs ? line.replace(/^\t+/, '') : line;
      if (candidate === current.delimiter) heredocs = heredocs.slice(1);
      commands.push({ index, text, prompt: false });
      previous = text;
      return;
    } else if (previous !== undefined && previous.endsWith('\\')) {
      text = line;
    } else {
      outputStarted = true;
      output.push({ index, text: line, prompt: false });
      return;
    }
    for (const m of text.matchAll(heredocStart)) heredocs.push({ delimiter: m[3]!, stripTabs: m[1] === '-' });
    commands.push({ index, text, prompt: line.startsWith('$ ') });
    previous = text;
  });

  return { commands, output, commandsAfterOutput, noCommand: !lines[0]?.startsWith('$ '), unclosedHeredoc: heredocs[0]?.delimiter };
}

/** The text a reader copies: the commands without prompts, one per line. */
export function commandText(split: BashSplit): string {
  return split.commands.map((c) => c.text).join('\n');
}
