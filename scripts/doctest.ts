/**
 * `npm run test:docs`: runs the doc tests. Thin: flags and the run live in src/runner/cli.ts;
 * this file wires the process (output, exit code, SIGINT) to it.
 *
 * First Ctrl-C: stop the running tests (and every process they started), run their cleanups,
 * delete the clusters, write the report, exit 130. Second Ctrl-C: stop the cleanups too.
 */
import { main } from '../src/runner/cli.ts';

const stop = new AbortController();
const force = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (!stop.signal.aborted) {
    process.stderr.write(`\n${signal}: stopping tests, running cleanups (again to stop cleanups too)\n`);
    stop.abort();
  } else {
    force.abort();
  }
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await main(process.argv.slice(2), {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  cwd: process.cwd(),
  env: process.env,
  signal: stop.signal,
  forceSignal: force.signal,
});
