import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot, resolveContentPaths } from '../../src/config/paths.ts';
import { runLint, type LintResult } from '../../src/lint/run.ts';
import { key, readMarkers } from './markers.ts';

const fixture = join(projectRoot, 'tests/fixtures/lint/seeded');

describe('seeded fixture: one error of every kind', () => {
  let result: LintResult;
  const markers = readMarkers(join(fixture, 'content'), projectRoot);

  test('runs every check', async () => {
    result = await runLint({
      paths: resolveContentPaths(join(fixture, 'content')),
      projectRoot,
      cwd: projectRoot,
      checks: new Set(['markdown', 'spelling', 'scripts', 'links']),
      dist: join(fixture, 'dist'),
      cache: false,
    });
    expect(result.counts.markdown).toBeGreaterThan(5);
  });

  test('reports exactly the marked lines, with the marked rule ids', () => {
    const expected = markers.filter((m) => m.ruleId !== 'uncalled').map(key).sort();
    const reported = result.diagnostics.map((d) => key({ file: d.file, line: d.line, ruleId: d.ruleId })).sort();
    expect(reported).toEqual(expected);
  });

  test('covers every kind of check the issue lists', () => {
    const ids = new Set(markers.map((m) => m.ruleId));
    const kinds = [
      ...['MD004', 'MD029', 'MD026'],
      ...['MESH001', 'MESH002', 'MESH003', 'MESH004', 'MESH005', 'MESH006', 'MESH007', 'MESH008', 'MESH009', 'MESH010', 'MESH011', 'MESH012'],
      'spelling',
      ...['snips-fresh', 'SC2046', 'SC2045', 'doctest-setup', 'doctest-cleanup', 'snip-undefined', 'test-missing', 'uncalled'],
      ...['link-broken', 'link-fragment', 'link-image', 'link-alias'],
    ];
    expect(kinds.filter((k) => !ids.has(k))).toEqual([]);
  });

  test('a shellcheck finding in a page command points at the Markdown line, naming the snips line', () => {
    const sc = result.diagnostics.find((d) => d.ruleId === 'SC2046')!;
    expect(sc.file).toMatch(/docs\/tested\/index\.md$/);
    expect(sc.message).toMatch(/in snip_run_2 \(.*tested\/snips\.sh:\d+\)/);
  });

  test('spelling findings give line, column and suggestions', () => {
    const spelling = result.diagnostics.find((d) => d.ruleId === 'spelling')!;
    expect(spelling.column).toBeGreaterThan(1);
    expect(spelling.message).toContain('"recieve"');
    expect(spelling.message).toContain('receive');
  });

  test('snippet coverage lists the blocks no test calls, per page and in total', () => {
    const uncalled = result.coverage!.pages.flatMap((p) => p.uncalled.map((u) => key({ file: p.file, line: u.line, ruleId: 'uncalled' })));
    expect(uncalled.sort()).toEqual(markers.filter((m) => m.ruleId === 'uncalled').map(key).sort());
    expect(result.coverage!.total - result.coverage!.called).toBe(uncalled.length);
  });
});
