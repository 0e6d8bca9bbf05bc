/**
 * `npm run test:docs`: runs the doc tests (src/runner/cli.ts). First Ctrl-C, SIGTERM or SIGHUP: stop
 * the running tests and every process they started, run their cleanups, delete the clusters, write
 * the report, exit 130. A second one stops the cleanups too.
 */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/runner/cli.ts';

await runMain(main, { stoppable: { message: (signal) => `${signal}: stopping tests, running cleanups (again to stop cleanups too)` } });
