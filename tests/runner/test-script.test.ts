import { describe, expect, test } from 'vitest';
import { assembleScripts } from '../../src/runner/assemble.ts';
import { parseTestScript } from '../../src/runner/test-script.ts';

const good = `#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154
# @timeout 90s

set -e
source "tests/util/samples.sh"
source tests/util/addons.sh
source "content/en/docs/a/b/gtwapi_test.sh"

# @setup profile=default

snip_one_1 # snip_in_comment_1
_verify_same snip_two_1 "$snip_two_1_out"
echo "\${snip_three_1_out}" | grep -q x; bpsnip_boiler__1

# @cleanup
snip_cleanup_1
`;

describe('parseTestScript', () => {
  test('reads setup, timeout, cleanup line and the snips with their lines', () => {
    const s = parseTestScript('/docs/content/en/docs/a/b/test.sh', good, 'a/b/test.sh');
    expect(s.diagnostics).toEqual([]);
    expect(s.setup).toBe('profile=default');
    expect(s.setupLine).toBe(10);
    expect(s.timeoutMs).toBe(90_000);
    expect(s.cleanupLine).toBe(16);
    expect(s.snips.map((r) => `${r.line}:${r.kind}:${r.part}:${r.name}`)).toEqual([
      '12:call:test:snip_one_1',
      '13:call:test:snip_two_1',
      '13:variable:test:snip_two_1_out',
      '14:variable:test:snip_three_1_out',
      '14:call:test:bpsnip_boiler__1',
      '17:call:cleanup:snip_cleanup_1',
    ]);
    expect(s.sources).toEqual([
      { path: 'tests/util/samples.sh', line: 6, quoted: true },
      { path: 'tests/util/addons.sh', line: 7, quoted: false },
      { path: 'content/en/docs/a/b/gtwapi_test.sh', line: 8, quoted: true },
    ]);
  });

  test.each([
    { title: 'no cleanup', text: '# @setup profile=none\necho\n', line: 0, rule: 'doctest-cleanup', msg: "found 0" },
    { title: 'two cleanups', text: '# @setup profile=none\n# @cleanup\nx\n# @cleanup\n', line: 4, rule: 'doctest-cleanup', msg: 'found 2' },
    { title: 'cleanup with trailing text', text: '# @setup profile=none\n# @cleanup now\n', line: 2, rule: 'doctest-cleanup', msg: 'alone' },
    { title: 'no setup', text: 'echo\n# @cleanup\n', line: 0, rule: 'doctest-setup', msg: 'found 0' },
    { title: 'two setups', text: '# @setup profile=none\n# @setup profile=demo\n# @cleanup\n', line: 2, rule: 'doctest-setup', msg: 'found 2' },
    { title: 'setup after cleanup', text: '# @cleanup\n# @setup profile=none\n', line: 2, rule: 'doctest-setup', msg: 'before' },
    { title: 'empty setup', text: '# @setup \n# @cleanup\n', line: 1, rule: 'doctest-setup', msg: 'needs a setup name' },
    { title: 'bad timeout', text: '# @timeout soon\n# @setup profile=none\n# @cleanup\n', line: 1, rule: 'doctest-timeout', msg: 'bad' },
  ])('$title is an error naming file and line', ({ text, line, rule, msg }) => {
    const s = parseTestScript('/x/test.sh', text, 'x/test.sh');
    expect(s.diagnostics.length).toBeGreaterThan(0);
    const d = s.diagnostics.find((x) => x.ruleId === rule)!;
    expect(d).toMatchObject({ file: 'x/test.sh', line, ruleId: rule, severity: 'error' });
    expect(d.message).toContain(msg);
  });
});

describe('assembleScripts', () => {
  const script = parseTestScript('/docs/content/en/docs/a/b/test.sh', good);
  const a = assembleScripts(script, { root: '/docs', libDir: '/lib' });

  test('injects the prefix before the first line not starting with #', () => {
    const lines = a.test.text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#!/usr/bin/env bash',
      '# shellcheck disable=SC1090,SC2154',
      '# @timeout 90s',
      '### BEGIN INJECTED SCRIPT ###',
    ]);
    expect(lines.slice(4, 11)).toEqual([
      "cd '/docs'",
      "source '/lib/runner.sh'",
      'source "content/en/docs/a/b/snips.sh" # snips.sh',
      "source '/lib/verify.sh'",
      "source '/lib/debug.sh'",
      "source '/lib/helpers.sh'",
      '### END INJECTED SCRIPT ###',
    ]);
    expect(lines[11]).toBe('');
    expect(lines[12]).toBe('set -e');
  });

  test('maps every script line back to the test.sh line', () => {
    const lines = a.test.text.split('\n');
    const at = lines.indexOf('snip_one_1 # snip_in_comment_1');
    expect(a.test.origin[at]).toBe(12);
    expect(a.test.origin[3]).toBeUndefined();
  });

  test('cleanup: quoted source lines (not sibling tests), set +e, then the cleanup part', () => {
    const body = a.cleanup.text.split('\n').filter((l) => !l.startsWith('source \'/lib') && !l.startsWith('###') && !l.startsWith('cd ') && !l.includes('# snips.sh'));
    expect(body.slice(0, 3)).toEqual(['source "tests/util/samples.sh"', 'set +e # ignore cleanup errors', 'snip_cleanup_1']);
    const at = a.cleanup.text.split('\n').indexOf('snip_cleanup_1');
    expect(a.cleanup.origin[at]).toBe(17);
  });
});
