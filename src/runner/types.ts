import type { TestScript } from './test-script.ts';

/** A discovered `*test.sh`. */
export interface DocTest {
  /** Absolute path of the script. */
  file: string;
  /** Path relative to the docs directory (`content/en/docs`), `/`-separated: the test's name. */
  id: string;
  /** Directory of the page relative to the docs directory (`ops/troubleshooting/validate-config`). */
  pageDir: string;
  /** The page beside the script (`index.md` / `_index.md`), absolute; undefined when none. */
  page: string | undefined;
  script: TestScript;
}

/** Where a snip is defined: the Markdown file (relative to the docs repo root) and its fence line. */
export interface SourceLocation {
  file: string;
  line: number;
}

export interface Step {
  kind: 'snip' | 'verify';
  /** `snip_x` or `_verify_same`. */
  name: string;
  /** The command a verify ran (`snip_x`), or the snip itself. */
  func: string;
  part: 'test' | 'cleanup';
  status: 'passed' | 'failed' | 'unfinished';
  exitCode: number | undefined;
  attempts: number;
  durationMs: number;
  /** What the step printed (verify: its last output, compared with `expected`). */
  output: string;
  expected?: string;
  /** Line of the call in the test script. */
  scriptLine: number | undefined;
  /** The call's place when it is in another sourced file (a `gtwapi_test.sh` sourcing `test.sh`). */
  calledFrom?: SourceLocation;
  /** Where the snip the step ran is defined on the page. */
  pageLine: SourceLocation | undefined;
}

export type TestStatus = 'passed' | 'failed' | 'skipped';
export type FailureReason = 'exit' | 'timeout' | 'leak' | 'setup' | 'interrupted' | 'missing-snips';

export interface TestFailure {
  reason: FailureReason;
  /** One line: `_verify_same snip_check_2 failed after 3 attempts (index.md:45, test.sh:17)`. */
  message: string;
  /** The step that failed, when one did. */
  step: Step | undefined;
  /** Output tail for reports. */
  detail: string;
}

export interface TestResult {
  id: string;
  /** Script path relative to the docs repo root. */
  file: string;
  setup: string;
  status: TestStatus;
  durationMs: number;
  steps: Step[];
  failure: TestFailure | undefined;
  /** Why it was skipped. */
  skipReason?: string;
  /** Leaked (or removed) cluster objects, e.g. `namespace foo`. */
  leaks: string[];
  exitCode: number | undefined;
  cleanupExitCode: number | undefined;
  /** Artifacts directory (kept for failures), relative to the report directory. */
  artifacts: string | undefined;
  /** The page (relative to the docs repo root), its URL on the site and in the repository. */
  page: { file: string; url: string; sourceUrl: string } | undefined;
}

export interface GroupResult {
  setup: string;
  /** Cluster name(s) used; empty for setups without a cluster. */
  clusters: string[];
  durationMs: number;
  error: string | undefined;
}

export interface RunReport {
  version: 1;
  startedAt: string;
  durationMs: number;
  shard: { index: number; total: number } | undefined;
  interrupted: boolean;
  groups: GroupResult[];
  tests: TestResult[];
  /** Last known duration per test id, merged with the previous report: shard balancing reads it. */
  durations: Record<string, number>;
}
