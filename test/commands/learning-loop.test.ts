// The learning loop as a learner meets it, in process with scripted answers:
// read means shown on a terminal, a quiz gives hints, takes "I don't know",
// asks a missed question once more, lets Esc leave, names where an answer
// lives, and passing counts only for a quiz long enough to say something.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CTRL_C, DONT_KNOW, ESC, HINT, quizAnswers, runIn, type Answer } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

function learner() {
  const progress = join(tempDir(), 'progress.json');
  const pm = (args: string[], options: { tty?: boolean; answers?: Answer[]; env?: Record<string, string> } = {}) =>
    runIn(['--lessons', course, '--progress', progress, ...args], options);
  const saved = () => JSON.parse(readFileSync(progress, 'utf8')) as { lessons: Record<string, { readAt?: string; bestScore?: number }>; items: Record<string, { seen: number; right: number; due: number }> };
  return { progress, pm, saved };
}

describe('reading', () => {
  it('marks a lesson read when it is shown on a terminal, never when it is piped', async () => {
    const { pm, saved } = learner();
    expect((await pm(['read', 'duties'])).stdout).toContain('Duties of a Gardener');
    expect((await pm(['list', '--json'])).stdout).toMatch(/"read": 0/);
    await pm(['read', 'duties', '--no-pager'], { tty: true });
    expect(saved().lessons.duties?.readAt).toBeTruthy();
  });
});

describe('a quiz', () => {
  it('gives a hint that names the section, and still takes the answer after it', async () => {
    const { pm, saved } = learner();
    const plan = await quizAnswers(course, [true]);
    const r = await pm(['quiz', 'duties', '--count', '1', '--seed', '4'], { tty: true, answers: [HINT, ...plan.answers] });
    expect(r.stdout).toMatch(/Hint: the answer is in 1\.1 Duties of a Gardener › /);
    expect(r.stdout).toContain('✓ Right.');
    expect(Object.values(saved().items)).toEqual([expect.objectContaining({ seen: 1, right: 1 })]);
  });

  it('takes "I don\'t know" as a miss that shows the answer, and asks the question once more at the end', async () => {
    const { pm, saved } = learner();
    const plan = await quizAnswers(course, [true]);
    const r = await pm(['quiz', 'duties', '--count', '1', '--seed', '4'], { tty: true, answers: [DONT_KNOW, ...plan.answers] });
    expect(r.stdout).toMatch(/The answer: /);
    expect(r.stdout).toContain('It comes back at the end of this quiz, and again tomorrow.');
    expect(r.stdout).toMatch(/Once more, to fix it/);
    expect(r.asked.filter((a) => a.kind === 'quiz')).toHaveLength(2);
    expect(r.stdout).toContain('Score: 0 of 1');
    // The second attempt is practice: one answer saved, a miss.
    expect(Object.values(saved().items)).toEqual([expect.objectContaining({ seen: 1, right: 0 })]);
  });

  it('says where the answer lives, in plain words, never a file and line', async () => {
    const { pm } = learner();
    const plan = await quizAnswers(course, [false, false, false]);
    const r = await pm(['quiz', 'areas-and-tools', '--count', '3', '--seed', '9'], { tty: true, answers: plan.answers });
    expect(r.stdout).toMatch(/ {2}1\.2 Areas and Tools › /);
    expect(r.stdout).not.toMatch(/\.md:\d+|\| /);
  });

  it('leaves on Esc with the answers given saved, and exits normally', async () => {
    const { pm, saved } = learner();
    const plan = await quizAnswers(course, [true, true]);
    const r = await pm(['quiz', 'duties', '--count', '4', '--seed', '2'], { tty: true, answers: [plan.answers[0]!, ESC] });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Left the quiz. 1 answer saved.');
    expect(Object.keys(saved().items)).toHaveLength(1);
  });

  it('passes a lesson only with enough questions; passing one not read counts as known, and next moves past it', async () => {
    const { pm, saved } = learner();
    const short = await quizAnswers(course, [true]);
    expect((await pm(['quiz', 'duties', '--count', '1'], { tty: true, answers: short.answers })).stdout).toContain('Practice only');
    expect(saved().lessons.duties?.bestScore).toBeUndefined();
    const full = await quizAnswers(course, Array(10).fill(true));
    const r = await pm(['quiz', 'duties', '--seed', '1'], { tty: true, answers: full.answers });
    expect(r.stdout).toContain('Passed without reading it');
    const list = (await pm(['list'])).stdout;
    expect(list).toMatch(/Duties of a Gardener .*known without reading/);
    expect(list).not.toMatch(/mastered · unread|unread · mastered/);
    await pm(['read', 'basics', '--no-pager'], { tty: true });
    expect((await pm(['next'])).stdout.split('\n')[0]).toBe('Next: reading 1.2 Areas and Tools');
  });

  it('on a bare `pm-guide quiz`, quizzes the first lesson with questions, not the module page a new learner is on', async () => {
    const { pm } = learner();
    const plan = await quizAnswers(course, [true]);
    const r = await pm(['quiz', '--count', '1'], { tty: true, answers: plan.answers });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1\.1 Duties of a Gardener/m);
  });

  it('in a review, says which lesson each question comes from', async () => {
    const { progress, pm } = learner();
    const plan = await quizAnswers(course, [false]);
    await pm(['quiz', 'duties', '--count', '1'], { tty: true, answers: plan.answers });
    const tomorrow = () => new Date(Date.now() + 2 * 86_400_000);
    const again = await quizAnswers(course, [true]);
    const r = await runIn(['--lessons', course, '--progress', progress, 'quiz', '--review'], { tty: true, answers: again.answers, now: tomorrow });
    expect(r.stdout).toMatch(/Question 1 of 1 · from 1\.1 Duties of a Gardener/);
  });
});

describe('finding a lesson', () => {
  it('takes American spelling for British titles, and lists every match of an ambiguous name', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'a.md'), '---\ntitle: Prioritisation\n---\n# Prioritisation\n\nWords.\n');
    for (let i = 0; i < 7; i++) writeFileSync(join(dir, `p${i}.md`), `---\ntitle: Product note ${i}\n---\n# Product note ${i}\n\nWords.\n`);
    expect((await runIn(['--lessons', dir, 'read', 'prioritization'])).stdout).toContain('Prioritisation');
    const r = await runIn(['--lessons', dir, 'read', 'product']);
    expect(r.stderr).toMatch(/"product" matches 7 lessons/);
    expect(r.stderr).toMatch(/and 1 more/);
  });
});

describe('an answer on screen is saved', () => {
  it.each([
    ['Ctrl-C', CTRL_C, 130, 'Stopped. 1 answer saved.'],
    ['Esc', ESC, 0, 'Left the quiz. 1 answer saved.'],
  ] as const)('when %s comes at "How sure?": kept as "think so"', async (_key, key, code, said) => {
    const { pm, saved } = learner();
    const plan = await quizAnswers(course, [true, true]);
    const r = await pm(['quiz', 'duties', '--count', '3', '--seed', '2'], { tty: true, answers: [plan.answers[0]!, key] });
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toContain(said);
    expect(Object.values(saved().items)).toEqual([expect.objectContaining({ seen: 1, right: 1 })]);
  });
});
