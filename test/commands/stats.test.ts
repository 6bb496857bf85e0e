// pm-guide stats on progress made the way a learner makes it: reading, then
// answering a real quiz (in process, with scripted answers), some right and
// some wrong.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/quiz/types.js';
import { quizAnswers, runIn, type Answer } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, hasEscapes, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

describe('pm-guide stats', () => {
  let progress: string;
  let right: Question;
  let wrong: Question;

  beforeAll(async () => {
    progress = join(tempDir(), 'progress.json');
    const pm = (args: string[], answers: Answer[] = []) => runIn(['--lessons', course, '--progress', progress, ...args], { tty: true, answers });
    expect((await pm(['read', 'areas-and-tools', '--no-pager'])).code).toBe(0);
    // Two questions on tools: the first answered right, the second wrong.
    const plan = await quizAnswers(course, [true, false]);
    const quiz = await pm(['quiz', 'areas-and-tools', '--topic', 'tools', '--count', '2', '--seed', '5'], plan.answers);
    expect(quiz.stdout).toContain('Score: 1 of 2');
    [right, wrong] = plan.asked as [Question, Question];
  });

  it('--json gives reading, accuracy per topic and lesson, the weakest question, reviews and the streak', async () => {
    const r = await runIn(['--lessons', course, '--progress', progress, 'stats', '--json']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats.totals).toMatchObject({ pages: 5, pagesRead: 1, lessons: 3, lessonsRead: 1, passed: 0, answers: 2, right: 1, accuracy: 0.5, questionsAnswered: 2 });
    expect(stats.modules[0]).toMatchObject({ title: 'Gardening Basics', lessons: 2, read: 1, mastered: 0 });
    expect(stats.topics).toEqual([
      expect.objectContaining({ topic: 'responsibilities', answers: 0, accuracy: null }),
      expect.objectContaining({ topic: 'tools', answers: 2, right: 1, accuracy: 0.5 }),
      expect.objectContaining({ topic: 'examples', answers: 0, accuracy: null }),
    ]);
    // Two questions are practice: too few for a score that passes or fails the lesson.
    expect(stats.lessons).toEqual([expect.objectContaining({ id: 'areas-and-tools', number: '1.2', answers: 2, right: 1, bestScore: null })]);
    expect(stats.weakest).toHaveLength(1);
    expect(stats.weakest[0]).toMatchObject({ questionId: wrong.id, prompt: wrong.prompt, answers: 1, right: 0, recent: [false] });
    expect(stats.weakest.some((w: { questionId: string }) => w.questionId === right.id)).toBe(false);
    // Both questions come back within the week ahead: tomorrow at the earliest.
    const r7 = stats.reviews;
    expect(r7.dueNow + r7.laterToday + r7.week.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(2);
    expect(stats.streak).toMatchObject({ current: 1, longest: 1, activeToday: true });
    expect(stats.activity.at(-1).count).toBeGreaterThanOrEqual(3); // one read and two answers today
  });

  it('draws it as a picture: bars, the missed question, the week ahead and an activity chart', async () => {
    const r = await runIn(['--lessons', course, '--progress', progress, 'stats'], { env: { COLUMNS: '90' } });
    expect(r.code).toBe(0);
    expect(hasEscapes(r.stdout)).toBe(false);
    const out = r.stdout;
    expect(out).toMatch(/Pages read +█+░+ +20% +1 of 5/);
    const tools = /tools +(█+)(░+) +50% +1 of 2 right/.exec(out);
    expect(tools, out).not.toBeNull();
    expect(tools![1]!.length).toBe(tools![2]!.length); // half full
    expect(out).toMatch(/responsibilities +░+ +— +no answers yet/);
    const weakest = out.slice(out.indexOf('Weakest questions'));
    expect(weakest).toContain('0 of 1 right');
    expect(weakest).toContain(wrong.prompt.split('\n')[0]!.slice(0, 30));
    expect(out).toMatch(/Streak +1 day in a row/);
    // The activity chart: a row per weekday, today shaded.
    const chart = out.slice(out.indexOf('Activity, last'));
    const rows = chart.split('\n').slice(2, 9);
    expect(rows.filter((l) => /^ {2}(Mon|Wed|Fri|Sun) /.test(l))).toHaveLength(4);
    // Only today was active: one cell, in the darkest shade; the other days are dots.
    expect(rows.join('').match(/[░▒▓█]/g)).toEqual(['█']);
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(90);
  });

  it('fits a narrow terminal', async () => {
    for (const args of [['stats'], []]) {
      const r = await runIn(['--lessons', course, '--progress', progress, ...args], { env: { COLUMNS: '50' } });
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(50);
    }
  });

  it('shows a fresh start without errors or numbers that mean nothing', async () => {
    const r = await runIn(['--lessons', course, '--progress', join(tempDir(), 'none.json'), 'stats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('none yet: pm-guide quiz starts one');
    expect(r.stdout).not.toMatch(/NaN|undefined|null/);
  });
});
