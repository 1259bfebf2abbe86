// `npm test`: the unit and service suites, then the end-to-end suite in Chromium against `npm run serve`,
// and one closing line `N passed, N failed` over both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const out = mkdtempSync(join(tmpdir(), 'msp-test-results-'));
const suites = [{ name: 'unit', args: [] }];
if (existsSync('vitest.e2e.config.mts') && !process.argv.includes('--unit')) suites.push({ name: 'e2e', args: ['--config', 'vitest.e2e.config.mts'] });

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const suite of suites) {
  const file = join(out, `${suite.name}.json`);
  const result = spawnSync(process.execPath, [vitest, 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], { stdio: 'inherit' });
  if (result.status !== 0) exitCode = 1;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A suite that could not start (e.g. a file that fails to import) has no failed test but failed suites.
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites;
  } else {
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
