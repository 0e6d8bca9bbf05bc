import { describe, expect, test } from 'vitest';
import { injectedPrefix, shellWord } from '../../src/runner/assemble.ts';

describe('injected prefix', () => {
  const ctx = { root: '/repo', libDir: '/lib' };

  test('sources the page snips double-quoted, as istio.io does, for an ordinary directory', () => {
    expect(injectedPrefix({ file: '/repo/content/en/docs/tasks/a-b_c.d/test.sh' }, ctx)).toContain('source "content/en/docs/tasks/a-b_c.d/snips.sh" # snips.sh');
  });

  test.each(['$(touch PWNED)', 'a`id`b', 'q"x', 'back\\slash', 'new\nline'])('single-quotes a directory named %j', (dir) => {
    const line = injectedPrefix({ file: `/repo/content/en/docs/${dir}/test.sh` }, ctx).find((l) => l.endsWith('# snips.sh'))!;
    expect(line).toBe(`source ${shellWord(`content/en/docs/${dir}/snips.sh`)} # snips.sh`);
    expect(line.startsWith("source 'content/en/docs/")).toBe(true);
  });
});
