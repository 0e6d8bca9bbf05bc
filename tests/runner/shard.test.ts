import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseShard, selectShard } from '../../src/runner/shard.ts';

describe('selectShard', () => {
  test('shards partition the tests, whatever the durations', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}\/test\.sh$/), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.dictionary(fc.stringMatching(/^[a-z]{1,6}\/test\.sh$/), fc.integer({ min: 1, max: 10_000 })),
        (ids, n, durations) => {
          const shards = Array.from({ length: n }, (_, i) => selectShard(ids, i + 1, n, durations));
          const all = shards.flat();
          expect(all.sort()).toEqual([...ids].sort());
          expect(new Set(all).size).toBe(all.length);
        },
      ),
    );
  });

  test('is stable: the same input gives the same shard, in any order', () => {
    const ids = ['a/test.sh', 'b/test.sh', 'c/test.sh', 'd/test.sh', 'e/test.sh'];
    expect(selectShard(ids, 1, 2)).toEqual(selectShard([...ids].reverse(), 1, 2));
  });

  test('balances by recorded durations', () => {
    const durations = { 'slow/test.sh': 100, 'a/test.sh': 30, 'b/test.sh': 30, 'c/test.sh': 30 };
    const ids = Object.keys(durations);
    const one = selectShard(ids, 1, 2, durations);
    const two = selectShard(ids, 2, 2, durations);
    expect(one).toEqual(['slow/test.sh']);
    expect(two).toEqual(['a/test.sh', 'b/test.sh', 'c/test.sh']);
  });

  test.each([
    ['1/2', { index: 1, total: 2 }],
    ['3/3', { index: 3, total: 3 }],
    ['0/2', undefined],
    ['3/2', undefined],
    ['x', undefined],
  ])('parseShard(%s)', (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });
});
