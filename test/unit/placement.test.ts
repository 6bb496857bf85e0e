// The placement test's rules (core/placement.ts): which questions, in what
// order, when a module stops, which lessons it shows known, and what tested
// out means for next, mastery, the progress file and merging.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CourseNode } from '../../src/core/course.js';
import { mergeProgress } from '../../src/core/merge.js';
import { decideNext } from '../../src/core/next.js';
import {
  declinePlacement,
  difficulty,
  knownLessons,
  lessonQuestions,
  markTestedOut,
  moduleState,
  offersPlacement,
  planPlacement,
  undoTestedOut,
  type PlacementModule,
} from '../../src/core/placement.js';
import { emptyProgress, isPassed, markRead, masteryOf, recordAnswer, type Progress } from '../../src/core/progress.js';
import { readProgressData } from '../../src/core/progress-schema.js';
import { quizBank } from '../../src/core/quiz/bank.js';
import { isApplicationQuestion } from '../../src/core/quiz/classify.js';
import type { Question } from '../../src/core/quiz/types.js';
import { fsrsScheduler } from '../../src/core/schedule.js';
import { loadCourse } from '../../src/io/load-course.js';
import { fixturesDir, lessonsDir } from '../helpers/run.js';

const t0 = new Date('2026-03-02T09:00:00Z');
const fixture = loadCourse(join(fixturesDir, 'course')).course;
const fixtureBank = quizBank(fixture);
const shipped = loadCourse(lessonsDir).course;
const shippedBank = quizBank(shipped);

const node = (id: string): CourseNode => fixture.byId.get(id)!;
const plan = (progress: Progress = emptyProgress()) => planPlacement({ course: fixture, progress, questionsFor: fixtureBank.questionsFor });

/** A module of `lessons` lessons with two questions each, for the stopping rules. */
function fakeModule(lessons: number): PlacementModule {
  const nodes = Array.from({ length: lessons }, (_, i) => ({ lesson: { id: `l${i}` } }) as CourseNode);
  const questions = [0, 1].flatMap((round) => nodes.map((n) => ({ id: `${n.lesson.id}-${round}`, lessonId: n.lesson.id }) as Question));
  return { module: undefined, lessons: nodes, questions };
}

describe('which questions the placement test asks', () => {
  it('ranks application questions, then typed ones, then recall, then "what kind of tool is X?"', () => {
    const q = (over: Partial<Question>): Question => ({ id: 'r-desc-1', kind: 'single', prompt: 'Which?', fact: 'f', answer: 'x', ...over }) as Question;
    expect(difficulty(q({ id: 'x-decide-1' }))).toBe(3);
    expect(difficulty(q({ kind: 'text' }))).toBe(2);
    expect(difficulty(q({}))).toBe(1);
    expect(difficulty(q({ brand: true }))).toBe(0);
  });

  it('asks at most two questions a lesson, the hardest first, on different facts', () => {
    for (const n of shipped.ordered) {
      const all = shippedBank.questionsFor(n);
      const asked = lessonQuestions(all);
      expect(asked.length).toBeLessThanOrEqual(2);
      expect(new Set(asked.map((q) => q.fact)).size).toBe(asked.length);
      expect(asked.map(difficulty)).toEqual([...asked.map(difficulty)].sort((a, b) => b - a));
      // Nothing left out is harder than what was chosen.
      if (asked.length > 0) expect(Math.max(...all.map(difficulty))).toBe(difficulty(asked[0]!));
      if (all.some(isApplicationQuestion)) expect(isApplicationQuestion(asked[0]!)).toBe(true);
    }
  });

  it('groups lessons by module, each lesson once, its hardest question in the first round', () => {
    const modules = plan();
    expect(modules.map((m) => m.module?.lesson.id)).toEqual([node('duties').parent!.lesson.id, node('seasons').parent!.lesson.id]);
    expect(modules[0]!.lessons.map((n) => n.lesson.id)).toEqual(['duties', 'areas-and-tools']);
    expect(modules[0]!.questions).toHaveLength(4);
    // The first round covers every lesson of the module before any second question.
    expect(new Set(modules[0]!.questions.slice(0, 2).map((q) => q.lessonId))).toEqual(new Set(['duties', 'areas-and-tools']));
    expect(difficulty(modules[0]!.questions[0]!)).toBeGreaterThanOrEqual(difficulty(modules[0]!.questions[1]!));
  });

  it('leaves out lessons read, passed or tested out', () => {
    let p = markRead(emptyProgress(), 'duties', t0);
    p = markTestedOut(p, ['seasons'], t0);
    expect(plan(p).flatMap((m) => m.lessons.map((n) => n.lesson.id))).toEqual(['areas-and-tools']);
  });
});

describe('when a module stops, and what it shows known', () => {
  const m = fakeModule(4); // 8 questions: l0..l3, then l0..l3 again.

  it('stops as soon as the first four answers are right: every lesson of the module is known', () => {
    expect(moduleState(m, [true, true, true])).toBe('asking');
    expect(moduleState(m, [true, true, true, true])).toBe('strong');
    expect(knownLessons(m, [true, true, true, true]).map((n) => n.lesson.id)).toEqual(['l0', 'l1', 'l2', 'l3']);
  });

  it('stops as soon as the first three answers are wrong: no lesson is known', () => {
    expect(moduleState(m, [false, false])).toBe('asking');
    expect(moduleState(m, [false, false, false])).toBe('new');
    expect(knownLessons(m, [false, false, false])).toEqual([]);
  });

  it('otherwise asks everything, and a lesson is known when every question on it was right', () => {
    const answers = [true, false, true, true, true, true, true, false];
    expect(moduleState(m, answers.slice(0, 7))).toBe('asking');
    expect(moduleState(m, answers)).toBe('finished');
    expect(knownLessons(m, answers).map((n) => n.lesson.id)).toEqual(['l0', 'l2']);
    expect(knownLessons(m, answers.slice(0, 5))).toEqual([]);
  });

  it('a module of one lesson is known with both its answers right', () => {
    const one = fakeModule(1);
    expect(moduleState(one, [true, true])).toBe('finished');
    expect(knownLessons(one, [true, true])).toHaveLength(1);
    expect(knownLessons(one, [true, false])).toHaveLength(0);
  });
});

describe('a lesson tested out', () => {
  const hasQuiz = fixtureBank.hasQuestions;

  it('counts as passed, and next moves past it until it is undone', () => {
    const p = markTestedOut(emptyProgress(), ['duties', 'areas-and-tools'], t0);
    expect(isPassed(p, 'duties')).toBe(true);
    const withBasicsRead = markRead(p, node('duties').parent!.lesson.id, t0);
    expect(decideNext({ course: fixture, progress: withBasicsRead, now: t0, hasQuiz })).toMatchObject({ kind: 'read', node: { lesson: { id: node('seasons').parent!.lesson.id } } });
    const undone = undoTestedOut(withBasicsRead, 'areas-and-tools');
    expect(isPassed(undone, 'areas-and-tools')).toBe(false);
    expect(decideNext({ course: fixture, progress: undone, now: t0, hasQuiz })).toMatchObject({ kind: 'read', node: { lesson: { id: 'areas-and-tools' } } });
    expect(undone.lessons.duties?.testedOutAt).toBe(t0.toISOString());
  });

  it('counts as passed for mastery, while its answers stand', () => {
    let p = recordAnswer(emptyProgress(), { questionId: 'q1', lessonId: 'duties', topic: 'responsibilities', correct: true, at: t0 }, fsrsScheduler);
    p = markTestedOut(p, ['duties'], t0);
    expect(masteryOf(p, t0)('duties')).toBe(true);
    const missed = recordAnswer(p, { questionId: 'q1', lessonId: 'duties', topic: 'responsibilities', correct: false, at: t0 }, fsrsScheduler);
    expect(masteryOf(missed, t0)('duties')).toBe(false);
  });

  it('is kept by the progress file, export and import', () => {
    const p = declinePlacement(markTestedOut(emptyProgress(), ['duties'], t0), t0);
    const read = readProgressData(JSON.parse(JSON.stringify(p)));
    expect(read).toMatchObject({ ok: true, progress: { placementDeclinedAt: t0.toISOString(), lessons: { duties: { testedOutAt: t0.toISOString() } } } });
    expect(readProgressData({ ...JSON.parse(JSON.stringify(p)), placementDeclinedAt: 'soon' })).toMatchObject({ ok: false, reason: expect.stringContaining('placementDeclinedAt') });
    const merged = mergeProgress(emptyProgress(), p).progress;
    expect(merged.lessons.duties?.testedOutAt).toBe(t0.toISOString());
    expect(merged.placementDeclinedAt).toBe(t0.toISOString());
    expect(mergeProgress(p, emptyProgress()).progress).toEqual(p);
  });
});

describe('the home screen offer', () => {
  it('is made while nothing is read or answered, and not once declined', () => {
    expect(offersPlacement(emptyProgress())).toBe(true);
    expect(offersPlacement(declinePlacement(emptyProgress(), t0))).toBe(false);
    expect(offersPlacement(markRead(emptyProgress(), 'duties', t0))).toBe(false);
    expect(offersPlacement(recordAnswer(emptyProgress(), { questionId: 'q', lessonId: 'duties', topic: 'tools', correct: false, at: t0 }, fsrsScheduler))).toBe(false);
  });
});
