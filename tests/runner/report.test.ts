import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderHtml } from '../../src/runner/report/html.ts';
import { renderJunit } from '../../src/runner/report/junit.ts';
import { mergeDurations } from '../../src/runner/report/write.ts';
import type { RunReport, Step, TestResult } from '../../src/runner/types.ts';
import { fixtures } from './helpers.ts';

const step = (over: Partial<Step>): Step => ({
  kind: 'snip',
  name: 'snip_a_1',
  func: 'snip_a_1',
  part: 'test',
  status: 'passed',
  exitCode: 0,
  attempts: 1,
  durationMs: 1500,
  output: '',
  scriptLine: 10,
  pageLine: { file: 'content/en/docs/a/index.md', line: 12 },
  ...over,
});

const test1 = (over: Partial<TestResult>): TestResult => ({
  id: 'a/test.sh',
  file: 'content/en/docs/a/test.sh',
  setup: 'profile=none',
  status: 'passed',
  durationMs: 2000,
  steps: [step({})],
  failure: undefined,
  leaks: [],
  exitCode: 0,
  cleanupExitCode: 0,
  artifacts: undefined,
  page: { file: 'content/en/docs/a/index.md', url: 'https://meshdocs.dev/docs/a/', sourceUrl: 'https://github.com/meshdocs/meshdocs/blob/main/content/en/docs/a/index.md' },
  ...over,
});

const failing = step({
  kind: 'verify',
  name: '_verify_same',
  func: 'snip_b_2',
  status: 'failed',
  exitCode: 1,
  attempts: 3,
  output: 'got <b> & "x"\u0001',
  expected: 'want',
  scriptLine: 17,
  pageLine: { file: 'content/en/docs/b/index.md', line: 45 },
});

const report: RunReport = {
  version: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 9000,
  shard: undefined,
  interrupted: false,
  groups: [{ setup: 'profile=none', clusters: [], durationMs: 9000, error: undefined }],
  durations: {},
  tests: [
    test1({}),
    test1({
      id: 'b/test.sh',
      file: 'content/en/docs/b/test.sh',
      status: 'failed',
      steps: [step({ name: 'snip_b_1', scriptLine: 16, pageLine: { file: 'content/en/docs/b/index.md', line: 40 } }), failing],
      failure: {
        reason: 'exit',
        message: '_verify_same snip_b_2 failed after 3 attempts (content/en/docs/b/index.md:45, b/test.sh:17)',
        step: failing,
        detail: 'received:\ngot <b> & "x"\u0001\nexpected:\nwant',
      },
      artifacts: 'b',
      page: { file: 'content/en/docs/b/index.md', url: 'https://meshdocs.dev/docs/b/', sourceUrl: 'https://github.com/meshdocs/meshdocs/blob/main/content/en/docs/b/index.md' },
    }),
    test1({ id: 'c/test.sh', file: 'content/en/docs/c/test.sh', setup: 'multicluster', status: 'skipped', skipReason: 'setup multicluster runs only in CI (CI=true)', steps: [] }),
  ],
};

/** Golden files: `UPDATE=1 npx vitest run tests/runner/report.test.ts` rewrites them. */
function golden(name: string, actual: string): void {
  const file = join(fixtures, 'report', name);
  if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('reports', () => {
  test('junit.xml: counts, one testcase per test, steps, the failure with snip and page line', () => {
    const xml = renderJunit(report);
    golden('junit.xml', xml);
    expect(xml).toContain('<testsuites name="doctest" tests="3" failures="1" errors="0" skipped="1"');
    expect(xml).toContain(
      '<failure type="exit" message="_verify_same snip_b_2 failed after 3 attempts (content/en/docs/b/index.md:45, b/test.sh:17)">',
    );
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('got &lt;b&gt; &amp; &quot;x&quot;');
  });

  test('index.html links the failure to the page, the block line, the script line and the artifacts', () => {
    const html = renderHtml(report, { url: 'https://github.com/meshdocs/meshdocs', branch: 'main' });
    golden('index.html', html);
    expect(html).toContain('<a href="https://meshdocs.dev/docs/b/">page</a>');
    expect(html).toContain('<a href="https://github.com/meshdocs/meshdocs/blob/main/content/en/docs/b/index.md#L45">content/en/docs/b/index.md:45</a>');
    expect(html).toContain('<a href="https://github.com/meshdocs/meshdocs/blob/main/content/en/docs/b/test.sh#L17">content/en/docs/b/test.sh:17</a>');
    expect(html).toContain('<a href="b/">artifacts</a>');
  });

  test('durations merge with the previous report; skipped tests keep their old duration', () => {
    const merged = mergeDurations({ ...report, durations: { 'c/test.sh': 5000, 'a/test.sh': 1 } }, report.tests);
    expect(merged).toEqual({ 'a/test.sh': 2000, 'b/test.sh': 2000, 'c/test.sh': 5000 });
  });
});
