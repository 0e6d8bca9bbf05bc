/** `npm run snips`: src/snips/cli.ts (`npm run snips -- --help`). */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/snips/cli.ts';

await runMain(main);
