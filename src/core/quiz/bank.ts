// What the quiz can ask, decided in one place for the whole course: every
// lesson's questions (its own structure and quiz blocks, with wrong choices
// from the rest of the course when it has too few), whether a lesson has any,
// and every question at once for reviews. Choices never depend on which lesson
// was asked first: the course-wide pool is the same for all of them.
import type { Course, CourseNode } from '../course.js';
import { InvalidLessonError } from '../errors.js';
import { parseQuizBlock } from './authored.js';
import { coursePool, generateQuestions, hasQuizMaterial, lessonStructure } from './generate.js';
import type { CoursePool, LessonStructure, Question } from './types.js';

export interface QuizBank {
  /** Every question a lesson yields. Throws InvalidLessonError for a malformed quiz block. */
  questionsFor(node: CourseNode): Question[];
  /** Whether a lesson has questions (a quiz block of the author's counts, whether or not it parses). */
  hasQuestions(node: CourseNode): boolean;
  /** Questions of every lesson (or of `only`) that yields them; lessons with a broken quiz block are skipped. */
  all(only?: ReadonlySet<string>): Question[];
  /** The ids of the questions a lesson yielded when its text was `body` (the copy a learner read), to tell new questions from old; empty for a body that does not parse. */
  idsAsOf(node: CourseNode, body: string): Set<string>;
}

/** Module pages are chapter headings: read, never quizzed. */
export function quizzable(node: CourseNode): boolean {
  return !node.lesson.isModule;
}

function needsPool(s: LessonStructure): boolean {
  return s.items.length < 4 || (s.tools.length > 0 && s.tools.length < 3) || s.items.filter((i) => i.outcomes.length > 0).length < 3;
}

export function quizBank(course: Course): QuizBank {
  const structures = new Map<CourseNode, LessonStructure>();
  const questions = new Map<CourseNode, Question[]>();
  let pool: CoursePool | undefined;
  const structureOf = (node: CourseNode): LessonStructure => {
    let s = structures.get(node);
    if (!s) structures.set(node, (s = lessonStructure(node.lesson)));
    return s;
  };
  const poolOf = (): CoursePool => (pool ??= coursePool(course.ordered.filter(quizzable).map(structureOf)));

  const questionsFor = (node: CourseNode): Question[] => {
    if (!quizzable(node)) return [];
    let qs = questions.get(node);
    if (!qs) {
      const structure = structureOf(node);
      qs = generateQuestions(node.lesson, needsPool(structure) ? poolOf() : undefined, structure, parseQuizBlock);
      questions.set(node, qs);
    }
    return qs;
  };
  const orNone = (node: CourseNode): Question[] => {
    try {
      return questionsFor(node);
    } catch (error) {
      if (error instanceof InvalidLessonError) return [];
      throw error;
    }
  };
  const idsAsOf = (node: CourseNode, body: string): Set<string> => {
    if (!quizzable(node)) return new Set();
    try {
      const lesson = { ...node.lesson, body };
      const structure = lessonStructure(lesson);
      return new Set(generateQuestions(lesson, needsPool(structure) ? poolOf() : undefined, structure, parseQuizBlock).map((q) => q.id));
    } catch (error) {
      if (error instanceof InvalidLessonError) return new Set();
      throw error;
    }
  };
  return {
    idsAsOf,
    questionsFor,
    // Asked of every page by list and the home screen: a page with an author's questions has some without
    // parsing them (a broken block says so when the quiz is asked for, and lint names its line).
    hasQuestions: (node) => {
      if (!quizzable(node)) return false;
      const s = structureOf(node);
      if (s.quizBlocks.some((b) => /^\s*-\s/m.test(b.yaml))) return true;
      return hasQuizMaterial(s) && orNone(node).length > 0;
    },
    all: (only) => course.ordered.filter((n) => !only || only.has(n.lesson.id)).flatMap(orNone),
  };
}
