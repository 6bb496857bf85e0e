// pm-guide placement, in process with scripted answers: the hardest questions
// first, a module stopped early when the learner is clearly strong or clearly
// new, lessons shown known marked tested out (next skips them, list says so,
// their answers join the reviews), undo, and the home screen's first-time offer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESC, quizAnswers, runIn, type Answer } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, lessonsDir, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

interface Saved {
  lessons: Record<string, { readAt?: string; testedOutAt?: string; bestScore?: number }>;
  items: Record<string, { lesson: string; seen: number; right: number; due: number }>;
  placementDeclinedAt?: string;
}

function learner(dir = course) {
  const progress = join(tempDir(), 'progress.json');
  const pm = (args: string[], options: { tty?: boolean; answers?: Answer[]; now?: () => Date } = {}) => runIn(['--lessons', dir, '--progress', progress, ...args], options);
  const saved = () => JSON.parse(readFileSync(progress, 'utf8')) as Saved;
  const testedOut = () => Object.keys(saved().lessons).filter((id) => saved().lessons[id]!.testedOutAt !== undefined);
  return { progress, pm, saved, testedOut };
}

describe('pm-guide placement', () => {
  it('needs a terminal', async () => {
    const r = await learner().pm(['placement']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
  });

  it('tests out every lesson answered right, module by module, and their answers join the reviews', async () => {
    const { pm, saved, testedOut } = learner();
    const plan = await quizAnswers(course, Array(6).fill(true));
    const r = await pm(['placement'], { tty: true, answers: plan.answers });
    expect(r.code).toBe(0);
    expect(plan.asked).toHaveLength(6); // Two questions a lesson, three lessons.
    expect(r.stdout).toMatch(/Placement test · 3 lessons, at most 6 questions/);
    expect(r.stdout).toContain('Every lesson of this module tested out (2).');
    expect(testedOut().sort()).toEqual(['areas-and-tools', 'basics', 'duties', 'more', 'seasons'].sort());
    expect(Object.values(saved().items)).toHaveLength(6);
    expect(Object.values(saved().items).every((i) => i.seen === 1 && i.right === 1)).toBe(true);
    expect(r.stdout).toMatch(/Placement done: 6 of 6 answers right\./);
    // Two days on, a week at most: the answers come back as reviews.
    const later = (days: number) => () => new Date(Date.now() + days * 86_400_000);
    expect((await pm(['next'], { now: later(30) })).stdout).toMatch(/review/i);
    const list = (await pm(['list'])).stdout;
    expect(list).toMatch(/1\.1 +Duties of a Gardener +tested out/);
    expect(list).not.toMatch(/unread/);
  });

  it('asks the hardest kind of question first: applying an idea, then a typed answer, before recall', async () => {
    const { pm } = learner();
    const plan = await quizAnswers(course, Array(6).fill(true));
    const r = await pm(['placement'], { tty: true, answers: plan.answers });
    expect(r.code).toBe(0);
    // 1.1 has examples to name (application), 1.2 none, but typed questions: the first round asks those, the example first.
    expect(plan.asked[0]!.id).toMatch(/^e-example-/);
    expect(plan.asked[1]!).toMatchObject({ lessonId: 'areas-and-tools', kind: 'text' });
    expect(plan.asked[0]!.lessonId).toBe('duties');
  });

  it('stops a module after its first three answers are wrong, and tests out none of it', async () => {
    const { pm, testedOut } = learner();
    const plan = await quizAnswers(course, [false, false, false, true, true]);
    const r = await pm(['placement'], { tty: true, answers: plan.answers });
    expect(r.code).toBe(0);
    expect(plan.asked).toHaveLength(5); // Three in the first module, which stops, then the second's two.
    expect(r.stdout).toContain('This module looks new to you');
    expect(testedOut().sort()).toEqual(['more', 'seasons']);
    expect((await pm(['next', '--no-pager'], { tty: true })).stdout).toContain('Gardening Basics');
  });

  it('tests out a lesson only when every question on it was right', async () => {
    const { pm, testedOut } = learner();
    // First round: one question on each lesson; second round the same. The second answer (second lesson's) is wrong.
    const plan = await quizAnswers(course, [true, false, true, true, true, false]);
    await pm(['placement'], { tty: true, answers: plan.answers });
    const wrongLessons = new Set([plan.asked[1]!.lessonId, plan.asked[5]!.lessonId]);
    const right = new Set(plan.asked.map((q) => q.lessonId).filter((id) => !wrongLessons.has(id)));
    expect(testedOut()).toEqual([...right]);
  });

  it('stops a module after its first four answers are right, and tests out all of it (the shipped course)', async () => {
    const { pm, testedOut } = learner(lessonsDir);
    const plan = await quizAnswers(lessonsDir, [true, true, true, true]);
    // The first module's four hardest questions, then Esc at the second module's first.
    const answers: Answer[] = [...plan.answers.slice(0, 4), ESC];
    const r = await pm(['placement'], { tty: true, answers });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/You know this module: its hardest questions were right\. 6 lessons tested out\./);
    expect(r.stdout).toMatch(/Left the placement test\. 4 answers saved\./);
    expect(testedOut()).toHaveLength(7); // Six lessons and the module's page.
    expect((await pm(['next', '--no-pager'], { tty: true })).stdout).toMatch(/Discovery and Strategy/);
  });

  it('--undo puts a lesson back on the path: next offers it again', async () => {
    const { pm, testedOut } = learner();
    const plan = await quizAnswers(course, Array(6).fill(true));
    await pm(['placement'], { tty: true, answers: plan.answers });
    const r = await pm(['placement', '--undo', '1.1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\.1 Duties of a Gardener is no longer tested out/);
    expect(testedOut()).not.toContain('duties');
    expect((await pm(['next', '--no-pager'], { tty: true })).stdout).toContain('Duties of a Gardener');
    const again = await pm(['placement', '--undo', 'duties']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/is not tested out/);
  });

  it('has nothing to ask once every lesson is read, passed or tested out', async () => {
    const { pm } = learner();
    await pm(['placement'], { tty: true, answers: (await quizAnswers(course, Array(6).fill(true))).answers });
    const r = await pm(['placement'], { tty: true });
    expect(r.stdout).toMatch(/Nothing to place/);
  });
});

describe('the home screen offers it the first time', () => {
  it('with one line and a menu item that takes the test', async () => {
    const { pm, testedOut } = learner();
    const plan = await quizAnswers(course, Array(6).fill(true));
    const r = await pm(['home'], { tty: true, answers: ['Take the placement test', ...plan.answers.slice(0, 6), 'return', undefined] });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/New here\? Take the placement test \(below\) to skip the lessons you know already\./);
    expect(r.asked[0]!.choices).toContain('Take the placement test');
    expect(testedOut()).toContain('duties');
    // Once answered, it is not offered again.
    expect(r.asked.at(-1)!.choices).not.toContain('Take the placement test');
  });

  it('which can be declined, and is then not offered again', async () => {
    const { pm, saved } = learner();
    const r = await pm(['home'], { tty: true, answers: ['No placement test, thanks', undefined] });
    expect(r.code).toBe(0);
    expect(saved().placementDeclinedAt).toBeTruthy();
    expect(r.asked[1]!.choices).not.toContain('Take the placement test');
    const again = await pm(['home'], { tty: true, answers: [undefined] });
    expect(again.stdout).not.toMatch(/New here\?/);
    expect(again.asked[0]!.choices).not.toContain('Take the placement test');
  });

  it('not once a lesson is read', async () => {
    const { pm } = learner();
    await pm(['read', 'duties', '--no-pager'], { tty: true });
    const r = await pm(['home'], { tty: true, answers: [undefined] });
    expect(r.stdout).not.toMatch(/New here\?/);
    expect(r.asked[0]!.choices).not.toContain('Take the placement test');
  });
});
