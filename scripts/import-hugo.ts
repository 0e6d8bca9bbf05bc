/** `npm run import:hugo`: src/migrate/import-cli.ts (`npm run import:hugo -- --help`). */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/migrate/import-cli.ts';

await runMain(main);
