/** The shared command convention (src/cli): parsing from the option table, the usage made from it, progress. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defineCommand, formatUsage, InputError, parseCommand, runCommand, UsageError } from '../../src/cli/command.ts';
import { isCI } from '../../src/cli/io.ts';
import { startProgress } from '../../src/cli/progress.ts';
import { projectRoot } from '../../src/config/paths.ts';
import { memoryIo } from '../helpers/io.ts';

const command = defineCommand('demo', {
  summary: 'Does a demo.',
  positionals: [{ name: '<site>', required: true }, { name: '<more>', variadic: true }],
  options: {
    fast: { type: 'boolean', help: 'go fast' },
    dist: { type: 'string', value: '<dir>', help: 'where to' },
    report: { type: 'string', value: '<dir>', default: 'out/x', help: 'reports\nsecond line' },
    lang: { type: 'string', multiple: true, value: '<code>', help: 'languages' },
    verbose: { type: 'boolean', short: 'v', help: 'say more' },
  },
  passthrough: 'options for the tool',
  notes: ['Exit codes: 0 ok.'],
});

const parse = (...argv: string[]) => parseCommand(command, argv);
const usageError = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
};

describe('parseCommand', () => {
  test('values from the table: defaults, booleans false, repeatable options, positionals and the args after --', () => {
    expect(parse('site', 'a', '--fast', '--lang', 'en', '--lang=zh', '-v', '--', '--tool-flag')).toEqual({
      values: { fast: true, dist: undefined, report: 'out/x', lang: ['en', 'zh'], verbose: true },
      positionals: ['site', 'a'],
      passthrough: ['--tool-flag'],
    });
    expect((parse('site') as Exclude<ReturnType<typeof parse>, 'help'>).values).toEqual({ fast: false, dist: undefined, report: 'out/x', lang: [], verbose: false });
  });

  test('--help and -h win over everything else, but not after --', () => {
    expect(parse('--help')).toBe('help');
    expect(parse('--no-such-flag', '-h')).toBe('help');
    expect(parse('site', '--', '--help')).not.toBe('help');
  });

  test('bad invocations name the flag or argument as typed', () => {
    expect(usageError('site', '--no-such-flag')).toBe('unknown option --no-such-flag');
    expect(usageError('site', '--no-such-flag=1')).toBe('unknown option --no-such-flag');
    expect(usageError('site', '-x')).toBe('unknown option -x');
    expect(usageError('site', '--dist')).toBe('option --dist needs a value (--dist <dir>)');
    expect(usageError('site', '--dist', '--fast')).toBe("option --dist needs a value (--dist <dir>); for one starting with '-', write --dist=--fast");
    expect(usageError('site', '--fast=yes')).toBe('option --fast takes no value');
    expect(usageError()).toBe('missing <site>');
    const noPositionals = defineCommand('x', { invocation: 'x', summary: 's', options: {} });
    expect(() => parseCommand(noPositionals, ['stray'])).toThrow("unexpected argument 'stray'");
    expect(() => parseCommand(noPositionals, ['--', 'stray'])).toThrow("unexpected argument 'stray'");
  });
});

describe('usage', () => {
  test('is made from the table: every option with its value, default and help, then the notes', () => {
    expect(formatUsage(command).split('\n')).toEqual([
      'Usage: npm run demo -- [options] <site> [<more>…] [-- …]',
      '',
      'Does a demo.',
      '',
      'Options:',
      '  --fast          go fast',
      '  --dist <dir>    where to',
      '  --report <dir>  reports',
      '                  second line (default: out/x)',
      '  --lang <code>   languages',
      '  -v, --verbose   say more',
      '  -h, --help      print this help and exit',
      '  -- …            options for the tool',
      '',
      'Exit codes: 0 ok.',
    ]);
  });

  test('every declared option appears in the usage, so the two cannot drift', () => {
    const usage = formatUsage(command);
    for (const name of Object.keys(command.options)) expect(usage).toContain(`--${name}`);
  });
});

describe('runCommand', () => {
  const run = (argv: string[], body: () => number = () => 0) => {
    const io = memoryIo({ cwd: '/nowhere' });
    return runCommand(command, argv, io, body).then((code) => ({ code, out: io.out(), err: io.err() }));
  };
  const never = () => {
    throw new Error('the command ran');
  };

  test('--help: the usage on stdout, exit 0, the command does not run', async () => {
    expect(await run(['--help'], never)).toEqual({ code: 0, out: `${formatUsage(command)}\n`, err: '' });
  });

  test('an unknown flag: error and a short usage hint on stderr, exit 2, the command does not run', async () => {
    expect(await run(['site', '--no-such-flag'], never)).toEqual({
      code: 2,
      out: '',
      err: "error: unknown option --no-such-flag\nUsage: npm run demo -- [options] <site> [<more>…] [-- …]\nRun 'npm run demo -- --help' for the options.\n",
    });
  });

  test('a UsageError from the command gets the hint; an InputError its name; both exit 2', async () => {
    const usage = await run(['site'], () => {
      throw new UsageError('--dist must be a directory');
    });
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^error: --dist must be a directory\nUsage: npm run demo/);
    const input = await run(['site'], () => {
      throw new InputError('no content tree');
    });
    expect(input).toEqual({ code: 2, out: '', err: 'demo: no content tree\n' });
  });

  test("the command's own exit code otherwise", async () => {
    expect((await run(['site'], () => 1)).code).toBe(1);
  });
});

test('CI is any value but empty, 0 or false', () => {
  for (const CI of ['true', '1', 'yes', 'TRUE']) expect(isCI({ CI }), CI).toBe(true);
  for (const CI of [undefined, '', '0', 'false', 'False']) expect(isCI({ CI }), String(CI)).toBe(false);
});

describe('progress', () => {
  afterEach(() => vi.useRealTimers());
  const run = (io: ReturnType<typeof memoryIo>, finishAfterMs: number) => {
    vi.useFakeTimers();
    const p = startProgress(io, 'lint');
    p.status('running markdown, links');
    vi.advanceTimersByTime(finishAfterMs / 2);
    p.status('running links');
    vi.advanceTimersByTime(finishAfterMs / 2);
    p.done();
    return io.err();
  };

  test('a step that ends before 2 s prints nothing, on a terminal or in CI', () => {
    expect(run(memoryIo({ cwd: '/', isTTY: true }), 1500)).toBe('');
    expect(run(memoryIo({ cwd: '/', env: { CI: '1' } }), 1500)).toBe('');
  });

  test('in CI: plain lines once the step is slow, one per change, and how long it took', () => {
    expect(run(memoryIo({ cwd: '/', env: { CI: 'true' } }), 6000).split('\n')).toEqual([
      'lint: running markdown, links (2s so far)',
      'lint: running links (3s)',
      'lint: done in 6s',
      '',
    ]);
  });

  test('on a terminal: one live line, redrawn, erased at the end', () => {
    const text = run(memoryIo({ cwd: '/', isTTY: true }), 6000);
    expect(text).not.toContain('\n');
    expect(text).toContain('\r\x1b[2Klint: running markdown, links 2s');
    expect(text).toContain('\r\x1b[2Klint: running links 3s');
    expect(text).toContain('\r\x1b[2Klint: running links 5s');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  test('neither a terminal nor CI (a pipe, a test): nothing', () => {
    expect(run(memoryIo({ cwd: '/' }), 6000)).toBe('');
  });
});

describe('layout', () => {
  const files = (dir: string): string[] =>
    (readdirSync(join(projectRoot, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  const isCli = (file: string) => file.startsWith('src/cli/') || /(^|[/-])cli\.ts$/.test(file);

  test('the library (src/ outside the cli modules) never prints or exits', () => {
    const offenders = files('src')
      .filter((f) => !isCli(f))
      .filter((f) => /\bconsole\.|process\.exit|process\.(stdout|stderr)\b/.test(readFileSync(join(projectRoot, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  test("every package.json command runs a few-line shim that hands the process to a main(argv, io)", () => {
    const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const shims = new Set(Object.values(scripts).flatMap((s) => /^node --import \.\/scripts\/compile-cache\.mjs (scripts\/[\w-]+\.ts)/.exec(s)?.[1] ?? []));
    expect([...shims].sort()).toEqual(['scripts/bench.ts', 'scripts/compat.ts', 'scripts/doctest.ts', 'scripts/import-hugo.ts', 'scripts/lint.ts', 'scripts/site.ts', 'scripts/snips.ts', 'scripts/test.ts']);
    for (const shim of shims) {
      const code = readFileSync(join(projectRoot, shim), 'utf8').split('\n').filter((l) => l.trim() && !/^\s*(\/\*\*|\*)/.test(l));
      expect(code.length, shim).toBeLessThanOrEqual(4);
      expect(code.join('\n'), shim).toMatch(/^await runMain\(main\b/m);
    }
  });
});
