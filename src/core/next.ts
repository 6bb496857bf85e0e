// The learning path: the one thing to do now. A quiz owed on a lesson you read
// comes first, then reviews that are due, then the next unread lesson; when all
// of it is done, a summary.
import type { Course, CourseNode } from './course.js';
import { dueItems, isPassed, type Progress } from './progress.js';

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

export function quizzable(node: CourseNode): boolean {
  return !node.lesson.isModule;
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
  // Mastered is passed with nothing due (isMastered), from the due questions found once: asked per
  // lesson, isMastered looks through every question each time, and courses can have thousands of lessons.
  const dueLessons = new Set(dueNow.map(([, item]) => item.lesson));
  const mastered = lessons.filter((n) => isPassed(progress, n.lesson.id) && !dueLessons.has(n.lesson.id)).length;
  return { kind: 'done', mastered, lessons: lessons.length };
}
