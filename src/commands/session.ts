// The course and progress a command works on.
import type { Course, CourseNode } from '../core/course.js';
import { quizBank, type QuizBank } from '../core/quiz/bank.js';
import { findLesson } from '../core/find-lesson.js';
import { changedLessons, courseView } from '../core/changes.js';
import { withoutLeeches } from '../core/leech.js';
import type { Progress } from '../core/progress.js';
import { neutraliseLine } from '../core/text.js';
import { loadCourse, type LoadedCourse } from '../io/load-course.js';
import { ProgressStore } from '../io/progress-store.js';
import { loadReadCopy } from '../io/read-copies.js';
import { warn, type Context } from '../context.js';

export interface Session {
  loaded: LoadedCourse;
  course: Course;
  store: ProgressStore;
  progress: Progress;
  /** What the quiz can ask of each lesson. */
  bank: QuizBank;
}

export function openStore(ctx: Context): ProgressStore {
  return new ProgressStore({ file: ctx.paths.progressFile, warn: (m) => warn(ctx, m) });
}

export function openSession(ctx: Context, options: { reportProblems?: boolean } = {}): Session {
  const loaded = loadCourse(ctx.paths.lessonsDir);
  if (options.reportProblems) reportProblems(ctx, loaded.course);
  const store = openStore(ctx);
  return { loaded, course: loaded.course, store, progress: store.load(), bank: quizBank(loaded.course) };
}

/** One line per lesson that could not be loaded, on stderr. */
export function reportProblems(ctx: Context, course: Course, severity: 'error' | 'all' = 'error'): void {
  for (const p of course.problems) {
    if (severity === 'error' && p.severity !== 'error') continue;
    warn(ctx, neutraliseLine(`${p.severity}: ${p.file}:${p.line}: ${p.message}`));
  }
}

/** The lesson you are on: the one you last read, else the first in the course. */
export function currentNode(course: Course, progress: Progress): CourseNode {
  const node = progress.current ? course.byId.get(progress.current) : undefined;
  return node ?? course.ordered[0]!;
}

export function resolveLesson(session: Session, query: string | undefined): CourseNode {
  return query === undefined ? currentNode(session.course, session.progress) : findLesson(session.course, query);
}

/** The course as it stands against the progress: lessons changed since read, and the progress as the course now asks it (core/changes.ts), leeches resting (core/leech.ts). */
export interface CourseState {
  /** Never saved: what to ask and what is due. */
  progress: Progress;
  changed: Set<string>;
}

export function courseState(ctx: Context, session: Session): CourseState {
  const changed = changedLessons(session.course, session.progress);
  const askedBefore = new Map<string, Set<string>>();
  for (const id of changed) {
    const copy = loadReadCopy(ctx.paths, id);
    if (copy !== undefined) askedBefore.set(id, session.bank.idsAsOf(session.course.byId.get(id)!, copy));
  }
  // Only lessons with answers (or changed) can differ from the record: the others' questions need not be made.
  const lessons = new Set([...changed, ...Object.values(session.progress.items).map((i) => i.lesson)]);
  const questions = session.bank.all(lessons);
  const view = courseView({ course: session.course, progress: session.progress, questions, now: ctx.now(), askedBefore });
  return { changed, progress: withoutLeeches(view, questions) };
}
