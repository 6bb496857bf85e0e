import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/core/course.js';
import type { Lesson } from '../../src/core/lesson.js';
import { decideNext } from '../../src/core/next.js';
import { HISTORY_LIMIT, dueFacts, dueItems, emptyProgress, masteryOf, isPassed, markRead, recordAnswer, recordQuizScore, type Progress } from '../../src/core/progress.js';
import { readProgressData } from '../../src/core/progress-schema.js';
import { fsrsScheduler, startOfDay } from '../../src/core/schedule.js';

const t0 = new Date('2026-03-02T09:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;
const DAY = 86_400_000;

const answer = (p: Progress, correct: boolean, at: Date, questionId = 'q1', lessonId = 'intro') =>
  recordAnswer(p, { questionId, lessonId, topic: 'tools', correct, at }, fsrsScheduler);

describe('progress transitions', () => {
  it('marks a lesson read once, counts re-reads and remembers where you are', () => {
    let p = markRead(emptyProgress(), 'intro', t0);
    p = markRead(p, 'intro', later(DAY));
    expect(p.lessons.intro).toMatchObject({ readAt: t0.toISOString(), reads: 2 });
    expect(p.current).toBe('intro');
  });

  it('keeps the best quiz score and passes at 80%', () => {
    let p = recordQuizScore(emptyProgress(), 'intro', 0.9, t0);
    p = recordQuizScore(p, 'intro', 0.5, later(DAY));
    expect(p.lessons.intro).toMatchObject({ bestScore: 0.9, lastScore: 0.5 });
    expect(isPassed(p, 'intro')).toBe(true);
    expect(isPassed(recordQuizScore(emptyProgress(), 'x', 0.79, t0), 'x')).toBe(false);
  });

  it('bounds the history per question so the file grows with questions, not answers', () => {
    let p = emptyProgress();
    for (let i = 0; i < 100; i++) p = answer(p, i % 3 !== 0, later(i * DAY));
    expect(p.items.q1!.history).toHaveLength(HISTORY_LIMIT);
    expect(p.items.q1!.seen).toBe(100);
    expect(p.items.q1!.right).toBe(66);
    expect(JSON.stringify(p).length).toBeLessThan(2000);
  });

  it('treats __proto__ and constructor as plain ids', () => {
    let p = markRead(emptyProgress(), '__proto__', t0);
    p = markRead(p, 'constructor', t0);
    const read = readProgressData(JSON.parse(JSON.stringify(p)));
    const round = read.ok ? read.progress : expect.fail(read.reason);
    expect(Object.keys(round.lessons).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).readAt).toBeUndefined();
  });
});

describe('spaced repetition (FSRS) with an injected clock', () => {
  it('brings a missed question back tomorrow, not within minutes', () => {
    const p = answer(emptyProgress(), false, t0);
    expect(dueItems(p, later(6 * 60 * MIN))).toHaveLength(0);
    expect(new Date(p.items.q1!.due * 1000)).toEqual(startOfDay(t0, 1));
    expect(dueItems(p, startOfDay(t0, 1))).toHaveLength(1);
  });

  it('brings a right answer back no sooner than tomorrow, and a hinted one sooner than an unaided one', () => {
    const right = answer(emptyProgress(), true, t0);
    expect(right.items.q1!.due * 1000).toBeGreaterThanOrEqual(startOfDay(t0, 1).getTime());
    let plain = emptyProgress();
    let hinted = emptyProgress();
    let at = t0;
    for (let i = 0; i < 3; i++) {
      plain = answer(plain, true, at);
      hinted = recordAnswer(hinted, { questionId: 'q1', lessonId: 'intro', topic: 'tools', correct: true, hinted: true, at }, fsrsScheduler);
      at = later(30 * DAY);
    }
    expect(hinted.items.q1!.due).toBeLessThan(plain.items.q1!.due);
  });

  it('spaces a known question further out with each right answer', () => {
    let p = emptyProgress();
    let at = t0;
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      p = answer(p, true, at);
      const due = new Date(p.items.q1!.due * 1000);
      gaps.push(due.getTime() - at.getTime());
      at = due;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(7 * DAY);
  });

  it('brings a forgotten question back the next day and counts the lapse', () => {
    let p = emptyProgress();
    let at = t0;
    for (let i = 0; i < 4; i++) {
      p = answer(p, true, at);
      at = new Date(p.items.q1!.due * 1000);
    }
    p = answer(p, false, at);
    expect(p.items.q1!.lapses).toBe(1);
    expect(p.items.q1!.due * 1000 - at.getTime()).toBeLessThanOrEqual(DAY);
  });

  it('counts a lesson mastered when passed and not forgotten: a review falling due does not undo it, a miss or a week overdue does', () => {
    let p = recordQuizScore(emptyProgress(), 'intro', 1, t0);
    p = answer(p, true, t0);
    expect(masteryOf(p, later(MIN))('intro')).toBe(true);
    expect(masteryOf(p, later(3 * DAY))('intro')).toBe(true);
    expect(masteryOf(p, later(40 * DAY))('intro')).toBe(false);
    expect(masteryOf(answer(p, false, later(2 * DAY)), later(2 * DAY))('intro')).toBe(false);
    expect(masteryOf(p, t0)('other')).toBe(false);
  });
});

describe('the learning path', () => {
  const l = (id: string, extra: Partial<Lesson> = {}): Lesson => ({ id, title: id, parent: undefined, grandParent: undefined, navOrder: undefined, isModule: false, file: id, body: '', bodyLine: 1, titleInFrontMatter: true, ...extra });
  const course = buildCourse([l('m', { isModule: true, navOrder: 1 }), l('a', { parent: 'm', navOrder: 1 }), l('b', { parent: 'm', navOrder: 2 })]);
  const next = (progress: Progress, now = t0) => decideNext({ course, progress, now, hasQuiz: (n) => !n.lesson.isModule });

  it.each<[string, (p: Progress) => Progress, string]>([
    ['nothing read: the first page', (p) => p, 'read m'],
    ['module read: its first lesson', (p) => markRead(p, 'm', t0), 'read a'],
    ['a lesson read and not quizzed: its quiz', (p) => markRead(markRead(p, 'm', t0), 'a', t0), 'quiz a'],
    ['quiz failed: still owed', (p) => recordQuizScore(markRead(markRead(p, 'm', t0), 'a', t0), 'a', 0.5, t0), 'quiz a'],
    ['quiz passed: the next unread lesson', (p) => recordQuizScore(markRead(markRead(p, 'm', t0), 'a', t0), 'a', 0.8, t0), 'read b'],
  ])('%s', (_name, build, expected) => {
    const action = next(build(emptyProgress()));
    const label = action.kind === 'read' || action.kind === 'quiz' ? `${action.kind} ${action.node.lesson.id}` : action.kind;
    expect(label).toBe(expected);
  });

  it('puts due reviews before unread lessons, and ends with a summary', () => {
    let p = recordQuizScore(markRead(markRead(emptyProgress(), 'm', t0), 'a', t0), 'a', 1, t0);
    p = answer(p, false, t0, 'q1', 'a');
    expect(next(p, later(DAY))).toEqual({ kind: 'review', count: 1, due: 1 });
    p = recordQuizScore(markRead(p, 'b', t0), 'b', 1, t0);
    p = answer(p, true, later(DAY), 'q1', 'a');
    expect(next(p, later(DAY + MIN))).toEqual({ kind: 'done', mastered: 2, lessons: 2, due: 0 });
  });

  it('moves on to a new lesson once the reviews of the day are done, and says how many wait', () => {
    let p = recordQuizScore(markRead(markRead(emptyProgress(), 'm', t0), 'a', t0), 'a', 1, t0);
    for (let i = 0; i < 30; i++) p = answer(p, false, t0, `q${i}`, 'a');
    const day = later(DAY);
    const budget = (progress: Progress) => decideNext({ course, progress, now: day, hasQuiz: () => true, dailyReviews: 20 });
    expect(budget(p)).toEqual({ kind: 'review', count: 20, due: 30 });
    for (let i = 0; i < 20; i++) p = answer(p, true, day, `q${i}`, 'a');
    const after = budget(p);
    expect(after.kind === 'read' && after.node.lesson.id).toBe('b');
    expect(after).toMatchObject({ due: 10 });
  });

  it('reviews a fact once: answering one of its questions moves its other due questions along, and due reviews count facts', () => {
    let p = emptyProgress();
    for (const id of ['v1', 'v2']) p = recordAnswer(p, { questionId: id, lessonId: 'a', topic: 'tools', fact: 'rice', correct: false, at: t0 }, fsrsScheduler);
    const day = later(2 * DAY);
    expect(dueFacts(p, day)).toBe(1);
    p = recordAnswer(p, { questionId: 'v1', lessonId: 'a', topic: 'tools', fact: 'rice', correct: true, at: day }, fsrsScheduler);
    expect(dueFacts(p, day)).toBe(0);
    expect(p.items.v2!.due).toBe(p.items.v1!.due);
    expect(p.items.v2!.seen).toBe(1);
  });

  it('moves past a lesson passed without reading it', () => {
    const p = recordQuizScore(markRead(emptyProgress(), 'm', t0), 'a', 0.9, t0);
    const action = next(p);
    expect(action.kind === 'read' && action.node.lesson.id).toBe('b');
  });
});
