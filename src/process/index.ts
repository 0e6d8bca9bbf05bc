/**
 * The one way this project starts a child process (execa underneath): `run`/`runSync` for a
 * command's result, `start` for one to stream or stop, `startGroupLeader` for the runner's
 * process tracking. No other module imports `node:child_process` or execa (tests/process checks).
 */
export { DEFAULT_KILL_GRACE_MS, run, runOrThrow, runSync, runSyncOrThrow, start, type RunOptions, type RunResult, type Running } from './run.ts';
export { signalGroup } from './group.ts';
export { startGroupLeader, type Leader, type LeaderOptions } from './leader.ts';
export { onPath } from './path.ts';
