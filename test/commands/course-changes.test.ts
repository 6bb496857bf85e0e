// A course that changes under the learner, end to end in process: a lesson
// read and quizzed, then edited (a sentence reworded, a section added, a
// section deleted). Each edit must show as "changed since you read it" in
// next and list, `read --changes` must show the paragraphs added and removed,
// and the review queue must hold exactly the questions the edit touched.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quizAnswers, runIn, type Answer } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

interface Saved {
  lessons: Record<string, { readAt?: string; hash?: string }>;
  items: Record<string, { seen: number; right: number; due: number; src?: string; history: unknown[] }>;
}

/** A learner on their own copy of the fixture course, who has read and passed 1.1. */
async function learnerWhoPassedDuties() {
  const dir = tempDir();
  const course = join(dir, 'course');
  cpSync(join(fixturesDir, 'course'), course, { recursive: true });
  const progress = join(dir, 'progress.json');
  // One home for every run: the copies of lessons as read live in its cache folder.
  const env = { HOME: dir };
  const pm = (args: string[], options: { tty?: boolean; answers?: Answer[]; now?: () => Date } = {}) => runIn(['--lessons', course, '--progress', progress, ...args], { ...options, env });
  const saved = () => JSON.parse(readFileSync(progress, 'utf8')) as Saved;
  const duties = join(course, '01-basics', '01-duties.md');
  const edit = (from: string | RegExp, to: string) => {
    const text = readFileSync(duties, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`nothing to edit: ${String(from)}`);
    writeFileSync(duties, next);
  };
  await pm(['read', 'duties', '--no-pager'], { tty: true });
  const plan = await quizAnswers(course, Array(12).fill(true));
  const quiz = await pm(['quiz', 'duties', '--count', '12', '--seed', '3'], { tty: true, answers: plan.answers });
  expect(quiz.stdout).toContain('Passed');
  const firstLine = async (args: string[]) => (await pm(args)).stdout.split('\n')[0] ?? '';
  return { course, progress, dir, pm, saved, edit, asked: plan.asked, firstLine };
}

const dutiesLine = (list: string) => list.split('\n').find((l) => l.includes('Duties of a Gardener'))!;

describe('a lesson that changes after it was read', () => {
  it('before any edit, nothing is changed and nothing is due', async () => {
    const l = await learnerWhoPassedDuties();
    expect(l.saved().lessons.duties?.hash).toMatch(/^[0-9a-z]+$/);
    expect(Object.values(l.saved().items).every((i) => typeof i.src === 'string')).toBe(true);
    expect(dutiesLine((await l.pm(['list'])).stdout)).not.toContain('changed');
    expect(await l.firstLine(['next'])).toBe('Next: reading 1 Gardening Basics');
  });

  it('a reworded sentence: changed in next and list, its paragraphs shown, and its question due again', async () => {
    const l = await learnerWhoPassedDuties();
    l.edit('so the ground stays rich and holds moisture', 'so the ground stays fertile and holds moisture');
    expect(dutiesLine((await l.pm(['list'])).stdout)).toContain('changed since you read it');
    expect(await l.firstLine(['next'])).toBe('Next: 1.1 Duties of a Gardener changed since you read it. See what changed in a terminal: pm-guide read duties --changes');

    const changes = await l.pm(['read', 'duties', '--changes', '--no-pager'], { tty: true });
    expect(changes.stdout).toContain('What changed in 1.1 Duties of a Gardener since you read it');
    expect(changes.stdout).toContain('1 paragraph added (+), 1 removed (−)');
    expect(changes.stdout).toMatch(/\+ Adding compost and mulch so the ground stays fertile/);
    expect(changes.stdout).toMatch(/− Adding compost and mulch so the ground stays rich/);
    expect(changes.stdout).not.toContain('Deciding what grows where'); // Unchanged paragraphs are not shown.
    // Read now: no longer changed.
    expect(dutiesLine((await l.pm(['list'])).stdout)).not.toContain('changed');

    // The question on that sentence (one per fact was asked) is due again; the rest are not.
    const feeding = l.asked.filter((q) => q.prompt.includes('Adding compost and mulch'));
    expect(feeding).toHaveLength(1);
    expect(await l.firstLine(['next'])).toBe('Next: review 1 question due. Run it in a terminal: pm-guide quiz --review');
    const review = await l.pm(['quiz', '--review'], { tty: true, answers: (await quizAnswers(l.course, [true])).answers });
    expect(review.asked.filter((a) => a.kind === 'quiz').map((a) => a.message)[0]).toContain('stays fertile');
    expect(l.saved().items[feeding[0]!.id]!.seen).toBe(2); // Its history kept: the old answer and the new one.
    expect(await l.firstLine(['next'])).toBe('Next: reading 1 Gardening Basics');
  });

  it('an added section: its questions are new and due, and the learner is asked them', async () => {
    const l = await learnerWhoPassedDuties();
    l.edit(
      '---\n\n<div class="nav-buttons">',
      '### 5. Saving Seeds\n\nDrying and storing seed from the best plants to sow again next year.\n\n- **Example**: Hanging bean pods to dry in the shed in October.\n- **Outcome**: Free seed that suits your own garden.\n\n---\n\n<div class="nav-buttons">',
    );
    const changes = await l.pm(['read', 'duties', '--changes', '--no-pager'], { tty: true });
    expect(changes.stdout).toContain('paragraphs added (+), 0 removed (−)');
    expect(changes.stdout).toMatch(/\+ 5\. Saving Seeds/);
    expect(changes.stdout).toMatch(/are due again: pm-guide next asks them/);
    // Still due after the reading that cleared "changed": the new questions are kept as due.
    const next = await l.firstLine(['next']);
    expect(next).toMatch(/^Next: review [1-9]\d* questions? due/);
    // A quiz asks no two questions with one answer: the new ones may take two reviews.
    const asked: string[] = [];
    for (let round = 0; round < 3 && (await l.firstLine(['next'])).startsWith('Next: review'); round++) {
      const plan = await quizAnswers(l.course, [true, true, true]);
      expect((await l.pm(['quiz', '--review'], { tty: true, answers: plan.answers })).code).toBe(0);
      asked.push(...plan.asked.map((q) => `${q.source.text} ${q.prompt}`));
    }
    expect(asked.length).toBeGreaterThan(1);
    expect(asked).toEqual(asked.map(() => expect.stringMatching(/Saving Seeds|Drying and storing|bean pods|Free seed/)));
    expect(await l.firstLine(['next'])).toBe('Next: reading 1 Gardening Basics');
  });

  it('a deleted section: its questions leave the review queue, their history stays in the file', async () => {
    const l = await learnerWhoPassedDuties();
    const records = l.asked.filter((q) => /Keeping Records|Writing down sowing dates|notebook/.test(`${q.source.text} ${q.prompt}`));
    expect(records.length).toBeGreaterThan(0);
    l.edit(/### 4\. Keeping Records[\s\S]*?(?=---\n\n<div)/, '');
    expect(await l.firstLine(['next'])).toMatch(/changed since you read it/);
    // A month on, everything answered is due, except what the course no longer asks.
    const later = () => new Date(Date.now() + 30 * 86_400_000);
    const stats = JSON.parse((await l.pm(['stats', '--json'])).stdout) as { reviews: { dueNow: number } };
    const statsLater = JSON.parse((await l.pm(['stats', '--json'], { now: later })).stdout) as { reviews: { dueNow: number } };
    expect(stats.reviews.dueNow).toBe(0);
    expect(statsLater.reviews.dueNow).toBe(l.asked.length - records.length);
    const changes = await l.pm(['read', 'duties', '--changes', '--no-pager'], { tty: true });
    expect(changes.stdout).toMatch(/0 paragraphs added \(\+\), [1-9]\d* removed/);
    expect(changes.stdout).toMatch(/− 4\. Keeping Records/);
    for (const q of records) expect(l.saved().items[q.id]).toMatchObject({ seen: 1, right: 1 });
    const review = await l.pm(['quiz', '--review', '--count', '50'], { tty: true, now: later, answers: (await quizAnswers(l.course, Array(20).fill(true))).answers });
    expect(review.asked.filter((a) => a.kind === 'quiz')).toHaveLength(l.asked.length - records.length);
    expect(review.asked.some((a) => /Writing down|notebook/.test(a.message))).toBe(false);
  });

  it('a lesson read before pm-guide kept copies shows as changed, and read --changes shows it whole', async () => {
    const l = await learnerWhoPassedDuties();
    const { rmSync } = await import('node:fs');
    rmSync(join(l.dir, 'cache', 'pm-guide', 'read'), { recursive: true });
    l.edit('early in the day', 'at dawn');
    const r = await l.pm(['read', 'duties', '--changes', '--no-pager'], { tty: true });
    expect(r.stdout).toContain('kept no copy of the version you read');
    expect(r.stdout).toContain('Deciding what grows where');
  });

  it('old progress without hashes is never "changed"', async () => {
    const l = await learnerWhoPassedDuties();
    const old = l.saved() as unknown as { lessons: Record<string, Record<string, unknown>>; items: Record<string, Record<string, unknown>> };
    for (const lesson of Object.values(old.lessons)) delete lesson.hash;
    for (const item of Object.values(old.items)) delete item.src;
    writeFileSync(l.progress, JSON.stringify(old));
    l.edit('early in the day', 'at dawn');
    expect(dutiesLine((await l.pm(['list'])).stdout)).not.toContain('changed');
    expect(await l.firstLine(['next'])).toBe('Next: reading 1 Gardening Basics');
  });
});
