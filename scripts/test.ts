/**
 * `npm test`: makes sure the Debian packages the tests need are there (installing them when running
 * as root), runs the whole vitest suite, and ends with one summary line `N passed, N failed`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { run as runProcess } from '../src/process/index.ts';
import { missingSystemDeps } from './system-deps.ts';

const missing = missingSystemDeps();
if (missing.length > 0) {
  if (process.getuid?.() === 0) {
    console.log(`Installing missing system packages: ${missing.join(', ')}`);
    const install = await runProcess('bash', ['scripts/install-system-deps.sh'], { output: 'inherit' });
    if (install.exitCode !== 0 || missingSystemDeps().length > 0) {
      console.error('Could not install the system packages the tests need.');
      process.exit(2);
    }
  } else {
    console.error(`The tests need Debian packages that are missing: ${missing.join(', ')}`);
    console.error('Install them with: sudo bash scripts/install-system-deps.sh');
    process.exit(2);
  }
}

const results = 'out/test-results.json';
mkdirSync('out', { recursive: true });
rmSync(results, { force: true });
const run = await runProcess(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)],
  { preferLocal: true, output: 'inherit', env: { ASTRO_TELEMETRY_DISABLED: '1' } },
);

if (!existsSync(results)) {
  console.log(`0 passed, 1 failed`);
  process.exit(run.exitCode || 1);
}
const report = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
// A run that executed nothing is not green.
const failed = report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
console.log(`${report.numPassedTests} passed, ${failed} failed`);
process.exitCode = run.exitCode !== 0 || failed > 0 ? 1 : 0;
