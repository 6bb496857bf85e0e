// Review of what is due, reached through `pm-guide next` as a learner would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, run, tempDir } from '../helpers/run.js';
import { savedProgress } from '../helpers/progress-file.js';
import { keys, spawnPty } from '../helpers/pty.js';
import { sayHowSure } from '../helpers/answer-quiz.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

describe('reviews that are due', () => {
  it('come before unread lessons in next, and an answer reschedules them', async () => {
    const dir = tempDir();
    const progress = join(dir, 'p.json');
    const questions = JSON.parse(run(['--lessons', course, 'quiz', 'duties', '--preview', '--json']).stdout) as Array<{ id: string; kind: string; prompt: string; choices: string[]; answer: string }>;
    const q = questions.find((x) => x.kind === 'single')!;
    const yesterday = Math.floor(Date.now() / 1000) - 86_400;
    const passed = { readAt: new Date().toISOString(), reads: 1, bestScore: 1, lastScore: 1 };
    writeFileSync(
      progress,
      JSON.stringify({
        version: 1,
        lessons: { basics: { readAt: passed.readAt, reads: 1 }, duties: passed },
        items: { [q.id]: { lesson: 'duties', topic: 'examples', due: yesterday, stability: 1, difficulty: 5, reps: 2, lapses: 0, state: 2, learningSteps: 0, last: yesterday - 86_400, history: [[yesterday - 86_400, 1]], seen: 1, right: 1 } },
        days: {},
      }),
    );
    const piped = run(['--lessons', course, '--progress', progress, 'next']);
    expect(piped.stdout.split('\n')[0]).toBe('Next: review 1 question due. Run it in a terminal: pm-guide quiz --review');

    const session = spawnPty(['--lessons', course, '--progress', progress, 'next']);
    await session.waitFor('Next: review 1 question due');
    await session.waitFor((screen) => q.choices.every((c) => screen.includes(c)));
    // The choices are shuffled on every attempt: the key presses follow the order on screen.
    const shown = session.screen();
    const order = [...q.choices].sort((a, b) => shown.lastIndexOf(a) - shown.lastIndexOf(b));
    session.write(keys.down.repeat(order.indexOf(q.answer)) + keys.enter);
    await sayHowSure(session, 0);
    await session.waitFor('✓ Right.');
    expect((await session.exited()).exitCode).toBe(0);
    const item = savedProgress(progress).items[q.id]!;
    expect(item.seen).toBe(2);
    expect(item.due).toBeGreaterThan(Date.now() / 1000 + 86_400);

    const after = run(['--lessons', course, '--progress', progress, 'next']);
    expect(after.stdout.split('\n')[0]).toBe('Next: reading 1.2 Areas and Tools');
  });

  it('says when nothing is due', async () => {
    const session = spawnPty(['--lessons', course, '--progress', join(tempDir(), 'p.json'), 'quiz', '--review']);
    await session.waitFor('Nothing is due for review.');
    expect((await session.exited()).exitCode).toBe(0);
  });
});
