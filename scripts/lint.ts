/** `npm run lint` and `npm run lint:fast`: src/lint/cli.ts (`npm run lint -- --help`). */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/lint/cli.ts';

await runMain(main);
