/** `npm run serve | build | preview` (`node scripts/site.ts dev|build|preview`): src/site/cli.ts. */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/site/cli.ts';

await runMain(main);
