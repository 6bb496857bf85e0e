// CI trusts a test run only when its report is complete: a worker that
// crashed leaves tests unfinished or unreported, and that fails the run even
// when every test that did report passed.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, repoRoot, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

const report = (over: Record<string, unknown>, statuses: string[]): string => {
  const file = join(tempDir(), 'report.json');
  const results = statuses.map((status, i) => ({ status, fullName: `test ${i}` }));
  writeFileSync(file, JSON.stringify({ success: true, numTotalTests: statuses.length, numPassedTests: statuses.filter((s) => s === 'passed').length, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 0, numRuntimeErrorTestSuites: 0, testResults: [{ name: 'a.test.ts', status: 'passed', assertionResults: results }], ...over }));
  return file;
};
const check = (file: string) => spawnSync(process.execPath, [join(repoRoot, 'scripts', 'check-test-report.mjs'), file], { encoding: 'utf8' });

describe('the CI check of a test report', () => {
  it('passes a complete run, skips included', () => {
    const r = check(report({}, ['passed', 'passed', 'skipped']));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 passed, 0 failed');
  });

  it.each([
    ['a test that never finished (a crashed worker)', report({}, ['passed', 'pending'])],
    ['fewer results than tests collected', report({ numTotalTests: 9 }, ['passed'])],
    ['an error of the runner itself', report({ success: false }, ['passed'])],
    ['a test file that crashed', report({ numRuntimeErrorTestSuites: 1 }, ['passed'])],
    ['no report at all', join(tempDir(), 'missing.json')],
  ])('fails on %s', (_what, file) => {
    const r = check(file);
    expect(r.status).toBe(1);
  });
});
