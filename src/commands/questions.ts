// The questions of a lesson, or of the whole course, with course-wide choices
// for lessons that have too few of their own.
import type { CourseNode } from '../core/course.js';
import { InvalidLessonError } from '../core/errors.js';
import { quizzable } from '../core/next.js';
import { parseQuizBlock } from '../core/quiz/authored.js';
import { coursePool, generateQuestions, hasQuizMaterial, lessonStructure, type CoursePool } from '../core/quiz/generate.js';
import type { LessonStructure, Question } from '../core/quiz/types.js';
import { cachedQuizBlockParser, type QuizBlockParser } from '../io/cache-quiz.js';
import type { Session } from './session.js';

const structures = new WeakMap<CourseNode, LessonStructure>();

function structureOf(node: CourseNode): LessonStructure {
  let s = structures.get(node);
  if (!s) {
    s = lessonStructure(node.lesson);
    structures.set(node, s);
  }
  return s;
}

function needsPool(s: LessonStructure): boolean {
  return s.items.length < 4 || (s.tools.length > 0 && s.tools.length < 3) || s.items.filter((i) => i.outcomes.length > 0).length < 3;
}

let pools = new WeakMap<Session, CoursePool>();

function poolFor(session: Session, except: CourseNode): CoursePool {
  let pool = pools.get(session);
  if (!pool) {
    pool = coursePool(session.course.ordered.filter((n) => n !== except && quizzable(n)).map(structureOf));
    pools.set(session, pool);
  }
  return pool;
}

const parsers = new WeakMap<Session, QuizBlockParser>();

/** Quiz blocks are parsed through the cache when there is one: a block seen before loads neither YAML nor zod. */
function parserFor(session: Session): QuizBlockParser {
  let parser = parsers.get(session);
  if (!parser) {
    parser = session.cacheDir === undefined ? parseQuizBlock : cachedQuizBlockParser(session.cacheDir, parseQuizBlock);
    parsers.set(session, parser);
  }
  return parser;
}

/** Every question a lesson yields. Throws InvalidLessonError for a malformed quiz block. */
export function questionsFor(session: Session, node: CourseNode): Question[] {
  if (!quizzable(node)) return [];
  const structure = structureOf(node);
  const pool = needsPool(structure) ? poolFor(session, node) : undefined;
  return generateQuestions(node.lesson, pool, structure, parserFor(session));
}

/** Whether a lesson has any questions; a lesson with a broken quiz block counts as having none. */
export function hasQuestions(session: Session, node: CourseNode): boolean {
  if (!quizzable(node)) return false;
  try {
    // The lesson on its own first: the course-wide pool only adds choices, so a lesson that has questions
    // without it has them with it, and the pool (every lesson's structure) is worked out only when needed.
    // Known from the course index when this build has worked it out for the file as it is.
    const facts = session.loaded?.facts;
    let fact = facts?.questions(node.lesson);
    if (fact === undefined) {
      const structure = structureOf(node);
      fact = generateQuestions(node.lesson, undefined, structure, parserFor(session)).length > 0 ? 'own' : hasQuizMaterial(structure) ? 'course' : 'none';
      facts?.rememberQuestions(node.lesson, fact);
    }
    return fact === 'own' || (fact === 'course' && needsPool(structureOf(node)) && questionsFor(session, node).length > 0);
  } catch (error) {
    if (error instanceof InvalidLessonError) return false;
    throw error;
  }
}

/** Questions of every lesson that yields them (lessons with a broken quiz block are skipped). */
export function allQuestions(session: Session, onlyLessons?: ReadonlySet<string>): Question[] {
  return session.course.ordered.flatMap((node) => {
    if (onlyLessons && !onlyLessons.has(node.lesson.id)) return [];
    try {
      return questionsFor(session, node);
    } catch (error) {
      if (error instanceof InvalidLessonError) return [];
      throw error;
    }
  });
}

export function resetQuestionCache(): void {
  pools = new WeakMap();
}
