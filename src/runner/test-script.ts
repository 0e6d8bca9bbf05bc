import { readFileSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { parseDuration } from './duration.ts';

/** A call of a snip function, or a reference to a snip variable, in a test script. */
export interface SnipRef {
  name: string;
  /** 1-based line in the test script. */
  line: number;
  column: number;
  /** `call`: `snip_x` as a command word or verify argument; `variable`: `$snip_x_out`. */
  kind: 'call' | 'variable';
  part: 'test' | 'cleanup';
}

/** A `source` line of the test part. */
export interface SourceLine {
  path: string;
  line: number;
  /** `source "x.sh"` at the start of a line: the only form istio.io copies into the cleanup. */
  quoted: boolean;
}

export interface TestScript {
  file: string;
  text: string;
  /** The `# @setup` string, e.g. `profile=none`; undefined when the script is malformed. */
  setup: string | undefined;
  setupLine: number;
  /** Line of `# @cleanup`; 0 when missing. */
  cleanupLine: number;
  /** From `# @timeout 90s` in the header, in ms. */
  timeoutMs: number | undefined;
  timeoutLine: number;
  /** Text before `# @cleanup` and after it (both without the marker line). */
  testPart: string;
  cleanupPart: string;
  snips: SnipRef[];
  sources: SourceLine[];
  /** Contract violations (errors) naming file and line. */
  diagnostics: Diagnostic[];
}

const setupLine = /^# @setup (.*)$/;
const timeoutLine = /^# @timeout\s+(\S+)\s*$/;
const quotedSource = /^source "(.*\.sh)"$/;
const anySource = /^\s*(?:source|\.)\s+["']?([^"'\s;]+)["']?/;
// A snip name not preceded by a word character; `$snip_x` / `${snip_x}` are variables.
const snipName = /(\$\{?)?(?<![\w])((?:bp)?snip_\w+)/g;

/** Reads and checks a `*test.sh` file (see docs/doctest.md for the contract). */
export function parseTestScript(file: string, text = readFileSync(file, 'utf8'), display = file): TestScript {
  const lines = text.split('\n');
  const diagnostics: Diagnostic[] = [];
  const cleanupLines: number[] = [];
  lines.forEach((l, i) => {
    if (l.includes('# @cleanup')) cleanupLines.push(i + 1);
  });
  if (cleanupLines.length !== 1) {
    const where = cleanupLines.length === 0 ? 0 : cleanupLines[1]!;
    diagnostics.push(
      diagnostic(display, where, 'doctest-cleanup', `expected exactly one '# @cleanup' line, found ${cleanupLines.length}`),
    );
  } else if (!/^# @cleanup\s*$/.test(lines[cleanupLines[0]! - 1]!)) {
    diagnostics.push(diagnostic(display, cleanupLines[0]!, 'doctest-cleanup', `'# @cleanup' must be alone on its line`));
  }
  const cleanupLine = cleanupLines[0] ?? 0;
  const testEnd = cleanupLine > 0 ? cleanupLine - 1 : lines.length;

  let setup: string | undefined;
  let setupAt = 0;
  let timeoutMs: number | undefined;
  let timeoutAt = 0;
  const setups: number[] = [];
  lines.forEach((l, i) => {
    const m = setupLine.exec(l.replace(/\r$/, ''));
    if (!m) return;
    setups.push(i + 1);
    if (i >= testEnd) {
      diagnostics.push(diagnostic(display, i + 1, 'doctest-setup', `'# @setup' must come before '# @cleanup'`));
    } else if (setup === undefined) {
      setup = m[1]!.trim();
      setupAt = i + 1;
    }
  });
  if (setups.length !== 1) {
    diagnostics.push(
      diagnostic(
        display,
        setups[1] ?? 0,
        'doctest-setup',
        `expected exactly one '# @setup <config>' line, found ${setups.length}`,
      ),
    );
    setup = undefined;
  } else if (setup === '') {
    diagnostics.push(diagnostic(display, setupAt, 'doctest-setup', `'# @setup' needs a setup name, e.g. 'profile=none'`));
    setup = undefined;
  }
  lines.slice(0, testEnd).forEach((l, i) => {
    if (!l.startsWith('# @timeout')) return;
    const m = timeoutLine.exec(l);
    const ms = m ? parseDuration(m[1]!) : undefined;
    if (ms === undefined || ms <= 0) {
      diagnostics.push(diagnostic(display, i + 1, 'doctest-timeout', `bad '# @timeout': expected e.g. '# @timeout 90s'`));
    } else if (timeoutMs !== undefined) {
      diagnostics.push(diagnostic(display, i + 1, 'doctest-timeout', `more than one '# @timeout' line`));
    } else {
      timeoutMs = ms;
      timeoutAt = i + 1;
    }
  });

  const snips: SnipRef[] = [];
  const sources: SourceLine[] = [];
  lines.forEach((raw, i) => {
    if (i + 1 === cleanupLine) return;
    const part = cleanupLine > 0 && i + 1 > cleanupLine ? 'cleanup' : 'test';
    const code = stripComment(raw);
    for (const m of code.matchAll(snipName)) {
      snips.push({
        name: m[2]!,
        line: i + 1,
        column: m.index! + (m[1]?.length ?? 0) + 1,
        kind: m[1] ? 'variable' : 'call',
        part,
      });
    }
    if (part === 'test') {
      const q = quotedSource.exec(raw);
      const s = q ?? anySource.exec(code);
      if (s) sources.push({ path: s[1]!, line: i + 1, quoted: q !== null });
    }
  });

  return {
    file,
    text,
    setup,
    setupLine: setupAt,
    cleanupLine,
    timeoutMs,
    timeoutLine: timeoutAt,
    testPart: lines.slice(0, testEnd).join('\n'),
    cleanupPart: cleanupLine > 0 ? lines.slice(cleanupLine).join('\n') : '',
    snips,
    sources,
    diagnostics,
  };
}

/** The line without a trailing `# comment` (a `#` starting a word, outside quotes). */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}
