/**
 * `npm test`: makes sure the Debian packages the tests need are there (installing them when running
 * as root), runs the whole vitest suite (or the files named), and ends with one summary line
 * `N passed, N failed`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand, exitCode, runCommand } from '../cli/command.ts';
import { err, out, type Io } from '../cli/io.ts';
import { projectRoot } from '../config/paths.ts';
import { missingSystemDeps } from './system-deps.ts';
import { run as runProcess } from '../process/index.ts';

export const command = defineCommand('test', {
  invocation: 'npm test --',
  summary:
    "Runs the project's tests (vitest) and ends with one line `N passed, N failed`. Installs the Debian\n" +
    'packages they need (chromium, shellcheck) first when run as root; else says how.',
  positionals: [{ name: '<file filter>', variadic: true }],
  options: {
    'test-name-pattern': { type: 'string', short: 't', value: '<regex>', help: 'only tests whose name matches' },
  },
  passthrough: 'options for vitest (e.g. -- --bail=1)',
  notes: [
    'Results: out/test-results.json. UPDATE=1 rewrites golden files.',
    'Exit codes: 0 all passed, 1 a test failed (or none ran), 2 the system packages are missing.',
  ],
});

export function main(argv: string[], io: Io): Promise<number> {
  return runCommand(command, argv, io, async ({ values, positionals, passthrough }) => {
    const deps = await ensureSystemDeps(io);
    if (deps !== exitCode.ok) return deps;
    const outDir = join(io.cwd, 'out');
    const results = join(outDir, 'test-results.json');
    mkdirSync(outDir, { recursive: true });
    rmSync(results, { force: true });
    const pattern = values['test-name-pattern'] === undefined ? [] : ['-t', values['test-name-pattern']];
    const run = await runProcess('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...pattern, ...positionals, ...passthrough], {
      cwd: io.cwd,
      preferLocal: true,
      output: 'inherit',
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (!existsSync(results)) {
      out(io)('0 passed, 1 failed');
      return run.exitCode || exitCode.findings;
    }
    const report = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    // A run that executed nothing is not green.
    const failed = report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
    out(io)(`${report.numPassedTests} passed, ${failed} failed`);
    return run.exitCode !== 0 || failed > 0 ? exitCode.findings : exitCode.ok;
  });
}

async function ensureSystemDeps(io: Io): Promise<number> {
  const missing = missingSystemDeps();
  if (missing.length === 0) return exitCode.ok;
  if (process.getuid?.() !== 0) {
    err(io)(`The tests need Debian packages that are missing: ${missing.join(', ')}`);
    err(io)('Install them with: sudo bash scripts/install-system-deps.sh');
    return exitCode.badInput;
  }
  out(io)(`Installing missing system packages: ${missing.join(', ')}`);
  const install = await runProcess('bash', [join(projectRoot, 'scripts/install-system-deps.sh')], { output: 'inherit' });
  if (install.exitCode !== 0 || missingSystemDeps().length > 0) {
    err(io)('Could not install the system packages the tests need.');
    return exitCode.badInput;
  }
  return exitCode.ok;
}
