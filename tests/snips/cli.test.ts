/** `npm run snips` as a user runs it: real process, exit codes, what it prints and writes. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/config/paths.ts';
import { run as runProcess } from '../../src/process/index.ts';

const fixtures = join(projectRoot, 'tests/fixtures/snips');
const scratch = mkdtempSync(join(tmpdir(), 'snips-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A scratch copy of a fixture scenario; `clean` removes its generated files first. */
function copyOf(scenario: string, clean = false): string {
  const root = join(scratch, `${scenario}-${Math.random().toString(36).slice(2)}`);
  cpSync(join(fixtures, scenario), root, { recursive: true });
  if (clean) {
    for (const file of ['content/en/docs/errors/snips.sh', 'content/en/boilerplates/snips/known.sh', 'content/en/docs/blocks/snips.sh']) {
      rmSync(join(root, file), { force: true });
    }
  }
  return root;
}

function snips(root: string, ...args: string[]) {
  return runProcess(process.execPath, [join(projectRoot, 'scripts/snips.ts'), ...args], {
    cwd: root,
    env: { MESHDOCS_CONTENT: join(root, 'content'), NO_COLOR: '1' },
  });
}

describe('npm run snips', () => {
  test('writes the files, then --check finds them up to date', async () => {
    const root = copyOf('blocks', true);
    const check = await snips(root, '--check');
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toContain('missing  content/en/docs/blocks/snips.sh  (from content/en/docs/blocks/index.md)');

    const run = await snips(root);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^wrote {4}content\/en\/docs\/blocks\/snips\.sh\nsnips: 1 tested page\(s\), 0 boilerplate\(s\): 1 written, 0 removed, 0 unchanged \(\d+ ms\)$/);
    expect(readFileSync(join(root, 'content/en/docs/blocks/snips.sh'), 'utf8')).toBe(
      readFileSync(join(fixtures, 'blocks/content/en/docs/blocks/snips.sh'), 'utf8'),
    );

    const again = await snips(root, '--check');
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe('snips: 1 file(s) up to date');
  });

  test('content errors: exit 2, each printed as file:line; the bad pages are not written, the good ones are', async () => {
    const root = copyOf('errors', true);
    const frontmatterSnips = readFileSync(join(root, 'content/en/docs/broken-frontmatter/snips.sh'), 'utf8');
    const run = await snips(root);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('content/en/docs/errors/index.md:44  snip-command-after-output');
    expect(run.stderr).toContain('content/en/docs/errors/index.md:36  snip-exec-it');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'snips: 11 error(s) in 2 file(s), whose snips were not written: content/en/docs/broken-frontmatter/index.md, content/en/docs/errors/index.md',
    );
    expect(existsSync(join(root, 'content/en/docs/errors/snips.sh'))).toBe(false);
    // A page whose front matter cannot be read keeps the file it has.
    expect(readFileSync(join(root, 'content/en/docs/broken-frontmatter/snips.sh'), 'utf8')).toBe(frontmatterSnips);
    // The boilerplate has no error: it is written as the fixture has it.
    expect(run.stdout.split('\n')[0]).toBe('wrote    content/en/boilerplates/snips/known.sh');
    expect(readFileSync(join(root, 'content/en/boilerplates/snips/known.sh'), 'utf8')).toBe(
      readFileSync(join(fixtures, 'errors/content/en/boilerplates/snips/known.sh'), 'utf8'),
    );

    const check = await snips(root, '--check');
    expect(check.exitCode).toBe(2);
  });

  test('one bad page among good ones: the good ones are written and checked, the bad one reported, exit 2', async () => {
    const root = copyOf('blocks', true);
    const bad = join(root, 'content/en/docs/bad/index.md');
    mkdirSync(dirname(bad), { recursive: true });
    writeFileSync(bad, '---\ntitle: Bad\nowner: o\ntest: yes\n---\n\n```bash\n$ kubectl exec -it pod -- sh\n```\n');
    writeFileSync(join(dirname(bad), 'snips.sh'), 'left as it was\n');

    const run = await snips(root);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('content/en/docs/bad/index.md:8  snip-exec-it');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('snips: 1 error(s) in 1 file(s), whose snips were not written: content/en/docs/bad/index.md');
    expect(run.stdout).toContain('wrote    content/en/docs/blocks/snips.sh\n');
    expect(readFileSync(join(root, 'content/en/docs/blocks/snips.sh'), 'utf8')).toBe(
      readFileSync(join(fixtures, 'blocks/content/en/docs/blocks/snips.sh'), 'utf8'),
    );
    expect(readFileSync(join(dirname(bad), 'snips.sh'), 'utf8')).toBe('left as it was\n');

    // --check compares every good page (here one is out of date) and reports the bad one: exit 2.
    writeFileSync(join(root, 'content/en/docs/blocks/snips.sh'), 'edited\n');
    const check = await snips(root, '--check');
    expect(check.exitCode).toBe(2);
    expect(check.stdout).toContain('outdated content/en/docs/blocks/snips.sh  (from content/en/docs/blocks/index.md)');
    expect(check.stdout).not.toContain('docs/bad/');
    expect(check.stderr).toContain('content/en/docs/bad/index.md:8  snip-exec-it');
    expect(check.stderr.trimEnd().split('\n').at(-1)).toBe('snips: 1 error(s) in 1 file(s), whose snips were not checked: content/en/docs/bad/index.md');
  });

  test('--check lists stale files and exits 1 without removing them', async () => {
    const root = copyOf('boilerplates');
    const check = await snips(root, '--check');
    expect(check.exitCode).toBe(1);
    expect(check.stdout.split('\n')).toEqual([
      'stale    content/en/boilerplates/snips/old-removed.sh',
      'stale    content/en/docs/no-snips/snips.sh',
      'stale    content/en/docs/untested/snips.sh',
      'snips: 3 file(s) out of date; run npm run snips',
    ]);
    expect(existsSync(join(root, 'content/en/docs/untested/snips.sh'))).toBe(true);
  });

  test('--stdout prints one page, whatever its test: value', async () => {
    const root = copyOf('boilerplates');
    const tested = await snips(root, '--stdout', 'content/en/docs/uses/index.md');
    expect(tested.exitCode).toBe(0);
    expect(`${tested.stdout}\n`).toBe(readFileSync(join(root, 'content/en/docs/uses/snips.sh'), 'utf8'));

    const untested = await snips(root, '--stdout', 'content/en/docs/untested/index.md');
    expect(untested.exitCode).toBe(0);
    expect(untested.stdout).toContain('snip_step_1() {\necho old\n}');

    const boilerplate = await snips(root, '--stdout', 'content/en/boilerplates/z-inner.md');
    expect(boilerplate.stdout).toContain('bpsnip_z_inner_install() {');
  });

  test('bad invocations exit 2; a tree without tested pages is not green', async () => {
    const root = copyOf('naming');
    expect((await snips(root, '--frobnicate')).exitCode).toBe(2);
    expect((await snips(root, '--stdout', 'no/such/page.md')).exitCode).toBe(2);

    rmSync(join(root, 'content/en/docs'), { recursive: true });
    const empty = await snips(root);
    expect(empty.exitCode).toBe(1);
    expect(empty.stderr).toContain('has "test: yes"');
  });
});
