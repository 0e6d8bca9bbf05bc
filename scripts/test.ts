/** `npm test`: src/suite/cli.ts (`npm test -- --help`). */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/suite/cli.ts';

await runMain(main);
