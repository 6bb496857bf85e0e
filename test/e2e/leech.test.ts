// A question becoming a leech, in a real terminal: after the fourth miss the
// quiz shows the passage it comes from and says what happens instead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, run, tempDir } from '../helpers/run.js';
import { keys, spawnPty } from '../helpers/pty.js';
import { sayHowSure } from '../helpers/answer-quiz.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

describe('a leech on screen', () => {
  it('the fourth miss shows the passage to read and what comes instead', async () => {
    const progress = join(tempDir(), 'p.json');
    const questions = JSON.parse(run(['--lessons', course, 'quiz', 'duties', '--preview', '--json']).stdout) as Array<{ id: string; kind: string; choices: string[]; answer: string; prompt: string }>;
    const q = questions.find((x) => x.id.startsWith('r-desc-') && x.prompt.includes('Deciding what grows where'))!;
    const now = Math.floor(Date.now() / 1000);
    const day = 86_400;
    writeFileSync(
      progress,
      JSON.stringify({
        version: 1,
        lessons: { basics: { readAt: new Date().toISOString(), reads: 1 }, duties: { readAt: new Date().toISOString(), reads: 1, bestScore: 1 } },
        items: { [q.id]: { lesson: 'duties', topic: 'responsibilities', due: now - 60, stability: 0.5, difficulty: 9, reps: 3, lapses: 2, state: 3, learningSteps: 0, last: now - day, history: [[now - 3 * day, 0], [now - 2 * day, 0], [now - day, 0]], seen: 3, right: 0 } },
        days: {},
      }),
    );
    const session = spawnPty(['--lessons', course, '--progress', progress, 'quiz', '--review'], { cols: 80, rows: 40 });
    await session.waitFor((screen) => q.choices.every((c) => screen.includes(c)));
    const shown = session.screen();
    const order = [...q.choices].sort((a, b) => shown.lastIndexOf(a) - shown.lastIndexOf(b));
    const wrong = order.findIndex((c) => c !== q.answer);
    session.write(keys.down.repeat(wrong) + keys.enter);
    await sayHowSure(session, 0);
    await session.waitFor('Missed 4 times');
    await session.waitFor('a different question on the same thing comes in its place');
    const screen = session.screen().replace(/\s+/g, ' ');
    expect(screen).toContain('Read where it comes from, 1.1 Duties of a Gardener › Main Duties › Planning the Beds:');
    expect(screen).toContain('Deciding what grows where');
    expect(screen).not.toContain('again tomorrow');
    // The quiz still asks it once more, as practice; Esc leaves.
    await session.waitFor('Once more, to fix it');
    session.write(keys.esc);
    expect((await session.exited()).exitCode).toBe(0);
  });
});
