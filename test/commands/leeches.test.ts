// Leeches, in process: a question missed a fourth time shows the passage it
// comes from and rests; another question on the same fact comes in its
// place; stats lists it; a right answer to the replacement frees the lesson.
import type { PreviewQuestion } from '../helpers/answer-quiz.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quizAnswers, runIn, type Answer } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

const DAY = 86_400_000;
const start = new Date(2025, 4, 5, 9).getTime();

/** A learner who has missed one question three times; it is due today. */
async function learnerWithThreeMisses(pick: (questions: PreviewQuestion[]) => PreviewQuestion) {
  const dir = tempDir();
  const progress = join(dir, 'progress.json');
  const pm = (args: string[], day: number, options: { tty?: boolean; answers?: Answer[] } = {}) =>
    runIn(['--lessons', course, '--progress', progress, ...args], { ...options, env: { HOME: dir }, now: () => new Date(start + day * DAY) });
  const questions = JSON.parse((await pm(['quiz', 'duties', '--preview', '--json'], 0)).stdout) as PreviewQuestion[];
  const leech = pick(questions);
  const at = (day: number) => Math.floor((start + day * DAY) / 1000);
  const passed = { readAt: new Date(start).toISOString(), reads: 1, bestScore: 1, lastScore: 1 };
  writeFileSync(
    progress,
    JSON.stringify({
      version: 1,
      lessons: { basics: { readAt: passed.readAt, reads: 1 }, duties: passed },
      items: {
        [leech.id]: { lesson: 'duties', topic: 'responsibilities', due: at(0), stability: 0.5, difficulty: 9, reps: 3, lapses: 2, state: 3, learningSteps: 0, last: at(-1), history: [[at(-3), 0], [at(-2), 0], [at(-1), 0]], seen: 3, right: 0 },
      },
      days: {},
    }),
  );
  const saved = () => JSON.parse(readFileSync(progress, 'utf8')) as { items: Record<string, { seen: number; right: number; due: number }> };
  return { pm, leech, questions, saved };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
const quizPrompts = (asked: Array<{ kind: string; message: string }>) => asked.filter((a) => a.kind === 'quiz').map((a) => a.message);

describe('a leech', () => {
  it('missed a fourth time: shows its passage, and a different question on the same fact comes back instead', async () => {
    const l = await learnerWithThreeMisses((qs) => qs.find((q) => q.id.startsWith('r-name-'))!);
    const miss = await quizAnswers(course, [false]);
    const fourth = await l.pm(['quiz', '--review'], 0, { tty: true, answers: miss.answers });
    expect(quizPrompts(fourth.asked)[0]).toBe(l.leech.prompt);
    const out = flat(fourth.stdout);
    expect(out).toContain('Missed 4 times: asking it the same way again will not help, so this question rests.');
    expect(out).toContain('Read where it comes from, 1.1 Duties of a Gardener › Main Duties › Planning the Beds: Deciding what grows where');
    expect(out).toContain('From tomorrow, a different question on the same thing comes in its place.');
    expect(out).not.toContain('again tomorrow');

    // The next day: the other question on that fact, never the leech.
    expect((await l.pm(['next'], 1)).stdout.split('\n')[0]).toBe('Next: review 1 question due. Run it in a terminal: pm-guide quiz --review');
    const right = await quizAnswers(course, [true]);
    const review = await l.pm(['quiz', '--review'], 1, { tty: true, answers: right.answers });
    expect(right.asked).toHaveLength(1);
    expect(right.asked[0]!.id).not.toBe(l.leech.id);
    expect(right.asked[0]!.fact).toBe(miss.asked[0]!.fact);
    expect(review.stdout).not.toContain('Missed 4 times');
    expect(l.saved().items[l.leech.id]).toMatchObject({ seen: 4, right: 0 }); // Its history is kept.

    // A lesson quiz asks the replacement too, not the leech, while it has other questions to ask.
    const quiz = await l.pm(['quiz', 'duties', '--count', '12', '--seed', '5'], 2, { tty: true, answers: (await quizAnswers(course, Array(12).fill(true))).answers });
    expect(quizPrompts(quiz.asked)).not.toContain(l.leech.prompt);

    const stats = await l.pm(['stats'], 2);
    expect(stats.stdout).toMatch(/Leeches/);
    expect(stats.stdout).toMatch(/missed 4×/);
    expect(stats.stdout).toContain('another question asks it instead');
    const json = JSON.parse((await l.pm(['stats', '--json'], 2)).stdout) as { leeches: Array<{ questionId: string; misses: number; replaced: boolean }> };
    expect(json.leeches).toEqual([expect.objectContaining({ questionId: l.leech.id, misses: 4, replaced: true })]);
  });

  it('with no other question on its fact, it rests: no longer due, listed in stats as resting', async () => {
    const l = await learnerWithThreeMisses((qs) => qs.find((q) => q.id.startsWith('e-example-'))!);
    const fourth = await l.pm(['quiz', '--review'], 0, { tty: true, answers: (await quizAnswers(course, [false])).answers });
    expect(flat(fourth.stdout)).toContain('Missed 4 times');
    expect(flat(fourth.stdout)).toContain('No other question asks this');
    expect((await l.pm(['quiz', '--review'], 1, { tty: true })).stdout).toContain('Nothing is due for review.');
    expect((await l.pm(['stats'], 1)).stdout).toContain('resting');
  });

  it('is not a leech at three misses: it comes back as itself', async () => {
    const l = await learnerWithThreeMisses((qs) => qs.find((q) => q.id.startsWith('r-name-'))!);
    const right = await l.pm(['quiz', '--review'], 0, { tty: true, answers: (await quizAnswers(course, [true])).answers });
    expect(right.stdout).not.toContain('Missed 4 times');
    expect((await l.pm(['stats', '--json'], 0)).stdout).toMatch(/"leeches": \[\]/);
  });
});
