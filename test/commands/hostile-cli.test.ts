// Mistakes on the command line get a short message with a suggestion and the
// usage line, and exit 2 (1 for a lesson that does not exist); nothing typed can
// drive the terminal through an error message; a bug says it is one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIn } from '../helpers/in-process.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, run, tempDir } from '../helpers/run.js';
import { drivesTerminal, STACK_TRACE } from '../helpers/hostile.js';

afterAll(cleanTemps);

const course = join(fixturesDir, 'course');
const pm = (args: string[], env: Record<string, string | undefined> = {}) => runIn(['--lessons', course, '--progress', join(tempDir(), 'p.json'), ...args], { env });
/** The built binary: for faults injected into the process itself. */
const pmBin = (args: string[], env: Record<string, string | undefined> = {}) => run(['--lessons', course, '--progress', join(tempDir(), 'p.json'), ...args], { env });

function expectUsageError(r: ReturnType<typeof run>, message: RegExp, usage: RegExp, code = 2): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(usage);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(4);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(drivesTerminal(r.stderr)).toBe(false);
}

describe('mistakes on the command line', () => {
  it.each([
    ['an unknown command close to one', ['lsit'], /unknown command 'lsit'[\s\S]*Did you mean list\?/, /^Usage: pm-guide \[options\] \[command\]$/m],
    ['an unknown command like nothing', ['xyzzy'], /unknown command 'xyzzy'/, /^Usage: pm-guide /m],
    ['an unknown global flag', ['--lesons', course, 'list'], /unknown option '--lesons'[\s\S]*Did you mean --lessons\?/, /^Usage: pm-guide /m],
    ['an unknown flag of a command', ['list', '--jsn'], /unknown option '--jsn'[\s\S]*Did you mean --json\?/, /^Usage: pm-guide list \[options\]$/m],
    ['a missing argument', ['search'], /missing required argument 'terms'/, /^Usage: pm-guide search \[options\] <terms\.\.\.>$/m],
    ['a missing file to import', ['import'], /missing required argument 'file'/, /^Usage: pm-guide import /m],
    ['an extra argument', ['list', 'everything'], /too many arguments for 'list'/, /^Usage: pm-guide list /m],
    ['two lessons where one goes', ['read', 'duties', 'seasons'], /too many arguments for 'read'/, /^Usage: pm-guide read \[options\] \[lesson\]$/m],
    ['a flag with no value', ['quiz', 'duties', '--count'], /option '--count <n>' argument missing/, /^Usage: pm-guide quiz /m],
    ['a count of nought', ['quiz', 'duties', '--count', '0'], /--count must be a whole number of 1 or more/, /^Usage: pm-guide quiz /m],
    ['a count that is a word', ['quiz', 'duties', '--count', 'many'], /--count must be a whole number/, /^Usage: pm-guide quiz /m],
    ['a seed that is not whole', ['quiz', 'duties', '--seed', '1.5'], /--seed must be a whole number/, /^Usage: pm-guide quiz /m],
    ['a topic that does not exist', ['quiz', 'duties', '--topic', 'gossip'], /choose responsibilities, tools or examples/, /^Usage: pm-guide quiz /m],
  ])('%s', async (_what, args, message, usage) => {
    expectUsageError(await pm(args), message, usage);
  });

  it.each([
    ['read', ['read', 'dutise'], /no lesson matches "dutise" \(did you mean "duties"\? pm-guide list shows every lesson\)/],
    ['quiz', ['quiz', 'sesons', '--preview'], /no lesson matches "sesons" \(did you mean "seasons"\?/],
    ['read, with nothing close', ['read', 'quantum-physics'], /no lesson matches "quantum-physics" \(run pm-guide list to see the lessons\)/],
    ['read, with several matches', ['read', 'the'], /"the" matches \d+ lessons \(be more specific/],
  ])('an unknown lesson name in %s: one line with a suggestion, no usage line, exit 1', async (_what, args, message) => {
    const r = await pm(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['an unknown command', ['\u001b]0;owned\u0007\u001b[2Jlist']],
    ['an unknown flag', ['list', '--\u001b[31mjson']],
    ['a lesson name', ['read', 'dut\u001b]52;c;ZXZpbA==\u0007ies\u009b2J\u202e']],
    ['a lessons folder', ['--lessons', join(tempDir(), 'no\u001b[5mwhere'), 'list']],
  ])('escape sequences typed in %s never reach the terminal through the error', async (_what, args) => {
    const r = await pm(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(drivesTerminal(r.stderr), JSON.stringify(r.stderr)).toBe(false);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('a 100,000-character argument is answered at once', async () => {
    const start = Date.now();
    const r = await pm(['read', 'x'.repeat(100_000)]);
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('help and version exit 0 and print to stdout', async () => {
    for (const args of [['--help'], ['read', '--help'], ['quiz', '-h'], ['--version']]) {
      const r = await pm(args);
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stderr).toBe('');
    }
  });
});

describe('a bug in pm-guide', () => {
  // Faults injected from outside, as a stand-in for a bug: the user must see one line that says it is one.
  const fault = (code: string): string => {
    const file = join(tempDir(), 'fault.cjs');
    writeFileSync(file, code);
    return file;
  };

  it('inside a command: one line that says it is a bug and how to report it, exit 70', () => {
    const preload = fault(`String.prototype.normalize = function () { throw new TypeError('the text broke'); };`);
    const r = pmBin(['search', 'duties'], { NODE_OPTIONS: `--require ${preload}` });
    expect(r.code).toBe(70);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^pm-guide: internal error: the text broke \(this is a bug in pm-guide: please report it/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('outside any command (an event, a timer): the same one line, exit 70', () => {
    const preload = fault(`setTimeout(() => { throw new RangeError('a timer went wrong'); }, 300);`);
    const r = pmBin(['list'], { NODE_OPTIONS: `--require ${preload}` });
    expect(r.code).toBe(70);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^pm-guide: internal error: a timer went wrong \(this is a bug in pm-guide/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('PM_GUIDE_DEBUG shows the stack for the report', () => {
    const preload = fault(`String.prototype.normalize = function () { throw new TypeError('the text broke'); };`);
    const r = pmBin(['search', 'duties'], { NODE_OPTIONS: `--require ${preload}`, PM_GUIDE_DEBUG: '1' });
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/TypeError: the text broke\n\s+at /);
  });
});
