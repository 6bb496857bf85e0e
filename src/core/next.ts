// The learning path: the one thing to do now. A quiz owed on a lesson you read
// comes first, then reviews that are due, then the next unread lesson; when all
// of it is done, a summary.
import type { Course, CourseNode } from './course.js';
import { dueItems, isPassed, masteryOf, type Progress } from './progress.js';
import { quizzable } from './quiz/bank.js';

export type NextAction =
  | { kind: 'quiz'; node: CourseNode }
  | { kind: 'review'; due: number }
  | { kind: 'read'; node: CourseNode }
  | { kind: 'done'; mastered: number; lessons: number };

export interface NextInput {
  course: Course;
  progress: Progress;
  now: Date;
  /** Whether a lesson yields quiz questions (pages without any owe no quiz). */
  hasQuiz: (node: CourseNode) => boolean;
}

export function isRead(progress: Progress, node: CourseNode): boolean {
  return progress.lessons[node.lesson.id]?.readAt !== undefined;
}

export function decideNext({ course, progress, now, hasQuiz }: NextInput): NextAction {
  const owed = course.ordered.find(
    (n) => quizzable(n) && isRead(progress, n) && !isPassed(progress, n.lesson.id) && hasQuiz(n),
  );
  if (owed) return { kind: 'quiz', node: owed };
  const known = new Set(course.byId.keys());
  const dueNow = dueItems(progress, now);
  const due = dueNow.filter(([, item]) => known.has(item.lesson)).length;
  if (due > 0) return { kind: 'review', due };
  const unread = course.ordered.find((n) => !isRead(progress, n));
  if (unread) return { kind: 'read', node: unread };
  const lessons = course.ordered.filter((n) => quizzable(n) && hasQuiz(n));
  const isMastered = masteryOf(progress, now);
  const mastered = lessons.filter((n) => isMastered(n.lesson.id)).length;
  return { kind: 'done', mastered, lessons: lessons.length };
}
