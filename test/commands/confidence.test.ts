// Confidence with every answer, in process: one key after an answer says how
// sure (Enter: think so); the schedule uses it; stats shows calibration and
// names topics where the learner is confidently wrong; export and import keep it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESC, GUESS, SURE, THINK, quizAnswers, runIn, type Answer } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

interface Item {
  stability: number;
  due: number;
  cal?: number[];
  topic: string;
}

/** One answer to a one-question quiz (the same question every time: a fixed seed), right or wrong, with a confidence key or none. */
async function answerOnce(right: boolean, key?: symbol) {
  const dir = tempDir();
  const progress = join(dir, 'progress.json');
  const plan = await quizAnswers(course, [right]);
  const [first, ...rest] = plan.answers;
  const answers: Answer[] = key ? [first!, key, ...rest] : plan.answers;
  const r = await runIn(['--lessons', course, '--progress', progress, 'quiz', 'duties', '--count', '1', '--seed', '4'], { tty: true, answers });
  const items = Object.values((JSON.parse(readFileSync(progress, 'utf8')) as { items: Record<string, Item> }).items);
  return { r, item: items[0]!, dir, progress };
}

describe('how sure', () => {
  it('is asked after every answer, and Enter (no key) is "think so"', async () => {
    const none = await answerOnce(true);
    expect(none.item.cal).toEqual([0, 0, 1, 1, 0, 0]);
    const sure = await answerOnce(true, SURE);
    expect(sure.r.asked.map((a) => a.kind)).toEqual(['quiz', 'confidence']);
    expect(sure.item.cal).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('a confident miss leaves a weaker memory than a plain one', async () => {
    const sure = await answerOnce(false, SURE);
    const think = await answerOnce(false, THINK);
    expect(sure.item.cal).toEqual([1, 0, 0, 0, 0, 0]);
    expect(sure.item.stability).toBeLessThan(think.item.stability);
  });

  it('a confident miss comes back no later than a plain miss of the same day, and is reviewed before it', async () => {
    // Two questions missed in one quiz, one sure and one "think so"; two days on, a review of one question asks the confident miss.
    const start = new Date();
    const later = new Date(start.getTime() + 2 * 86_400_000);
    for (const keys of [[SURE, THINK], [THINK, SURE]] as const) {
      const progress = join(tempDir(), 'progress.json');
      const plan = await quizAnswers(course, [false, false]);
      const [a, b, ...rest] = plan.answers;
      await runIn(['--lessons', course, '--progress', progress, 'quiz', 'duties', '--count', '2', '--seed', '4'], { tty: true, answers: [a!, keys[0], b!, keys[1], ...rest], now: () => start });
      const [first, second] = plan.asked;
      const items = (JSON.parse(readFileSync(progress, 'utf8')) as { items: Record<string, Item> }).items;
      const [sure, think] = keys[0] === SURE ? [first!, second!] : [second!, first!];
      expect(items[sure.id]!.cal).toEqual([1, 0, 0, 0, 0, 0]);
      expect(items[sure.id]!.due).toBeLessThanOrEqual(items[think.id]!.due);
      const review = await runIn(['--lessons', course, '--progress', progress, 'quiz', '--review', '--count', '1'], { tty: true, answers: [ESC], now: () => later });
      expect(review.asked[0]!.message).toBe(sure.prompt);
    }
  });

  it('a right guess is scheduled as hard: it comes back sooner than a right "think so"', async () => {
    const guess = await answerOnce(true, GUESS);
    const think = await answerOnce(true, THINK);
    expect(guess.item.cal).toEqual([0, 0, 0, 0, 1, 1]);
    expect(guess.item.stability).toBeLessThan(think.item.stability);
    expect(guess.item.due).toBeLessThanOrEqual(think.item.due);
  });

  it('stats shows calibration per topic and module, and names the topics where the learner is confidently wrong', async () => {
    const progress = join(tempDir(), 'progress.json');
    const preview = async (lesson: string) => JSON.parse((await runIn(['--lessons', course, 'quiz', lesson, '--preview', '--json'])).stdout) as Array<{ id: string; topic: string }>;
    const duties = await preview('duties');
    const seasons = await preview('seasons');
    const id = (qs: Array<{ id: string; topic: string }>, topic: string) => qs.find((q) => q.topic === topic)!.id;
    const t = Math.floor(Date.now() / 1000);
    const item = (topic: string, lesson: string, cal: number[]) => ({ lesson, topic, due: t + 86_400, stability: 2, difficulty: 5, reps: 1, lapses: 0, state: 2, learningSteps: 0, last: t, history: [[t, 1]], seen: cal[0]! + cal[2]! + cal[4]!, right: cal[1]! + cal[3]! + cal[5]!, cal });
    writeFileSync(
      progress,
      JSON.stringify({
        version: 1,
        lessons: {},
        items: {
          [id(duties, 'responsibilities')]: item('responsibilities', 'duties', [10, 9, 2, 1, 4, 2]),
          [id(duties, 'examples')]: item('examples', 'duties', [4, 1, 0, 0, 1, 0]),
          [seasons[0]!.id]: item(seasons[0]!.topic, 'seasons', [0, 0, 3, 3, 0, 0]),
        },
        days: {},
      }),
    );
    const pm = (args: string[]) => runIn(['--lessons', course, '--progress', progress, ...args], { columns: 100 });
    const json = JSON.parse((await pm(['stats', '--json'])).stdout) as { calibration: { overall: { sure: { answers: number; right: number } }; confidentlyWrong: string[]; modules: Array<{ number: string }> } };
    expect(json.calibration.overall.sure).toMatchObject({ answers: 14, right: 10 });
    expect(json.calibration.confidentlyWrong).toEqual(['examples']);
    expect(json.calibration.modules.map((m) => m.number)).toEqual(['1', '2']);
    const text = (await pm(['stats'])).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('How sure you were');
    expect(text).toContain('When you were sure you were right 71% of the time; when you thought so, 80%; when you guessed, 40%.');
    expect(text).toMatch(/responsibilities 90% of 10 80% of 5 50% of 4/);
    expect(text).toMatch(/1 Gardening Basics 71% of 14/);
    expect(text).toContain('Confidently wrong in examples');
    // On a narrow terminal each label takes a line of its own, and every line fits.
    const narrow = (await runIn(['--lessons', course, '--progress', progress, 'stats'], { env: { COLUMNS: '40' } })).stdout;
    const table = narrow.slice(narrow.indexOf('How sure you were'), narrow.indexOf('Confidently wrong'));
    expect(table).toMatch(/\n {2}responsibilities\n {4}90% of 10 {3}80% of 5 {4}50% of 4\n/);
    for (const line of table.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(40);
  });

  it('export and import keep it', async () => {
    const a = await answerOnce(true, GUESS);
    const file = join(a.dir, 'export.json');
    await runIn(['--lessons', course, '--progress', a.progress, 'export', file]);
    const other = join(tempDir(), 'other.json');
    await runIn(['--lessons', course, '--progress', other, 'import', file]);
    const items = Object.values((JSON.parse(readFileSync(other, 'utf8')) as { items: Record<string, Item> }).items);
    expect(items[0]!.cal).toEqual([0, 0, 0, 0, 1, 1]);
    // Importing the same file again counts nothing twice.
    await runIn(['--lessons', course, '--progress', other, 'import', file]);
    expect(Object.values((JSON.parse(readFileSync(other, 'utf8')) as { items: Record<string, Item> }).items)[0]!.cal).toEqual([0, 0, 0, 0, 1, 1]);
  });
});
