// Turns a lesson's structure into questions: situations from decision tables,
// jobs from tool tables, examples and descriptions of its sections, then the
// author's own. Wrong choices are siblings of the same kind; a question that
// cannot be made well (too few choices, a clue in its form) is left out.
import type { Lesson } from '../lesson.js';
import { parseQuizBlock } from './authored.js';
import { clueIn } from './clues.js';
import { decisionQuestions } from './decision-questions.js';
import { itemQuestions } from './item-questions.js';
import { spreadSample } from './choices.js';
import { extractStructure } from './structure.js';
import { toolQuestions } from './tool-questions.js';
import type { CoursePool, GenerationContext, LessonStructure, Question } from './types.js';

export type { CoursePool } from './types.js';
export { isApplicationQuestion, isBrandQuestion } from './classify.js';

export function lessonStructure(lesson: Lesson): LessonStructure {
  return extractStructure(lesson.body, lesson.bodyLine);
}

/** Every question a lesson yields, structure-derived first, then authored. Throws InvalidLessonError for a bad quiz block. */
export function generateQuestions(lesson: Lesson, pool?: CoursePool, structure = lessonStructure(lesson), parseBlock = parseQuizBlock): Question[] {
  const ctx: GenerationContext = { lesson, structure, pool };
  const authored = structure.quizBlocks.flatMap((b) => parseBlock(b.yaml, b.line, lesson.file, lesson.id));
  // Our own questions must give nothing away by their form; an author's are reported by lint instead.
  const generated = [...decisionQuestions(ctx), ...toolQuestions(ctx), ...itemQuestions(ctx)].filter((q) => clueIn(q) === undefined);
  const seen = new Set<string>();
  return [...generated, ...authored].filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)));
}

/** Whether a lesson has anything a question can be made of: every question comes from an item, a table or a quiz block of its own. */
export function hasQuizMaterial(s: LessonStructure): boolean {
  return s.items.length > 0 || s.tools.length > 0 || s.decisions.length > 0 || s.quizBlocks.length > 0;
}

/** How many tool kinds the pool holds, at most: far more than a course has, so that a huge course costs a fixed amount per question. */
const POOL_TOOL_KINDS = 200;

/** Tool kinds across lessons, for lessons that have too few of their own. */
export function coursePool(structures: readonly LessonStructure[]): CoursePool {
  return { toolKinds: spreadSample(structures.flatMap((s) => s.tools), POOL_TOOL_KINDS) };
}
