import { relative } from 'node:path';
import type { ContentPaths } from '../config/paths.ts';
import { diagnostic, type Diagnostic } from '../model/diagnostic.ts';
import { discoverTests, toPosix } from './discover.ts';
import type { SetupsConfig } from './setups.ts';
import { selectShard } from './shard.ts';
import type { DocTest } from './types.ts';

export interface SelectOptions {
  /** Test files or directories (absolute or relative to `cwd`); none means all. */
  selectors: string[];
  run?: RegExp;
  /** Exact test ids (`--rerun-failed`). */
  ids?: Set<string>;
  /** Only these setups (`--setup`). */
  setups?: string[];
  shard?: { index: number; total: number };
  /** Durations of the last report, for balancing shards. */
  durations?: Record<string, number>;
  cwd: string;
}

export interface Selected {
  /** The tests to run (this shard's). */
  tests: DocTest[];
  /** How many matched before sharding: 0 is an error of the selection. */
  matched: number;
  /** Bad selectors, malformed scripts, unknown setups: exit code 2. */
  diagnostics: Diagnostic[];
}

/** Discovery, contract checks, setup filter and sharding: what a run will execute. */
export function selectTests(paths: ContentPaths, config: SetupsConfig, opts: SelectOptions): Selected {
  const found = discoverTests(paths, { selectors: opts.selectors, run: opts.run, ids: opts.ids, cwd: opts.cwd });
  const diagnostics = [...found.diagnostics];
  const declared = [...config.setups.keys()].join(', ');
  for (const t of found.tests) {
    if (t.script.setup !== undefined && !config.setups.has(t.script.setup)) {
      diagnostics.push(
        diagnostic(
          toPosix(relative(opts.cwd, t.file)),
          t.script.setupLine,
          'doctest-setup',
          `unknown setup '${t.script.setup}' (declared in ${config.file}: ${declared})`,
        ),
      );
    }
  }
  let tests = opts.setups ? found.tests.filter((t) => opts.setups!.includes(t.script.setup ?? '')) : found.tests;
  const matched = tests.length;
  if (opts.shard && tests.length > 0) {
    const keep = new Set(selectShard(tests.map((t) => t.id), opts.shard.index, opts.shard.total, opts.durations));
    tests = tests.filter((t) => keep.has(t.id));
  }
  return { tests, matched, diagnostics };
}
