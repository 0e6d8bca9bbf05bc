/** `npm run compat`: src/migrate/compat-cli.ts (`npm run compat -- --help`). */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/migrate/compat-cli.ts';

await runMain(main);
