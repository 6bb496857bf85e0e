// No unbounded wait, and no loop without end: whatever sits at the lock path
// (a folder, a dangling symlink, a FIFO), a FIFO to import or read, a progress
// path in /proc. Each is one line and exit 1 within a second or two. Run as the
// built binary, as the old behaviour was a hang that only SIGKILL stopped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, run, tempDir } from '../helpers/run.js';
import { expectOneLineFailure, lesson, makeCourse } from '../helpers/hostile.js';

afterAll(cleanTemps);

const course = makeCourse({ 'beds.md': lesson('The Beds', undefined, { id: 'beds' }) });
const timed = (args: string[]) => {
  const start = Date.now();
  const r = run(['--lessons', course, ...args], { timeoutMs: 8_000 });
  return { ...r, ms: Date.now() - start };
};

describe('the lock path', () => {
  const cases: Array<[string, (lock: string) => void]> = [
    ['a folder', (lock) => mkdirSync(lock)],
    ['a dangling symlink', (lock) => symlinkSync('/nowhere/at/all', lock)],
    ['a FIFO', (lock) => spawnSync('mkfifo', [lock])],
  ];
  it.each(cases)('that is %s: one line, exit 1, at once, the progress file untouched', (_what, make) => {
    const dir = tempDir();
    const progress = join(dir, 'progress.json');
    run(['--lessons', course, '--progress', progress, 'reset', '--yes']);
    const before = readFileSync(progress, 'utf8');
    make(`${progress}.lock`);
    const r = timed(['--progress', progress, 'reset', '--yes']);
    expectOneLineFailure(r, /lock path .*progress\.json\.lock is .*which pm-guide never makes/, 1);
    expect(r.ms).toBeLessThan(3_000);
    expect(readFileSync(progress, 'utf8')).toBe(before);
  });
});

describe('files that never end are refused before they are opened', () => {
  it('import of a FIFO with no writer', () => {
    const fifo = join(tempDir(), 'export.json');
    spawnSync('mkfifo', [fifo]);
    const r = timed(['--progress', join(tempDir(), 'p.json'), 'import', fifo]);
    expectOneLineFailure(r, /export\.json: is not a regular file \(it is a FIFO/, 1);
  });

  it('import of a file of /proc', () => {
    const r = timed(['--progress', join(tempDir(), 'p.json'), 'import', '/proc/self/status']);
    expectOneLineFailure(r, /\/proc\/self\/status: is a file of the system/, 1);
  });

  it('read of a file of /proc', () => {
    const r = timed(['--progress', join(tempDir(), 'p.json'), 'read', '/proc/self/status']);
    expectOneLineFailure(r, /\/proc\/self\/status: is a file of the system/, 1);
  });

  it.each(['environ', 'status', 'version', 'cmdline'])('/proc/self/%s as the progress file: one clear line, no call stack overflow', (name) => {
    const path = name === 'version' ? '/proc/version' : `/proc/self/${name}`;
    for (const args of [['list'], ['read', 'beds']]) {
      const r = timed(['--progress', path, ...args]);
      expectOneLineFailure(r, /is in \/proc or \/sys/, 1);
      expect(r.stderr).not.toMatch(/call stack/);
    }
  });

  it('a progress path in a folder under /proc that does not exist: a clear error within a second', () => {
    const r = timed(['--progress', '/proc/self/pm-guide/progress.json', 'read', 'beds']);
    expectOneLineFailure(r, /is in \/proc or \/sys/, 1);
    expect(r.ms).toBeLessThan(1_500);
  });
});

describe('a file that keeps vanishing when moved aside', () => {
  it('is read a few times, then said in one line', async () => {
    // In process: a store whose file is broken and gone again at every move, as /proc files behave.
    const { ProgressStore } = await import('../../src/io/progress-store.js');
    const dir = tempDir();
    const file = join(dir, 'progress.json');
    writeFileSync(file, 'not json');
    const store = new ProgressStore({ file, warn: () => {} });
    const internals = store as unknown as { moveAside: () => string | undefined };
    let moves = 0;
    internals.moveAside = () => {
      moves++;
      return undefined;
    };
    expect(() => store.load()).toThrow(/vanishes whenever pm-guide moves it aside/);
    expect(moves).toBeLessThan(5);
  });
});
