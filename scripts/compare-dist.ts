/** `node scripts/compare-dist.ts <before> <after>`: src/bench/compare-dist.ts. */
import { runMain } from '../src/cli/run-main.ts';
import { main } from '../src/bench/compare-dist.ts';

await runMain(main);
