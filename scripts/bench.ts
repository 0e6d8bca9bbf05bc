/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or those named: `npm run bench -- site snips`).
 * Each prints medians and ratios; nothing here asserts a time.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '../src/config/paths.ts';
import { run as runProcess } from '../src/process/index.ts';

const dir = join(projectRoot, 'scripts/bench');
const wanted = process.argv.slice(2);
const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (suites.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ')} (have: ${readdirSync(dir).join(', ')})`);
  process.exit(2);
}
let failed = 0;
for (const suite of suites) {
  console.log(`\n== ${suite} ==`);
  const run = await runProcess('npx', ['tsx', join(dir, `${suite}.ts`)], { cwd: projectRoot, output: 'inherit' });
  if (run.exitCode !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
