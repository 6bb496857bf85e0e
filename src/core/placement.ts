// The placement test: a short adaptive test that finds the lessons a learner
// knows already, so that `next` can skip them. Pure: the command asks the
// questions (commands/placement.ts), this decides which, in what order, when a
// module's test stops, and which lessons it shows known.
//
// The rules:
// - Lessons that are done (read, passed or tested out) are not tested again.
// - About two questions a lesson (PER_LESSON), on different facts and with
//   different answers, the hardest first.
// - Hardest means: applying an idea to a situation the lesson did not show,
//   then typing the answer from memory, then choosing a plain recall answer,
//   and "what kind of tool is X?" last. Someone who gets the hardest kind
//   right knows the lesson; recall alone can be guessed.
// - Within a module, each lesson's hardest question comes first (hardest of
//   those first), then each lesson's second one, so the first few answers
//   cover as many lessons as they can.
// - A module's test stops early when the learner is clearly strong (its first
//   STRONG_RUN answers right: every lesson of the module is shown known) or
//   clearly new to it (its first NEW_RUN answers wrong: none is). Otherwise a
//   lesson is shown known when every question asked on it was answered right.
import type { Course, CourseNode } from './course.js';
import { dict, isPassed, type Progress } from './progress.js';
import { isApplicationQuestion, isBrandQuestion } from './quiz/classify.js';
import type { Question } from './quiz/types.js';
import { normaliseAnswer } from './text.js';

/** Questions asked on each lesson, at most. */
export const PER_LESSON = 2;
/** A module's first answers all right: the learner knows it. */
export const STRONG_RUN = 4;
/** A module's first answers all wrong: the learner is new to it. */
export const NEW_RUN = 3;

/** How hard a question is to answer without knowing the lesson: higher is harder. */
export function difficulty(q: Question): number {
  if (isApplicationQuestion(q)) return 3;
  if (q.kind === 'text') return 2;
  if (isBrandQuestion(q)) return 0;
  return 1;
}

/** One module's part of the test: its lessons to place and the questions to ask, in order. */
export interface PlacementModule {
  /** The module's page, or undefined for lessons at the top level of the course. */
  module: CourseNode | undefined;
  lessons: CourseNode[];
  questions: Question[];
}

export interface PlanInput {
  course: Course;
  progress: Progress;
  /** Every question of a lesson (the quiz bank's). */
  questionsFor: (node: CourseNode) => Question[];
}

/** Whether a lesson counts as done for the placement test: read, or passed (tested out counts as passed). */
function isDone(progress: Progress, node: CourseNode): boolean {
  return progress.lessons[node.lesson.id]?.readAt !== undefined || isPassed(progress, node.lesson.id);
}

const answerKeys = (q: Question): string[] => (q.kind === 'boolean' ? [] : (Array.isArray(q.answer) ? q.answer : [q.answer]).map(normaliseAnswer));

/** A lesson's questions for the test: the hardest first, one per fact, no two with the same answer. */
export function lessonQuestions(questions: readonly Question[], count = PER_LESSON): Question[] {
  const ranked = questions.map((q, i) => ({ q, i })).sort((a, b) => difficulty(b.q) - difficulty(a.q) || a.i - b.i);
  const facts = new Set<string>();
  const answers = new Set<string>();
  const out: Question[] = [];
  for (const { q } of ranked) {
    if (out.length >= count) break;
    const keys = answerKeys(q);
    if (facts.has(q.fact) || keys.some((k) => answers.has(k))) continue;
    facts.add(q.fact);
    keys.forEach((k) => answers.add(k));
    out.push(q);
  }
  return out;
}

/** The module a lesson belongs to: its top-level ancestor (itself at the top level). */
function moduleOf(node: CourseNode): CourseNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** The test, module by module, in course order: only lessons not yet done that have questions. */
export function planPlacement({ course, progress, questionsFor }: PlanInput): PlacementModule[] {
  const modules = new Map<CourseNode, { lessons: CourseNode[]; perLesson: Question[][] }>();
  for (const node of course.ordered) {
    if (node.lesson.isModule || isDone(progress, node)) continue;
    const asked = lessonQuestions(questionsFor(node));
    if (asked.length === 0) continue;
    const top = moduleOf(node);
    const entry = modules.get(top) ?? { lessons: [], perLesson: [] };
    entry.lessons.push(node);
    entry.perLesson.push(asked);
    modules.set(top, entry);
  }
  return [...modules].map(([top, { lessons, perLesson }]) => {
    const questions: Question[] = [];
    // Round by round: each lesson's hardest question, then each one's second; the hardest of a round first.
    for (let round = 0; round < PER_LESSON; round++) {
      const inRound = perLesson.flatMap((qs) => qs.slice(round, round + 1));
      questions.push(...inRound.map((q, i) => ({ q, i })).sort((a, b) => difficulty(b.q) - difficulty(a.q) || a.i - b.i).map(({ q }) => q));
    }
    return { module: top === lessons[0] ? undefined : top, lessons, questions };
  });
}

/** Where a module's test stands after its answers so far (right or wrong, in the order asked). */
export type ModuleState = 'asking' | 'strong' | 'new' | 'finished';

export function moduleState(module: PlacementModule, answers: readonly boolean[]): ModuleState {
  if (answers.length >= STRONG_RUN && answers.slice(0, STRONG_RUN).every(Boolean) && answers.length < module.questions.length) return 'strong';
  if (answers.length >= NEW_RUN && answers.slice(0, NEW_RUN).every((a) => !a) && answers.length < module.questions.length) return 'new';
  return answers.length >= module.questions.length ? 'finished' : 'asking';
}

/** The lessons a module's answers show known, once its test has stopped. */
export function knownLessons(module: PlacementModule, answers: readonly boolean[]): CourseNode[] {
  const state = moduleState(module, answers);
  if (state === 'asking' || state === 'new') return [];
  if (state === 'strong') return module.lessons;
  const right = new Map<string, boolean>();
  module.questions.forEach((q, i) => right.set(q.lessonId, (right.get(q.lessonId) ?? true) && answers[i] === true));
  return module.lessons.filter((n) => right.get(n.lesson.id) === true);
}

/** Marks lessons tested out: they count as passed, and `next` moves past them. */
export function markTestedOut(progress: Progress, lessonIds: readonly string[], now: Date): Progress {
  if (lessonIds.length === 0) return progress;
  const lessons = dict(Object.entries(progress.lessons));
  for (const id of lessonIds) lessons[id] = { ...lessons[id], testedOutAt: now.toISOString() };
  return { ...progress, lessons };
}

/**
 * Marks the lessons a module's test showed known, and the module's own page
 * when every lesson under it is now done (read or passed): a learner who
 * knows a whole module is not sent to read its introduction.
 */
export function markKnown(progress: Progress, module: PlacementModule, known: readonly CourseNode[], now: Date): Progress {
  let p = markTestedOut(progress, known.map((n) => n.lesson.id), now);
  const page = module.module;
  if (page && known.length > 0 && !isDone(p, page)) {
    const under = (n: CourseNode): CourseNode[] => n.children.flatMap((c) => [c, ...under(c)]);
    if (under(page).every((n) => n.lesson.isModule || isDone(p, n))) p = markTestedOut(p, [page.lesson.id], now);
  }
  return p;
}

/** Undoes a lesson's tested out: `next` offers it again. The answers given stay. */
export function undoTestedOut(progress: Progress, lessonId: string): Progress {
  const before = progress.lessons[lessonId];
  if (before?.testedOutAt === undefined) return progress;
  const lessons = dict(Object.entries(progress.lessons));
  const { testedOutAt: _undone, ...rest } = before;
  lessons[lessonId] = rest;
  return { ...progress, lessons };
}

export function isTestedOut(progress: Progress, lessonId: string): boolean {
  return progress.lessons[lessonId]?.testedOutAt !== undefined;
}

/** The home screen offers the test once: to a learner who has read and answered nothing, and has not declined it. */
export function offersPlacement(progress: Progress): boolean {
  if (progress.placementDeclinedAt !== undefined || Object.keys(progress.items).length > 0) return false;
  return !Object.values(progress.lessons).some((l) => l.readAt !== undefined || l.testedOutAt !== undefined || l.quizzedAt !== undefined);
}

/** Remembers that the learner declined the offer. */
export function declinePlacement(progress: Progress, now: Date): Progress {
  return { ...progress, placementDeclinedAt: now.toISOString() };
}
