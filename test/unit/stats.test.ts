import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/core/course.js';
import type { Lesson } from '../../src/core/lesson.js';
import { dayKey, emptyProgress, markRead, recordAnswer, recordQuizScore, type Progress, type Topic } from '../../src/core/progress.js';
import { fsrsScheduler } from '../../src/core/schedule.js';
import { computeStats } from '../../src/core/stats.js';

const l = (id: string, extra: Partial<Lesson> = {}): Lesson => ({
  id,
  title: `Title of ${id}`,
  parent: undefined,
  grandParent: undefined,
  navOrder: undefined,
  isModule: false,
  file: `${id}.md`,
  body: '',
  bodyLine: 1,
  titleInFrontMatter: true,
  ...extra,
});

// Two modules: m1 (a, b) and m2 (c), plus one page on its own at the top level.
const course = buildCourse([
  l('m1', { title: 'One', isModule: true, navOrder: 1 }),
  l('a', { parent: 'One', navOrder: 1 }),
  l('b', { parent: 'One', navOrder: 2 }),
  l('m2', { title: 'Two', isModule: true, navOrder: 2 }),
  l('c', { parent: 'Two', navOrder: 1 }),
  l('loose', { navOrder: 3 }),
]);

// Wednesday 4 March 2026, 10:00 local time.
const now = new Date(2026, 2, 4, 10, 0, 0);
const DAY = 86_400_000;
const daysAgo = (n: number, hour = 10) => new Date(2026, 2, 4 - n, hour, 0, 0);

function answer(p: Progress, q: string, lesson: string, topic: Topic, correct: boolean, at: Date): Progress {
  return recordAnswer(p, { questionId: q, lessonId: lesson, topic, correct, at }, fsrsScheduler);
}

describe('computeStats', () => {
  it('counts lessons read, passed and mastered per module, module pages left out', () => {
    let p = markRead(emptyProgress(), 'm1', daysAgo(2));
    p = markRead(p, 'a', daysAgo(2));
    p = markRead(p, 'b', daysAgo(1));
    p = recordQuizScore(p, 'a', 1, daysAgo(1));
    p = recordQuizScore(p, 'b', 0.5, daysAgo(1));
    const s = computeStats({ course, progress: p, now });
    expect(s.modules).toEqual([
      { number: '1', id: 'm1', title: 'One', lessons: 2, read: 2, passed: 1, mastered: 1 },
      { number: '2', id: 'm2', title: 'Two', lessons: 1, read: 0, passed: 0, mastered: 0 },
      { number: '', id: '', title: 'Other pages', lessons: 1, read: 0, passed: 0, mastered: 0 },
    ]);
    expect(s.totals).toMatchObject({ pages: 6, pagesRead: 3, lessons: 4, lessonsRead: 2, passed: 1, mastered: 1 });
  });

  it('works out accuracy per topic and per lesson from every answer, not just the kept history', () => {
    let p = emptyProgress();
    for (let i = 0; i < 20; i++) p = answer(p, 'q-tools', 'a', 'tools', i % 4 !== 0, new Date(now.getTime() - (30 - i) * DAY));
    p = answer(p, 'q-resp', 'c', 'responsibilities', true, daysAgo(1));
    p = answer(p, 'q-gone', 'removed-lesson', 'examples', false, daysAgo(1));
    const s = computeStats({ course, progress: p, now, questionsPerTopic: { tools: 7 } });
    expect(s.topics.find((t) => t.topic === 'tools')).toEqual({ topic: 'tools', questions: 7, answers: 20, right: 15, accuracy: 0.75 });
    expect(s.topics.find((t) => t.topic === 'responsibilities')).toMatchObject({ answers: 1, right: 1, accuracy: 1 });
    // Answers to questions of lessons the course no longer has are not counted.
    expect(s.topics.find((t) => t.topic === 'examples')).toMatchObject({ answers: 0, accuracy: null });
    expect(s.lessons.map((x) => [x.id, x.answers, x.right])).toEqual([
      ['a', 20, 15],
      ['c', 1, 1],
    ]);
    expect(s.totals).toMatchObject({ answers: 21, right: 16, questionsAnswered: 2 });
  });

  it('lists the weakest questions first, only those ever missed, with their prompts', () => {
    let p = emptyProgress();
    p = answer(p, 'always-right', 'a', 'tools', true, daysAgo(3));
    p = answer(p, 'once-wrong', 'a', 'tools', false, daysAgo(3));
    p = answer(p, 'once-wrong', 'a', 'tools', true, daysAgo(2));
    for (let i = 0; i < 4; i++) p = answer(p, 'often-wrong', 'b', 'examples', i === 2, daysAgo(3 - i / 2));
    const prompts: Record<string, string> = { 'often-wrong': 'What is an example of B?' };
    const s = computeStats({ course, progress: p, now, promptOf: (id) => prompts[id] });
    expect(s.weakest.map((w) => w.questionId)).toEqual(['often-wrong', 'once-wrong']);
    expect(s.weakest[0]).toMatchObject({ prompt: 'What is an example of B?', lessonNumber: '1.2', answers: 4, right: 1, recent: [false, false, true, false] });
    expect(s.weakest[1]!.prompt).toBeNull();
  });

  it('splits reviews into due now, later today, each day of the coming week, and later', () => {
    const p = emptyProgress();
    const item = (due: Date) => ({ lesson: 'a', topic: 'tools' as const, due: due.getTime() / 1000, stability: 1, difficulty: 5, reps: 1, lapses: 0, state: 2, learningSteps: 0, last: 0, history: [], seen: 1, right: 1 });
    p.items['overdue'] = item(daysAgo(3));
    p.items['tonight'] = item(new Date(2026, 2, 4, 22, 0));
    p.items['tomorrow'] = item(new Date(2026, 2, 5, 9, 0));
    p.items['tomorrow-2'] = item(new Date(2026, 2, 5, 23, 0));
    p.items['in-a-week'] = item(new Date(2026, 2, 11, 8, 0));
    p.items['next-month'] = item(new Date(2026, 3, 4, 8, 0));
    const r = computeStats({ course, progress: p, now }).reviews;
    expect(r.dueNow).toBe(1);
    expect(r.laterToday).toBe(1);
    expect(r.week.map((d) => d.date)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11']);
    expect(r.week.map((d) => d.count)).toEqual([2, 0, 0, 0, 0, 0, 1]);
    expect(r.later).toBe(1);
  });

  it.each<[string, number[], { current: number; longest: number; activeToday: boolean }]>([
    ['no activity', [], { current: 0, longest: 0, activeToday: false }],
    ['today only', [0], { current: 1, longest: 1, activeToday: true }],
    ['yesterday and before: the streak is still alive today', [1, 2, 3], { current: 3, longest: 3, activeToday: false }],
    ['a gap of a day breaks it', [0, 1, 3, 4, 5, 6], { current: 2, longest: 4, activeToday: true }],
    ['nothing since the day before yesterday', [2, 3], { current: 0, longest: 2, activeToday: false }],
  ])('streak: %s', (_name, ago, expected) => {
    const p = emptyProgress();
    for (const n of ago) p.days[dayKey(daysAgo(n))] = 1;
    expect(computeStats({ course, progress: p, now }).streak).toMatchObject(expected);
  });

  it('gives activity for whole weeks from a Monday up to today', () => {
    let p = markRead(emptyProgress(), 'a', daysAgo(0, 9));
    p = markRead(p, 'b', daysAgo(9));
    const activity = computeStats({ course, progress: p, now }).activity;
    expect(new Date(`${activity[0]!.date}T12:00:00`).getDay()).toBe(1);
    expect(activity.at(-1)).toEqual({ date: '2026-03-04', count: 1 });
    expect(activity.find((d) => d.date === '2026-02-23')).toEqual({ date: '2026-02-23', count: 1 });
    expect(activity.length).toBe(11 * 7 + 3);
  });
});
