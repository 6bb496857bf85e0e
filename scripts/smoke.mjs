// A smoke set for another Node version (CI runs it on the current LTS, with
// `npx -y node@24 scripts/smoke.mjs`): the built pm-guide started by the Node
// running this script, on the shipped course, in an empty HOME. Each command
// must end with 0 and print what a learner would look for.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'pm-guide-smoke-'));
const cases = [
  [['--version'], /^\d+\.\d+\.\d+/],
  [['--help'], /Usage: pm-guide/],
  [['list'], /Product Management, Step by Step/],
  [['next'], /^Next: reading 1 /],
  [['read', '2.6', '--no-pager'], /When to use which/],
  [['quiz', '2.6', '--preview', '--json'], /"prompt"/],
  [['search', 'north', 'star'], /Metrics and Analytics/],
  [['lint'], /0 errors, 0 warnings/],
  [['stats', '--json'], /"totals"/],
];
let failed = 0;
for (const [args, expected] of cases) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'pm-guide.js'), ...args], { encoding: 'utf8', env: { ...process.env, HOME: home, XDG_DATA_HOME: '', XDG_CACHE_HOME: '', NO_COLOR: '1' }, timeout: 30_000 });
  const ok = r.status === 0 && expected.test(r.stdout);
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} pm-guide ${args.join(' ')}${ok ? '' : ` (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 300)}`}`);
}
rmSync(home, { recursive: true, force: true });
console.log(`Node ${process.version}: ${cases.length - failed} of ${cases.length} commands as expected`);
process.exit(failed === 0 ? 0 : 1);
