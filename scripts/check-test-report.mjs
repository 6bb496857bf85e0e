// Reads vitest's JSON report (test-results.json) and says whether the run can
// be trusted: every collected test finished (passed, or skipped on purpose
// where a machine lacks a shell or a file), none failed, and the runner
// reported no error of its own. Prints "N passed, N failed" and exits 1 when
// anything is wrong. Used by .ci/run.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed (no test report: the runner did not finish)');
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const problems = [];
const tests = r.testResults.flatMap((f) => f.assertionResults.map((a) => ({ file: f.name, ...a })));
const unfinished = tests.filter((t) => !['passed', 'failed', 'skipped', 'todo', 'disabled'].includes(t.status));
if (!r.success) problems.push('the runner reported failure');
if (r.numFailedTests > 0) problems.push(`${r.numFailedTests} failed`);
if (r.numFailedTestSuites > 0) problems.push(`${r.numFailedTestSuites} suite(s) failed`);
if (r.numRuntimeErrorTestSuites > 0) problems.push(`${r.numRuntimeErrorTestSuites} test file(s) crashed`);
if (unfinished.length > 0) problems.push(`${unfinished.length} test(s) never finished (${unfinished[0].fullName})`);
if (tests.length !== r.numTotalTests) problems.push(`${r.numTotalTests} tests collected but ${tests.length} reported`);
for (const f of r.testResults) if (f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')) problems.push(`${f.name}: ${(f.message || 'failed outside any test').split('\n')[0]}`);
const skipped = r.numPendingTests + r.numTodoTests;
if (skipped) console.log(`${skipped} skipped (shells or files this machine lacks)`);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
for (const p of problems) console.log(`not trusted: ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
