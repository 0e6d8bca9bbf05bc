/** `npm run bench`: src/bench/cli.ts (`npm run bench -- --help`). */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/bench/cli.ts';

await runMain(main);
