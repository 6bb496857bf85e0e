// What a learner sees in a terminal when a lesson they read has changed:
// `next` names it and shows the paragraphs added and removed, marked + and −.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, run, tempDir } from '../helpers/run.js';
import { spawnPty } from '../helpers/pty.js';

afterAll(cleanTemps);

describe('a lesson changed since it was read', () => {
  it('next shows what changed, in the terminal, and then moves on', async () => {
    const dir = tempDir();
    const course = join(dir, 'course');
    cpSync(join(fixturesDir, 'course'), course, { recursive: true });
    const args = ['--lessons', course, '--progress', join(dir, 'progress.json')];
    const env = { HOME: dir }; // One home: the copy of the lesson as read is in its cache.
    const first = spawnPty([...args, 'read', 'duties', '--no-pager'], { env });
    await first.waitFor('Check yourself');
    expect((await first.exited()).exitCode).toBe(0);

    const file = join(course, '01-basics', '01-duties.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('early in the day', 'at dawn'));
    const session = spawnPty([...args, 'next', '--no-pager'], { cols: 60, env });
    await session.waitFor('Next: 1.1 Duties of a Gardener changed since you read it');
    await session.waitFor('1 paragraph added (+), 1 removed (−)');
    const screen = session.screen();
    expect(screen).toMatch(/\+ Giving plants water at the roots, at dawn,/);
    expect(screen).toMatch(/− Giving plants water at the roots, early in the day,/);
    // Wrapped under its mark, not under the margin.
    expect(screen).toMatch(/\n {4}\S/);
    expect(screen).not.toContain('Deciding what grows where');
    expect((await session.exited()).exitCode).toBe(0);
    expect(run([...args, 'list'], { env }).stdout).not.toContain('changed since you read it');
  });
});
