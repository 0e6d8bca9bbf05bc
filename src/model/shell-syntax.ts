/**
 * Where bash thinks a command list ends. The command part of a `bash` block becomes the body of a
 * shell function in `snips.sh`; if bash read past its end (an open quote, `$(`, backtick, heredoc,
 * an `if` without `fi`, a `}` that closes the function early), the lines after it, which hold
 * expected output, would be read as code and run when the file is sourced.
 *
 * This scanner follows bash's own lexical rules far enough to tell whether a text is a complete
 * command list: quotes (`'…'`, `"…"`, `$'…'`, `$"…"`), backslashes and line continuations,
 * `$(…)`, `<(…)`, `>(…)`, backticks, `${…}`, `$((…))`, `((…))`, `$[…]`, comments, arrays `a=(…)`,
 * `[[ … ]]`, heredocs (quoted, escaped and `<<-` delimiters, bodies read line by line as bash
 * does, with `\`-newline joined in unquoted bodies), and the reserved words that open and close
 * compound commands (`{ }`, `( )`, `if/fi`, `for/while/until … done`, `case … esac`, with `)` and
 * `;;` inside `case`). It does not check the rest of the grammar: text bash would refuse anyway
 * (a syntax error stops bash before it runs anything) is not its concern.
 *
 * Why not `bash -n`: a 1,000-page tree has thousands of blocks, the page model runs in the editor
 * too, and bash per block costs milliseconds each. The property tests use `bash -n` as the oracle.
 * What it does not support it rejects (a `$'…'` heredoc delimiter, a delimiter with `$(`), so a
 * page it cannot follow is refused rather than trusted.
 */

/** Why a text is not a complete command list; `line` is 0-based within the text. */
export interface ShellProblem {
  line: number;
  message: string;
}

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
  line: number;
}

type Compound =
  | { kind: 'brace' | 'paren'; line: number }
  /** `body`: past `then` / `do`, so `fi` / `done` may close it. */
  | { kind: 'if' | 'loop'; line: number; body: boolean }
  | { kind: 'case'; line: number; phase: 'subject' | 'in' | 'pattern' | 'body'; patternStart: boolean };

interface CommandContext {
  kind: 'cmd';
  /** `)` for `$(`, `<(`, `>(` and arrays; undefined at the top. */
  close?: ')';
  /** What opened it, for messages (`$(`, `<(`, `a=(`). */
  opener: string;
  line: number;
  /** An array `a=(…)`: words only, no reserved words. */
  array: boolean;
  compound: Compound[];
  /** The next word is in command position (reserved words count there). */
  cmdPos: boolean;
  word: string | undefined;
  /** The word has no quoting or expansion (only then can it be a reserved word). */
  plain: boolean;
  /** The last word was the first word of a simple command (a `()` after it defines a function). */
  lastWasFirstWord: boolean;
  /** After a redirection operator: the next word is its target. */
  redirect: boolean;
  /** Inside `[[ … ]]`. */
  cond: boolean;
  /** After `for`/`select`: its words, up to `do`. */
  forWords: boolean;
  /** Right after `for`: `((` starts an arithmetic loop. */
  afterFor: boolean;
  /** After `function`: its name comes next. */
  funcName: boolean;
  /** After `function name`: `()` may follow. */
  funcParens: boolean;
  /** After `|`, `&&`, `||`: a command must follow. */
  needCommand: string | undefined;
  /** Right after a compound command's closer: only redirections or an operator may follow. */
  afterCompound: string | undefined;
  /** After assignments at the start of a command: another `name[…]=` may come. */
  afterAssignment: boolean;
}

type Context =
  | CommandContext
  | { kind: 'sq' | 'dq' | 'ansi' | 'bq' | 'param'; line: number }
  /** `name[…]` where an assignment may be: bash matches the `]`, across blanks and lines. */
  | { kind: 'subscript'; depth: number; line: number }
  /** `from`: for `$((`, where its second `(` is on `line` (bash reads `$((a) b)` as `$( (a) b)`). */
  | { kind: 'arith'; close: '))' | ')' | ']'; depth: number; line: number; from?: number };

const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const meta = (c: string | undefined): boolean => c === undefined || blank(c) || c === '\n' || ';&|()<>'.includes(c);
const assignment = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const closers: Record<Compound['kind'], string> = { brace: '}', paren: ')', if: 'fi', loop: 'done', case: 'esac' };
const openers: Record<Compound['kind'], string> = { brace: '{', paren: '(', if: 'if', loop: 'for/while/until', case: 'case' };

function commandContext(opener: string, line: number, close?: ')', array = false): CommandContext {
  return {
    kind: 'cmd',
    close,
    opener,
    line,
    array,
    compound: [],
    cmdPos: !array,
    word: undefined,
    plain: true,
    lastWasFirstWord: false,
    redirect: false,
    cond: false,
    forWords: false,
    afterFor: false,
    funcName: false,
    funcParens: false,
    needCommand: undefined,
    afterCompound: undefined,
    afterAssignment: false,
  };
}

/**
 * Reads a command list line by line, as bash would. `inHeredocBody` tells whether the next line
 * belongs to a heredoc body (the command/output split needs it); `finish` says what is left open.
 */
export class ShellScanner {
  private stack: Context[] = [commandContext('', 0)];
  private pending: Heredoc[] = [];
  private bodies: Heredoc[] = [];
  /** Unquoted heredoc body line ending in `\`: bash joins it with the next line. */
  private joined: string | undefined;
  private lineNo = -1;
  /** The last line ended with a `\` that continues it. */
  private continued = false;
  private problem: ShellProblem | undefined;
  /** Some word or compound command was read (comments and blanks alone make no command). */
  private anyCommand = false;

  /** True when the next line is part of a heredoc body. */
  get inHeredocBody(): boolean {
    return this.problem === undefined && this.bodies.length > 0;
  }

  feed(line: string): void {
    this.lineNo += 1;
    this.continued = false;
    if (this.problem) return;
    if (this.bodies.length > 0) this.bodyLine(line);
    else this.scan(`${line}\n`);
  }

  /** The first problem, or what is still open at the end; undefined for a complete command list. */
  finish(): ShellProblem | undefined {
    if (this.problem) return this.problem;
    const open = this.bodies[0] ?? this.pending[0];
    if (open) return { line: open.line, message: `the heredoc <<${open.delimiter} opened here is never closed: end it with a line "${open.delimiter}"` };
    const top = this.stack.at(-1)!;
    if (this.stack.length > 1 || top.kind !== 'cmd') return { line: top.line, message: describeOpen(top) };
    if (this.continued) return { line: this.lineNo, message: 'the last command line ends with "\\" but nothing follows it' };
    const compound = top.compound.at(-1);
    if (compound) {
      return { line: compound.line, message: `"${openers[compound.kind]}" opened here is never closed by "${closers[compound.kind]}"` };
    }
    if (top.needCommand) return { line: this.lineNo, message: `the commands end with "${top.needCommand}": a command must follow it` };
    if (top.funcName || top.funcParens) return { line: this.lineNo, message: 'a function definition has no body' };
    // Bash refuses a function whose body holds no command, so the snip would not exist.
    if (!this.anyCommand) return { line: 0, message: 'there is no command, only blanks or comments' };
    return undefined;
  }

  private fail(message: string): void {
    this.problem ??= { line: this.lineNo, message };
  }

  private bodyLine(line: string): void {
    const heredoc = this.bodies[0]!;
    let text = line;
    if (!heredoc.quoted) {
      text = (this.joined ?? '') + line;
      this.joined = undefined;
      const backslashes = /\\*$/.exec(text)![0].length;
      if (backslashes % 2 === 1) {
        this.joined = text.slice(0, -1);
        this.continued = true;
        return;
      }
    }
    const candidate = heredoc.stripTabs ? text.replace(/^\t+/, '') : text;
    if (candidate === heredoc.delimiter) this.bodies.shift();
  }

  private scan(s: string): void {
    for (let i = 0; i < s.length && !this.problem; i += 1) {
      const ctx = this.stack.at(-1)!;
      const c = s[i]!;
      switch (ctx.kind) {
        case 'sq':
          if (c === "'") this.stack.pop();
          break;
        case 'ansi':
          if (c === '\\') i += 1;
          else if (c === "'") this.stack.pop();
          break;
        case 'bq':
          if (c === '\\') i += 1;
          else if (c === '`') this.stack.pop();
          break;
        case 'dq':
          if (c === '\\') i += 1;
          else if (c === '"') this.stack.pop();
          else if (c === '$') i = this.dollar(s, i, true);
          else if (c === '`') this.push({ kind: 'bq', line: this.lineNo });
          break;
        case 'param':
          if (c === '\\') i += 1;
          else if (c === '}') this.stack.pop();
          else i = this.quoteOrExpansion(s, i);
          break;
        case 'arith':
          if (c === '\\') i += 1;
          else if (c === '(' || (c === '[' && ctx.close === ']')) ctx.depth += 1;
          else if ((c === ')' && ctx.close !== ']') || (c === ']' && ctx.close === ']')) {
            if (ctx.depth > 0) ctx.depth -= 1;
            else if (ctx.close !== '))') this.stack.pop();
            else if (s[i + 1] === ')') {
              this.stack.pop();
              i += 1;
            } else if (ctx.from !== undefined) {
              // Not arithmetic after all: bash takes `$((a) b)` for `$( (a) b)`, matched by parentheses.
              ctx.close = ')';
              ctx.from = undefined;
            } else this.fail('a ")" inside "((…))" closes nothing');
          } else i = this.quoteOrExpansion(s, i);
          break;
        case 'subscript':
          if (c === '\\') i += 1;
          else if (c === '[') ctx.depth += 1;
          else if (c === ']' && ctx.depth > 0) ctx.depth -= 1;
          else if (c === ']') {
            this.stack.pop();
            (this.stack.at(-1) as CommandContext).word += ']';
          } else i = this.quoteOrExpansion(s, i);
          break;
        case 'cmd':
          i = this.command(ctx, s, i);
          break;
      }
    }
  }

  private push(ctx: Context): void {
    this.stack.push(ctx);
  }

  /** Quotes and expansions that nest in `${…}` and `$((…))`; returns the last index consumed. */
  private quoteOrExpansion(s: string, i: number): number {
    const c = s[i];
    if (c === "'") this.push({ kind: 'sq', line: this.lineNo });
    else if (c === '"') this.push({ kind: 'dq', line: this.lineNo });
    else if (c === '`') this.push({ kind: 'bq', line: this.lineNo });
    else if (c === '$') return this.dollar(s, i, false);
    return i;
  }

  /** `$(`, `$((`, `${`, `$[`, `$'`, `$"` (the last two not inside double quotes). */
  private dollar(s: string, i: number, inDoubleQuotes: boolean): number {
    const next = s[i + 1];
    if (next === '(' && s[i + 2] === '(') {
      this.push({ kind: 'arith', close: '))', depth: 0, line: this.lineNo, from: i + 2 });
      return i + 2;
    }
    if (next === '(') {
      this.push(commandContext('$(', this.lineNo, ')'));
      return i + 1;
    }
    if (next === '{') {
      this.push({ kind: 'param', line: this.lineNo });
      return i + 1;
    }
    if (next === '[') {
      this.push({ kind: 'arith', close: ']', depth: 0, line: this.lineNo });
      return i + 1;
    }
    if (!inDoubleQuotes && next === "'") {
      this.push({ kind: 'ansi', line: this.lineNo });
      return i + 1;
    }
    if (!inDoubleQuotes && next === '"') {
      this.push({ kind: 'dq', line: this.lineNo });
      return i + 1;
    }
    return i;
  }

  /** One character in command context; returns the last index consumed. */
  private command(ctx: CommandContext, s: string, i: number): number {
    const c = s[i]!;
    if (c === '\\') {
      if (s[i + 1] === '\n') {
        this.continued = true;
        return i + 1;
      }
      this.wordChar(ctx, s[i + 1] ?? '', false);
      return i + 1;
    }
    if (!meta(c)) {
      if (c === '#' && ctx.word === undefined) return s.length - 2; // comment: up to the newline
      if (c === "'" || c === '"' || c === '`' || c === '$') {
        this.wordChar(ctx, '', false);
        return this.quoteOrExpansion(s, i);
      }
      if (c === '[' && ctx.plain && /^[A-Za-z_][A-Za-z0-9_]*$/.test(ctx.word ?? '') && (ctx.cmdPos || ctx.afterAssignment) && !ctx.array) {
        this.wordChar(ctx, c, true);
        this.push({ kind: 'subscript', depth: 0, line: this.lineNo });
        return i;
      }
      this.wordChar(ctx, c, true);
      return i;
    }
    // A metacharacter: it ends the word first. `a=(` starts an array instead.
    if (c === '(' && ctx.word !== undefined && ctx.plain && assignment.test(ctx.word) && ctx.word.endsWith('=')) {
      ctx.word = undefined;
      ctx.cmdPos = false;
      this.push(commandContext('(', this.lineNo, ')', true));
      return i;
    }
    if (ctx.word !== undefined) this.endWord(ctx);
    if (this.problem) return i;
    if (!blank(c) && c !== '<' && c !== '>' && c !== ')') ctx.afterCompound = undefined;
    const next = s[i + 1];
    const top = ctx.compound.at(-1);
    const casePhase = top?.kind === 'case' ? top.phase : undefined;
    if (ctx.cond) {
      // Inside `[[ … ]]`, `(`, `)`, `<`, `>`, `&&`, `||` belong to the condition.
      if (c === '\n') return i;
      if ((c === '<' || c === '>') && next === '(') {
        this.wordChar(ctx, '', false);
        this.push(commandContext(`${c}(`, this.lineNo, ')'));
        return i + 1;
      }
      if ('()<>|&'.includes(c)) return i;
    }
    switch (c) {
      case ' ':
      case '\t':
        return i;
      case '\n':
        if (this.pending.length > 0) {
          this.bodies.push(...this.pending);
          this.pending = [];
        }
        if (casePhase === 'subject' || casePhase === 'in' || casePhase === 'pattern' || ctx.array) return i;
        if (ctx.funcName || ctx.funcParens) return i;
        ctx.cmdPos = true;
        ctx.forWords = false;
        return i;
      case ';':
        if (next === ';' || next === '&') {
          if (top?.kind !== 'case' || top.phase !== 'body') {
            this.fail(`"${c}${next}" outside a case item`);
            return i;
          }
          top.phase = 'pattern';
          top.patternStart = true;
          ctx.cmdPos = false;
          return next === ';' && s[i + 2] === '&' ? i + 2 : i + 1;
        }
        ctx.cmdPos = true;
        ctx.forWords = false;
        return i;
      case '&':
        if (next === '&') {
          this.operator(ctx, '&&');
          return i + 1;
        }
        if (next === '>') {
          ctx.redirect = true;
          return s[i + 2] === '>' ? i + 2 : i + 1;
        }
        ctx.cmdPos = true;
        ctx.needCommand = undefined;
        return i;
      case '|':
        if (casePhase === 'pattern') return i;
        if (next === '|' || next === '&') {
          this.operator(ctx, `|${next}`);
          return i + 1;
        }
        this.operator(ctx, '|');
        return i;
      case '(':
        return this.openParen(ctx, s, i);
      case ')':
        if (top?.kind === 'case' && top.phase === 'pattern') {
          top.phase = 'body';
          ctx.cmdPos = true;
          return i;
        }
        if (top?.kind === 'paren') {
          ctx.compound.pop();
          ctx.cmdPos = false;
          ctx.afterCompound = ')';
          return i;
        }
        if (ctx.compound.length === 0 && ctx.close === ')') {
          if (ctx.needCommand) this.fail(`"${ctx.needCommand}" before ")" has no command after it`);
          this.stack.pop();
          return i;
        }
        this.fail(top ? `")" before "${openers[top.kind]}" (line ${top.line + 1}) is closed by "${closers[top.kind]}"` : 'a ")" that closes nothing');
        return i;
      case '<':
        if (next === '<' && s[i + 2] === '<') {
          ctx.redirect = true;
          return i + 2;
        }
        if (next === '<') return this.heredoc(ctx, s, i + 2);
        if (next === '(') {
          this.wordChar(ctx, '', false);
          this.push(commandContext('<(', this.lineNo, ')'));
          return i + 1;
        }
        ctx.redirect = true;
        return next === '&' || next === '>' ? i + 1 : i;
      case '>':
        if (next === '(') {
          this.wordChar(ctx, '', false);
          this.push(commandContext('>(', this.lineNo, ')'));
          return i + 1;
        }
        ctx.redirect = true;
        return next === '>' || next === '&' || next === '|' ? i + 1 : i;
    }
    return i;
  }

  private operator(ctx: CommandContext, op: string): void {
    ctx.cmdPos = true;
    ctx.needCommand = op;
  }

  private wordChar(ctx: CommandContext, c: string, plain: boolean): void {
    this.anyCommand = true;
    if (ctx.word === undefined) {
      ctx.word = '';
      ctx.plain = true;
    }
    ctx.word += c;
    if (!plain) ctx.plain = false;
  }

  private openParen(ctx: CommandContext, s: string, i: number): number {
    this.anyCommand = true;
    const top = ctx.compound.at(-1);
    if (top?.kind === 'case' && top.phase === 'pattern' && top.patternStart) {
      top.patternStart = false; // the optional `(` before a pattern
      return i;
    }
    if ((ctx.cmdPos || ctx.afterFor) && s[i + 1] === '(') {
      ctx.afterFor = false;
      ctx.needCommand = undefined;
      this.push({ kind: 'arith', close: '))', depth: 0, line: this.lineNo });
      return i + 1;
    }
    const closeAt = /^[ \t]*\)/.exec(s.slice(i + 1));
    if ((ctx.lastWasFirstWord || ctx.funcParens) && closeAt) {
      // `name()` or `function name ()`: a function definition; its body follows.
      ctx.lastWasFirstWord = false;
      ctx.funcParens = false;
      ctx.cmdPos = true;
      ctx.needCommand = '()';
      return i + closeAt[0].length;
    }
    if (ctx.cmdPos && !ctx.array) {
      ctx.needCommand = undefined;
      ctx.compound.push({ kind: 'paren', line: this.lineNo });
      return i;
    }
    if (ctx.array) {
      this.fail('a "(" inside an array');
      return i;
    }
    this.fail('a "(" where bash expects a word');
    return i;
  }

  /** `<<` or `<<-` and its delimiter word, read as bash does (quote removal; quoted means a literal body). */
  private heredoc(ctx: CommandContext, s: string, j: number): number {
    const stripTabs = s[j] === '-';
    if (stripTabs) j += 1;
    while (blank(s[j])) j += 1;
    let delimiter = '';
    let quoted = false;
    const start = j;
    for (; !meta(s[j]); j += 1) {
      const c = s[j]!;
      if (c === "'") {
        const end = s.indexOf("'", j + 1);
        if (end < 0 || s.slice(j, end).includes('\n')) return this.badDelimiter(j);
        delimiter += s.slice(j + 1, end);
        quoted = true;
        j = end;
      } else if (c === '"') {
        quoted = true;
        for (j += 1; s[j] !== '"'; j += 1) {
          if (s[j] === undefined || s[j] === '\n' || s[j] === '$' || s[j] === '`') return this.badDelimiter(j);
          if (s[j] === '\\' && '$`"\\'.includes(s[j + 1] ?? '')) j += 1;
          delimiter += s[j];
        }
      } else if (c === '\\') {
        if (s[j + 1] === '\n' || s[j + 1] === undefined) return this.badDelimiter(j);
        quoted = true;
        delimiter += s[j + 1];
        j += 1;
      } else if (c === '$' && '(\'"{['.includes(s[j + 1] ?? '')) {
        return this.badDelimiter(j);
      } else if (c === '`') {
        return this.badDelimiter(j);
      } else {
        delimiter += c;
      }
    }
    if (j === start) {
      this.fail('"<<" without a heredoc delimiter word after it');
      return j;
    }
    this.pending.push({ delimiter, stripTabs, quoted, line: this.lineNo });
    ctx.redirect = false;
    return j - 1;
  }

  private badDelimiter(j: number): number {
    this.fail('heredoc delimiter too unusual to check (use a plain word: <<EOF, <<\'EOF\' or <<\\EOF)');
    return j;
  }

  /** A word has ended: reserved words, `case` phases, `for` words, function names. */
  private endWord(ctx: CommandContext): void {
    const word = ctx.word!;
    const plain = ctx.plain;
    ctx.word = undefined;
    const assignmentPosition = ctx.cmdPos || ctx.afterAssignment;
    ctx.afterAssignment = false;
    ctx.lastWasFirstWord = false;
    ctx.afterFor = false;
    ctx.needCommand = undefined;
    if (ctx.array) return;
    if (ctx.redirect) {
      ctx.redirect = false;
      ctx.cmdPos = false;
      return;
    }
    if (ctx.cond) {
      if (plain && word === ']]') ctx.cond = false;
      return;
    }
    if (ctx.afterCompound) {
      this.fail(`"${word}" right after "${ctx.afterCompound}" (a ";" or a newline must come first)`);
      return;
    }
    if (ctx.funcName) {
      ctx.funcName = false;
      ctx.funcParens = true;
      ctx.cmdPos = true;
      return;
    }
    ctx.funcParens = false;
    const top = ctx.compound.at(-1);
    if (top?.kind === 'case' && top.phase !== 'body') {
      if (top.phase === 'subject') top.phase = 'in';
      else if (top.phase === 'in') {
        if (plain && word === 'in') {
          top.phase = 'pattern';
          top.patternStart = true;
        } else this.fail(`"case" needs "in" after its word, not "${word}"`);
      } else if (plain && word === 'esac' && top.patternStart) {
        ctx.compound.pop();
        ctx.cmdPos = false;
      } else top.patternStart = false;
      return;
    }
    if (ctx.forWords && !(ctx.cmdPos && plain && word === 'do')) return;
    if (assignmentPosition && plain && assignment.test(word)) ctx.afterAssignment = true;
    if (!ctx.cmdPos || !plain) {
      if (ctx.cmdPos) ctx.lastWasFirstWord = true; // bash takes `"a"()` or `\`f()` for a function too
      ctx.cmdPos = false;
      return;
    }
    const close = (kind: Compound['kind']): void => {
      if (top?.kind === kind && (!('body' in top) || top.body)) {
        ctx.compound.pop();
        ctx.afterCompound = word;
      }
      else if (top?.kind === kind) this.fail(`"${word}" before "${kind === 'if' ? 'then' : 'do'}"`);
      else if (top) this.fail(`"${word}" where "${closers[top.kind]}" is expected (for "${openers[top.kind]}" on line ${top.line + 1})`);
      else this.fail(`"${word}" closes nothing${word === '}' ? ': it would end the snip function early' : ''}`);
      ctx.cmdPos = false;
    };
    switch (word) {
      case '{':
        ctx.compound.push({ kind: 'brace', line: this.lineNo });
        return;
      case '}':
        return close('brace');
      case 'if':
        ctx.compound.push({ kind: 'if', line: this.lineNo, body: false });
        return;
      case 'while':
      case 'until':
        ctx.compound.push({ kind: 'loop', line: this.lineNo, body: false });
        return;
      case 'for':
      case 'select':
        ctx.compound.push({ kind: 'loop', line: this.lineNo, body: false });
        ctx.forWords = true;
        ctx.afterFor = true;
        ctx.cmdPos = false;
        return;
      case 'case':
        ctx.compound.push({ kind: 'case', line: this.lineNo, phase: 'subject', patternStart: false });
        ctx.cmdPos = false;
        return;
      case 'then':
      case 'elif':
      case 'else':
        if (top?.kind !== 'if') this.fail(`"${word}" outside an "if"`);
        else top.body = word !== 'elif';
        return;
      case 'do':
        ctx.forWords = false;
        if (top?.kind !== 'loop') this.fail('"do" outside a loop');
        else top.body = true;
        return;
      case '!':
      case 'time':
        return;
      case 'fi':
        return close('if');
      case 'done':
        return close('loop');
      case 'esac':
        return close('case');
      case 'function':
        ctx.funcName = true;
        ctx.cmdPos = false;
        return;
      case '[[':
        ctx.cond = true;
        ctx.cmdPos = false;
        return;
    }
    ctx.cmdPos = false;
    if (!assignment.test(word)) ctx.lastWasFirstWord = true;
  }
}

function describeOpen(ctx: Context): string {
  switch (ctx.kind) {
    case 'sq':
      return 'the quote \' opened here is never closed: bash would read the lines after the commands (the output) as part of them';
    case 'dq':
      return 'the quote " opened here is never closed: bash would read the lines after the commands (the output) as part of them';
    case 'ansi':
      return "the quote $' opened here is never closed";
    case 'bq':
      return 'the backtick ` opened here is never closed';
    case 'param':
      return 'the "${" opened here is never closed by "}"';
    case 'subscript':
      return 'the "[" of the subscript opened here is never closed by "]"';
    case 'arith':
      return `the arithmetic opened here is never closed by "${ctx.close}"`;
    case 'cmd':
      return `the "${ctx.opener}" opened here is never closed by ")"`;
  }
}

/** Undefined when the lines are a complete command list; else the first problem. */
export function checkCommandList(lines: readonly string[]): ShellProblem | undefined {
  const scanner = new ShellScanner();
  for (const line of lines) scanner.feed(line);
  return scanner.finish();
}
