// The learning path: the one thing to do now. A lesson that changed since it
// was read comes first (what changed is short, and its questions are due
// again); then a quiz owed on a lesson you read
// comes first; then reviews that are due, up to a daily budget, so that
// reviews never hold back new lessons for long; then the next lesson you
// neither read nor passed; when all of it is done, a summary.
import type { Course, CourseNode } from './course.js';
import { dueFacts, isPassed, masteryOf, type Progress } from './progress.js';
import { quizzable } from './quiz/bank.js';
import { startOfDay } from './schedule.js';

/** Reviews a day before `next` moves on to a new lesson, unless the learner sets another number. */
export const DAILY_REVIEWS = 20;

export type NextAction =
  /** A lesson read before its text changed: show what changed. */
  | { kind: 'changed'; node: CourseNode }
  | { kind: 'quiz'; node: CourseNode }
  /** `count` of the `due` questions now: what today's budget has left. */
  | { kind: 'review'; count: number; due: number }
  /** `due`: reviews still due, beyond today's budget. */
  | { kind: 'read'; node: CourseNode; due: number }
  | { kind: 'done'; mastered: number; lessons: number; due: number };

export interface NextInput {
  course: Course;
  progress: Progress;
  now: Date;
  /** Whether a lesson yields quiz questions (pages without any owe no quiz). */
  hasQuiz: (node: CourseNode) => boolean;
  /** Reviews a day (DAILY_REVIEWS unless given). */
  dailyReviews?: number;
  /** Lessons whose text changed since they were read (core/changes.ts). */
  changed?: ReadonlySet<string>;
}

export function isRead(progress: Progress, node: CourseNode): boolean {
  return progress.lessons[node.lesson.id]?.readAt !== undefined;
}

/** Read, or known without reading (its quiz passed): either way, the path moves past it. */
export function isDone(progress: Progress, node: CourseNode): boolean {
  return isRead(progress, node) || isPassed(progress, node.lesson.id);
}

/** Answers given today to questions answered before: today's reviews. */
export function reviewsToday(progress: Progress, now: Date): number {
  const since = startOfDay(now).getTime() / 1000;
  let count = 0;
  for (const item of Object.values(progress.items)) {
    const earlier = item.seen - item.history.length; // Answers older than the kept history.
    item.history.forEach(([at], i) => {
      if (at >= since && earlier + i > 0) count++;
    });
  }
  return count;
}

export function decideNext({ course, progress, now, hasQuiz, dailyReviews = DAILY_REVIEWS, changed }: NextInput): NextAction {
  const edited = changed && course.ordered.find((n) => changed.has(n.lesson.id));
  if (edited) return { kind: 'changed', node: edited };
  const owed = course.ordered.find((n) => quizzable(n) && isRead(progress, n) && !isPassed(progress, n.lesson.id) && hasQuiz(n));
  if (owed) return { kind: 'quiz', node: owed };
  const due = dueFacts(progress, now, new Set(course.byId.keys()));
  const budget = Math.max(0, dailyReviews - reviewsToday(progress, now));
  if (due > 0 && budget > 0) return { kind: 'review', count: Math.min(due, budget), due };
  const next = course.ordered.find((n) => !isDone(progress, n));
  if (next) return { kind: 'read', node: next, due };
  const lessons = course.ordered.filter((n) => quizzable(n) && hasQuiz(n));
  const isMastered = masteryOf(progress, now);
  return { kind: 'done', mastered: lessons.filter((n) => isMastered(n.lesson.id)).length, lessons: lessons.length, due };
}
