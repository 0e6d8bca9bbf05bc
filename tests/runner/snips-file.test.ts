/**
 * A page's snips file is `snips.sh` beside an `index.md`, but `<file>.md_snips.sh` beside any other
 * page (istio.io's naming). A test beside such a page sources that file itself; the runner must not
 * fail it for a `snips.sh` that this page never has.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { resolveContentPaths } from '../../src/config/paths.ts';
import type { RunReport } from '../../src/runner/types.ts';
import { generateTreeSnips, writeTreeSnips } from '../../src/snips/index.ts';
import { doctestCli, site, tempDir } from './helpers.ts';

const page = `---
title: Guide
description: A tested page that is not an index.md.
test: yes
---

## Say hello

\`\`\`bash
$ echo hello
hello
\`\`\`
`;

const testScript = `#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=none

source "content/en/docs/guide/guide.md_snips.sh"
_verify_same snip_say_hello_1 "$snip_say_hello_1_out"

# @cleanup
true
`;

test('a test beside <file>.md runs with its <file>.md_snips.sh, and fails, naming it, when it is missing', async () => {
  const root = tempDir('doctest-md-snips-');
  cpSync(join(site, 'data'), join(root, 'data'), { recursive: true });
  const dir = join(root, 'content/en/docs/guide');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'guide.md'), page);
  writeFileSync(join(dir, 'test.sh'), testScript);
  const run = async () => {
    const reportDir = tempDir('doctest-report-');
    const r = await doctestCli(['--content', join(root, 'content'), '--report-dir', reportDir, dir]);
    return { ...r, report: JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as RunReport };
  };

  const missing = await run();
  expect(missing.exitCode, missing.all).toBe(1);
  expect(missing.report.tests[0]!.failure).toMatchObject({
    reason: 'missing-snips',
    message: 'content/en/docs/guide/guide.md_snips.sh does not exist: run `npm run snips`',
  });

  writeTreeSnips(generateTreeSnips(resolveContentPaths(join(root, 'content'))));
  expect(existsSync(join(dir, 'guide.md_snips.sh'))).toBe(true);
  expect(existsSync(join(dir, 'snips.sh'))).toBe(false);
  const passing = await run();
  expect(passing.exitCode, passing.all).toBe(0);
  expect(passing.report.tests.map((t) => `${t.id} ${t.status}`)).toEqual(['guide/test.sh passed']);
});
