import type { RunReport, Step, TestResult } from '../types.ts';

const xml = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** `✓ _verify_same snip_x (2 attempts, 1.2s) index.md:45 test.sh:17` */
export function formatStep(s: Step): string {
  const mark = s.status === 'passed' ? 'ok  ' : s.status === 'failed' ? 'FAIL' : 'STOP';
  const name = s.kind === 'verify' ? `${s.name} ${s.func}` : s.name;
  const tries = s.attempts > 1 ? `, ${s.attempts} attempts` : '';
  const page = s.pageLine ? ` ${s.pageLine.file}:${s.pageLine.line}` : '';
  const line = s.scriptLine ? ` line ${s.scriptLine}` : s.calledFrom ? ` ${s.calledFrom.file}:${s.calledFrom.line}` : '';
  return `${mark} [${s.part}] ${name} (${seconds(s.durationMs)}s${tries})${page}${line}`;
}

/**
 * JUnit XML: one `<testsuite>` per setup, one `<testcase>` per test script. Steps are listed in
 * `<system-out>` and as `step.N` properties; a failure's message names the step and the page line.
 */
export function renderJunit(report: Pick<RunReport, 'tests'>): string {
  const bySetup = new Map<string, TestResult[]>();
  for (const t of report.tests) bySetup.set(t.setup, [...(bySetup.get(t.setup) ?? []), t]);
  const count = (list: TestResult[], s: TestResult['status']) => list.filter((t) => t.status === s).length;
  const all = report.tests;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="doctest" tests="${all.length}" failures="${count(all, 'failed')}" errors="0" skipped="${count(all, 'skipped')}" time="${seconds(all.reduce((a, t) => a + t.durationMs, 0))}">`,
  ];
  for (const [setup, tests] of bySetup) {
    out.push(
      `  <testsuite name="${xml(setup)}" tests="${tests.length}" failures="${count(tests, 'failed')}" errors="0" skipped="${count(tests, 'skipped')}" time="${seconds(tests.reduce((a, t) => a + t.durationMs, 0))}">`,
    );
    for (const t of tests) {
      out.push(`    <testcase classname="${xml(setup)}" name="${xml(t.id)}" file="${xml(t.file)}" time="${seconds(t.durationMs)}">`);
      if (t.steps.length > 0) {
        out.push('      <properties>');
        t.steps.forEach((s, i) => out.push(`        <property name="step.${i + 1}" value="${xml(formatStep(s))}"/>`));
        out.push('      </properties>');
      }
      if (t.status === 'skipped') out.push(`      <skipped message="${xml(t.skipReason ?? '')}"/>`);
      if (t.failure) {
        out.push(`      <failure type="${t.failure.reason}" message="${xml(t.failure.message)}">${xml(t.failure.detail)}</failure>`);
      }
      const sysout = [...t.steps.map(formatStep), ...(t.leaks.length ? ['', ...t.leaks] : [])].join('\n');
      if (sysout) out.push(`      <system-out>${xml(sysout)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
