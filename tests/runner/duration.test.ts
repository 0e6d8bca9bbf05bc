import { describe, expect, test } from 'vitest';
import { inferContentDir } from '../../src/runner/cli.ts';
import { formatDuration, parseDuration } from '../../src/runner/duration.ts';

describe('durations', () => {
  test.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1500],
    ['45', 45_000],
    ['soon', undefined],
    ['5 m', undefined],
    ['', undefined],
  ])('parseDuration(%j) is %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each([
    [250, '250ms'],
    [2000, '2.0s'],
    [95_000, '1m35s'],
  ])('formatDuration(%j) is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('inferContentDir', () => {
  test.each([
    ['/x/content/en/docs/tasks/a', '/x/content'],
    ['/x/content/en/docs', '/x/content'],
    ['/x/imported/en/docs/a/test.sh', '/x/imported'],
    ['/x/content/en/blog', undefined],
  ])('%s → %s', (selector, content) => {
    expect(inferContentDir(selector)).toBe(content);
  });
});
