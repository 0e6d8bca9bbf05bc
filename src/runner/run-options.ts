import type { ContentPaths } from '../config/paths.ts';
import type { ClusterProvider } from './cluster.ts';
import type { Exec } from './exec.ts';
import type { SetupsConfig } from './setups.ts';
import type { SnipLocator } from './snip-locations.ts';
import type { DocTest, GroupResult, TestResult } from './types.ts';

/** What `runDocTests` is given, and `runTest` reads: in a module of its own so that neither imports the other for it. */
export interface RunOptions {
  paths: ContentPaths;
  config: SetupsConfig;
  tests: DocTest[];
  /** For setups that need a cluster; undefined when none of the selected tests needs one. */
  provider: ClusterProvider | undefined;
  /** Run the setup's install commands on the cluster (always for kind; `--install` for current). */
  install: boolean;
  exec: Exec;
  /** Absolute directory of tests/util. */
  libDir: string;
  reportDir: string;
  /** Groups run in parallel, each on its own cluster. */
  jobs: number;
  /** Overrides every timeout (`--timeout`). */
  timeoutMs?: number;
  /** Keep kind clusters (`--skip-cleanup`). */
  skipCleanup: boolean;
  /** Run `ciOnly` setups (`CI` set: see `isCI` in src/cli/io.ts). */
  ci: boolean;
  /** Distinguishes cluster names across runs and shards. */
  runId: string;
  signal: AbortSignal;
  /** Aborts cleanups too (a second SIGINT). */
  forceSignal?: AbortSignal;
  /** Keep the artifacts of passing tests too (`--keep-artifacts`). */
  keepArtifacts?: boolean;
  locate: SnipLocator;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** Retry interval of the leak check. */
  leakPollMs?: number;
  env?: NodeJS.ProcessEnv;
  onEvent?: (e: RunEvent) => void;
}

export type RunEvent =
  | { type: 'group-start'; setup: string; tests: number; clusters: string[] }
  | { type: 'group-end'; result: GroupResult }
  | { type: 'test-start'; id: string; setup: string }
  | { type: 'test-end'; result: TestResult }
  | { type: 'cluster-problem'; message: string };
