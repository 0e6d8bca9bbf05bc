/**
 * The one command-line convention of every `npm run …` command: one declared table of options per
 * command, parsed strictly and turned into the usage text, so the two cannot drift apart.
 *
 * - `--help` (or `-h`): the usage on stdout, exit 0, nothing else done;
 * - an unknown option, a missing value, a wrong number of arguments: `error: …` and a short usage
 *   hint on stderr, exit 2, nothing else done;
 * - otherwise the command runs: exit 0 done, 1 findings, 2 bad input (see `exitCode`).
 *
 * Node's `util.parseArgs` only splits the arguments into tokens here; the checks are ours, so the
 * messages name the flag the way a user typed it.
 */
import { parseArgs } from 'node:util';
import { err, out, type Io } from './io.ts';

export const exitCode = { ok: 0, findings: 1, badInput: 2, interrupted: 130 } as const;

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** A string option given several times collects every value. */
  multiple?: boolean;
  /** A string option's value when not given; the usage shows it. */
  default?: string;
  /** The value's placeholder in the usage: `--dist <dir>`. */
  value?: string;
  /** One or more lines (`\n`) of usage text. */
  help: string;
}

export interface PositionalSpec {
  /** As the usage shows it: `<hugo-site-root>`. */
  name: string;
  required?: boolean;
  /** Takes every remaining argument (last one only). */
  variadic?: boolean;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** Prefix of its messages: `lint: no content tree at …`. */
  name: string;
  /** How a user starts it, up to the options: `npm run lint --`. */
  invocation: string;
  summary: string;
  options: O;
  positionals?: readonly PositionalSpec[];
  /** What the arguments after a `--` are for (`options for astro build`); without it they are positionals. */
  passthrough?: string;
  /** Paragraphs after the options: environment, exit codes. */
  notes?: readonly string[];
}

type Value<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['multiple'] extends true
    ? string[]
    : S extends { default: string }
      ? string
      : string | undefined;

export type Values<O extends Record<string, OptionSpec>> = { -readonly [K in keyof O]: Value<O[K]> };

export interface Parsed<O extends Record<string, OptionSpec>> {
  values: Values<O>;
  positionals: string[];
  /** The arguments after `--`, for commands with `passthrough`. */
  passthrough: string[];
}

/** Bad invocation: exit 2 with the message and a usage hint. Thrown by the parser or by a command. */
export class UsageError extends Error {}

/** Bad input or setup (no content tree, nothing to do): exit 2 with `<name>: message`, no usage. */
export class InputError extends Error {}

/**
 * Declares a command; `const` keeps the option names and types for `Values`. It is started as
 * `npm run <name> --` unless it says otherwise (`npm test --`).
 */
export function defineCommand<const O extends Record<string, OptionSpec>>(
  name: string,
  spec: Omit<CommandSpec<O>, 'name' | 'invocation'> & { invocation?: string },
): CommandSpec<O> {
  return { ...spec, name, invocation: spec.invocation ?? `npm run ${name} --` };
}

const helpOption: OptionSpec = { type: 'boolean', short: 'h', help: 'print this help and exit' };

function allOptions(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, help: helpOption };
}

/** The arguments as the table declares them, or `'help'` when `--help` is among the options. */
export function parseCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: readonly string[]): Parsed<O> | 'help' {
  const options = allOptions(spec);
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const optionTokens = tokens.filter((t) => t.kind === 'option');
  // `--help` wins over every other problem: asking for the usage always gets it.
  if (optionTokens.some((t) => t.name === 'help' && t.value === undefined)) return 'help';

  const values: Record<string, string | boolean | string[] | undefined> = {};
  for (const [name, o] of Object.entries(spec.options)) values[name] = o.type === 'boolean' ? false : o.multiple ? [] : o.default;
  for (const t of optionTokens) {
    const o = options[t.name];
    if (!o) throw new UsageError(`unknown option ${t.rawName}`);
    if (o.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`option ${t.rawName} takes no value`);
      values[t.name] = true;
      continue;
    }
    if (t.value === undefined) throw new UsageError(`option ${t.rawName} needs a value (${display(t.name, o)})`);
    // `--dist --fast` is a forgotten value far more often than a value starting with a dash.
    if (!t.inlineValue && t.value.startsWith('-')) {
      throw new UsageError(`option ${t.rawName} needs a value (${display(t.name, o)}); for one starting with '-', write ${t.rawName}=${t.value}`);
    }
    const current = values[t.name];
    values[t.name] = o.multiple ? [...(current as string[]), t.value] : t.value;
  }

  const end = tokens.find((t) => t.kind === 'option-terminator')?.index ?? Infinity;
  const words = tokens.filter((t) => t.kind === 'positional');
  const before = words.filter((t) => t.index < end).map((t) => t.value);
  const after = words.filter((t) => t.index > end).map((t) => t.value);
  const positionals = spec.passthrough ? before : [...before, ...after];
  checkPositionals(spec.positionals ?? [], positionals);
  return { values: values as Values<O>, positionals, passthrough: spec.passthrough ? after : [] };
}

function checkPositionals(declared: readonly PositionalSpec[], given: string[]): void {
  const missing = declared.filter((p) => p.required).slice(given.length);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((p) => p.name).join(' ')}`);
  const max = declared.at(-1)?.variadic ? Infinity : declared.length;
  if (given.length > max) throw new UsageError(`unexpected argument '${given[max]}'`);
}

function display(name: string, o: OptionSpec): string {
  return `--${name}${o.type === 'string' ? ` ${o.value ?? '<value>'}` : ''}`;
}

/** The first usage line: `npm run compat -- [options] <hugo-site-root>`. */
export function synopsis(spec: CommandSpec): string {
  const words = (spec.positionals ?? []).map((p) => {
    const name = p.variadic ? `${p.name}…` : p.name;
    return p.required ? name : `[${name}]`;
  });
  const rest = spec.passthrough ? ['[-- …]'] : [];
  return [`Usage: ${spec.invocation}`, '[options]', ...words, ...rest].join(' ');
}

/** The whole `--help` text, from the same table the parser reads. */
export function formatUsage(spec: CommandSpec): string {
  const rows = Object.entries(allOptions(spec)).map(([name, o]) => {
    const left = `${o.short ? `-${o.short}, ` : ''}${display(name, o)}`;
    const help = o.default !== undefined ? `${o.help} (default: ${o.default})` : o.help;
    return { left, help };
  });
  if (spec.passthrough) rows.push({ left: '-- …', help: spec.passthrough });
  const width = Math.min(24, Math.max(...rows.map((r) => r.left.length)) + 2);
  const table = rows.flatMap(({ left, help }) => {
    const [first = '', ...more] = help.split('\n');
    const head = left.length + 2 > width ? [`  ${left}`, `  ${' '.repeat(width)}${first}`] : [`  ${left.padEnd(width)}${first}`];
    return [...head, ...more.map((l) => `  ${' '.repeat(width)}${l}`)];
  });
  return [synopsis(spec), '', spec.summary, '', 'Options:', ...table, ...(spec.notes ?? []).flatMap((n) => ['', n])].join('\n');
}

/** What a bad invocation prints on stderr. */
export function usageHint(spec: CommandSpec, message: string): string {
  return [`error: ${message}`, synopsis(spec), `Run '${spec.invocation} --help' for the options.`].join('\n');
}

/**
 * Parses `argv` against the table and runs `body` with the values. Handles the convention: help,
 * bad invocations (also a `UsageError` thrown by `body`), bad input (`InputError`), their exit codes.
 */
export async function runCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: readonly string[],
  io: Io,
  body: (args: Parsed<O>) => number | Promise<number>,
): Promise<number> {
  try {
    const parsed = parseCommand(spec, argv);
    if (parsed === 'help') {
      out(io)(formatUsage(spec));
      return exitCode.ok;
    }
    return await body(parsed);
  } catch (error) {
    if (error instanceof UsageError) err(io)(usageHint(spec, error.message));
    else if (error instanceof InputError) err(io)(`${spec.name}: ${error.message}`);
    else throw error;
    return exitCode.badInput;
  }
}
