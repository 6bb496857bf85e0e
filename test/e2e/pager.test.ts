// The pager in a real pseudo-terminal: it keeps Ctrl-C and Ctrl-D for itself,
// a pager that cannot start is skipped, and a signal stops it too.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, tempDir } from '../helpers/run.js';
import { keys, spawnPty } from '../helpers/pty.js';
import { lesson, makeCourse } from '../helpers/hostile.js';

afterAll(cleanTemps);

/** A page far longer than the terminal, for the pager to take. */
const course = makeCourse({
  'long.md': lesson(
    'A Long Walk Round the Plot',
    Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: the path runs past the beds, the shed and the water butt, and back to the gate again.`).join('\n\n'),
    { id: 'long' },
  ),
});

describe('the pager', () => {
  it('keeps Ctrl-C and Ctrl-D for itself; pm-guide ends cleanly when it quits', async () => {
    const progress = join(tempDir(), 'progress.json');
    const session = spawnPty(['--lessons', course, '--progress', progress, 'read', 'long'], { env: { PAGER: 'less' }, rows: 10 });
    await session.waitFor('A Long Walk');
    session.write(keys.ctrlC);
    session.write(keys.ctrlD);
    await new Promise((r) => setTimeout(r, 300));
    session.write('q');
    expect((await session.exited()).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(progress, 'utf8')).lessons.long.readAt).toBeTruthy();
  });

  it('on SIGTERM, is stopped too, and pm-guide ends with 143 instead of leaving it on the terminal', async () => {
    const dir = tempDir();
    const progress = join(dir, 'progress.json');
    const pidFile = join(dir, 'pager.pid');
    const pager = join(dir, 'pager.sh');
    writeFileSync(pager, `#!/bin/sh\necho $$ > "${pidFile}"\nexec less\n`, { mode: 0o755 });
    const session = spawnPty(['--lessons', course, '--progress', progress, 'read', 'long'], { env: { PAGER: pager }, rows: 10 });
    await session.waitFor('A Long Walk');
    process.kill(session.pid, 'SIGTERM');
    expect((await session.exited(5_000)).exitCode).toBe(143);
    const lessPid = Number(readFileSync(pidFile, 'utf8'));
    const alive = (): boolean => {
      try {
        process.kill(lessPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(false);
    expect(JSON.parse(readFileSync(progress, 'utf8')).lessons.long.readAt).toBeTruthy();
  });

  // (That the whole lesson is printed is checked in process, test/commands/pager.test.ts: node-pty can drop
  // the last few kilobytes a program writes just before it exits.)
  it('that cannot be started is skipped: the lesson is printed', async () => {
    const session = spawnPty(['--lessons', course, '--progress', join(tempDir(), 'p.json'), 'read', 'long'], { env: { PAGER: 'no-such-pager-anywhere' }, rows: 10 });
    await session.waitFor('Paragraph 0');
    expect((await session.exited()).exitCode).toBe(0);
    expect(session.screen()).not.toMatch(/no-such-pager|ENOENT/);
  });

  it('is not used on a dumb terminal, where less cannot work', async () => {
    const session = spawnPty(['--lessons', course, '--progress', join(tempDir(), 'p.json'), 'read', 'long'], { env: { PAGER: 'less', TERM: 'dumb' }, rows: 10 });
    await session.waitFor('Paragraph 0');
    expect((await session.exited()).exitCode).toBe(0);
    expect(session.output()).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});
