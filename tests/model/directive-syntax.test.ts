/** A directive whose attributes cannot be read (a `\"` inside a quoted value) is reported, not shown as text. */
import { expect, test } from 'vitest';
import { parsePage } from '../../src/model/parse.ts';
import { buildBreakingRules } from '../../src/model/validate.ts';

const diagnosticsOf = (body: string) =>
  parsePage(`---\ntitle: T\ntest: no\n---\n\n${body}\n`, 'docs', 'p.md').diagnostics.map((d) => `${d.line}:${d.column}  ${d.ruleId}  ${d.message}`);

test.each([
  ['::image{src="a.svg" caption="say \\"hi\\""}', '6:1  directive-syntax  "::image" is not read as a directive'],
  [':::tip{title="a \\"b\\""}\nText.\n:::', '6:1  directive-syntax  ":::tip" is not read as a directive'],
  ['Uses :gloss[Envoy]{term="en\\"voy"} here.', '6:6  directive-syntax  the attributes of :gloss could not be read'],
])('%j is reported at its line, with the way out', (body, start) => {
  const found = diagnosticsOf(body);
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(start);
  expect(found[0]).toContain('write &quot; or quote the value with the other quote');
  expect(buildBreakingRules.has('directive-syntax')).toBe(true);
});

test.each([
  '::image{src="a.svg" caption="say &quot;hi&quot;"}',
  "::image{src='a.svg' caption='say \"hi\"'}",
  'Uses :gloss[Envoy] here, and a::b{c} in prose.',
  '::: not a directive',
  'Time 10:30{x} is text.',
])('%j is fine', (body) => {
  expect(diagnosticsOf(body)).toEqual([]);
});
