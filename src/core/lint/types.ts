// What the question lint works on: each lesson's file, its structure and the
// questions it yields, as the quiz would ask them.
import type { CourseProblem } from '../course.js';
import type { LessonStructure, Question } from '../quiz/types.js';

export interface LintedLesson {
  file: string;
  structure: LessonStructure;
  questions: readonly Question[];
}

export type Finding = CourseProblem;

/** "lessons/a.md:12", as a finding names the other place. */
export const at = (file: string, line: number): string => `${file}:${line}`;
