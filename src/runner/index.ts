/**
 * The doc-test runner: discovers `*test.sh` scripts beside pages, runs them (grouped by their
 * `# @setup`) with istio.io's injected prefix and our bash library, and reports each step.
 * The CLI is scripts/doctest.ts (`npm run test:docs`); authors' guide: docs/doctest.md.
 */
export { parseTestScript, type SnipRef, type SourceLine, type TestScript } from './test-script.ts';
export { assembleScripts, injectedPrefix, type Assembly, type AssembledScript } from './assemble.ts';
export { discoverTests, groupBySetup, listTestScripts, type Discovery, type Selection } from './discover.ts';
export { selectTests, type SelectOptions, type Selected } from './select.ts';
export { findSetupsFile, loadSetups, type Setup, type SetupsConfig } from './setups.ts';
export { runDocTests, type RunEvent, type RunOptions } from './run.ts';
export { createKindProvider, createCurrentProvider, type Cluster, type ClusterProvider } from './cluster.ts';
export { createSnipsLocator, type SnipLocator } from './snip-locations.ts';
export { command as doctestCommand, main as doctestMain } from './cli.ts';
export type { DocTest, RunReport, Step, TestResult } from './types.ts';
