import { existsSync, openSync, readFileSync, readSync, closeSync, fstatSync } from 'node:fs';
import type { AssembledScript } from './assemble.ts';
import type { SourceLocation, Step } from './types.ts';

interface BeginRecord {
  event: 'begin';
  kind: 'snip' | 'verify';
  t: number;
  name: string;
  func: string;
  source: string;
  line: number;
  offset: number;
}
interface EndRecord {
  event: 'end';
  kind: 'snip' | 'verify';
  t: number;
  exit: number;
  attempts: number;
  output?: string;
  expected?: string;
  offset: number;
}

export interface StepContext {
  part: 'test' | 'cleanup';
  /** The assembled script the steps ran in (to map its lines back to the test script). */
  scriptFile: string;
  script: AssembledScript;
  outputFile: string;
  /** Where a snip (`snip_x` or `snip_x_out`) is defined on the page. */
  locate: (name: string) => SourceLocation | undefined;
  /** Snip names referenced on a test-script line (to locate verifies of non-snip commands). */
  snipsOnLine: (line: number) => string[];
}

const maxOutput = 64 * 1024;

/**
 * Turns the step file written by tests/util/runner.sh into steps. A `begin` without an `end` is
 * the step that was running when the script stopped: it failed (errexit, a verify's exit) or was
 * killed.
 */
export function readSteps(stepsFile: string, ctx: StepContext, endTime: number): Step[] {
  if (!existsSync(stepsFile)) return [];
  const records = readFileSync(stepsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as BeginRecord | EndRecord];
      } catch {
        return []; // a line cut by a kill
      }
    });
  const steps: Step[] = [];
  let open: BeginRecord | undefined;
  const finish = (b: BeginRecord, e: EndRecord | undefined) => {
    const scriptLine = b.source === ctx.scriptFile ? ctx.script.origin[b.line - 1] : undefined;
    const calledFrom = b.source && b.source !== ctx.scriptFile ? { file: b.source, line: b.line } : undefined;
    const func = b.func.split(/\s+/)[0] ?? b.func;
    const candidates = [func, ...(scriptLine !== undefined ? ctx.snipsOnLine(scriptLine) : [])];
    const pageLine = candidates.map((n) => ctx.locate(n)).find((l) => l !== undefined);
    const output = e?.output ?? readSlice(ctx.outputFile, b.offset, e?.offset);
    steps.push({
      kind: b.kind,
      name: b.name,
      func: b.func,
      part: ctx.part,
      status: e === undefined ? 'unfinished' : e.exit === 0 ? 'passed' : 'failed',
      exitCode: e?.exit,
      attempts: e?.attempts ?? 1,
      durationMs: Math.max(0, ((e?.t ?? endTime * 1000) - b.t) / 1000),
      output,
      expected: e?.expected,
      scriptLine,
      ...(calledFrom ? { calledFrom } : {}),
      pageLine,
    });
  };
  for (const r of records) {
    if (r.event === 'begin') {
      if (open) finish(open, undefined);
      open = r;
    } else if (open) {
      finish(open, r);
      open = undefined;
    }
  }
  if (open) finish(open, undefined);
  return steps;
}

/** Bytes [from, to) of the output file (to the end when `to` is undefined), at most 64 KiB from the end. */
function readSlice(file: string, from: number, to: number | undefined): string {
  if (!existsSync(file)) return '';
  const fd = openSync(file, 'r');
  try {
    const end = to ?? fstatSync(fd).size;
    const start = Math.max(from, end - maxOutput);
    if (end <= start) return '';
    const buf = Buffer.alloc(end - start);
    readSync(fd, buf, 0, buf.length, start);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
