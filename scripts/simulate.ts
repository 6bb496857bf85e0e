// npm run simulate [-- --right 0.8 --answers 40 --days 30 --seed 7]: a
// scripted learner takes the shipped course with pm-guide's own scheduler,
// selection and `next`, on a fake clock. Each day they give a fixed number of
// answers, each right with a fixed chance, reading whatever `next` says to read
// and taking whatever quiz or review it offers. Prints, per day, the lessons
// passed, the reviews done and the reviews due, and whether the course was
// passed within 21 days with never more than 40 reviews due.
//
// Then a second learner, who knows half the course already (the first half of
// its lessons, right 95% of the time on those and at the base rate on the
// rest), takes it twice: once as it comes, once starting with the placement
// test (core/placement.ts). With the test they should pass the course in at
// most half the days and half the answers.
import { join } from 'node:path';
import { decideNext, DAILY_REVIEWS } from '../src/core/next.js';
import { PASS_MARK, dueFacts, emptyProgress, isPassed, markRead, recordAnswer, recordQuizScore, type Progress } from '../src/core/progress.js';
import { quizBank, quizzable } from '../src/core/quiz/bank.js';
import { DEFAULT_COUNT, selectQuestions, selectReview } from '../src/core/quiz/select.js';
import type { Question } from '../src/core/quiz/types.js';
import { seededRandom, type Random } from '../src/core/random.js';
import { knownLessons, markKnown, moduleState, planPlacement } from '../src/core/placement.js';
import { fsrsScheduler } from '../src/core/schedule.js';
import { loadCourse } from '../src/io/load-course.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RIGHT = arg('right', 0.8);
const ANSWERS = arg('answers', 40);
const DAYS = arg('days', 30);
const SEED = arg('seed', 7);
const MIN_SCORED = 5;

const { course } = loadCourse(join(process.cwd(), 'lessons'));
const bank = quizBank(course);
const lessons = course.ordered.filter((n) => quizzable(n) && bank.hasQuestions(n));
const start = new Date(2026, 0, 5, 9, 0, 0);

interface Learner {
  /** The chance of a right answer to a question of this lesson. */
  right: (lessonId: string) => number;
  placement: boolean;
}

interface Run {
  rows: string[];
  finished: number | undefined;
  maxDue: number;
  answers: number;
  placementAnswers: number;
  testedOut: number;
}

function simulate(learner: Learner, random: Random): Run {
  let progress: Progress = emptyProgress();
  let answers = 0;

  /** Answers questions as the learner would, a minute each; a missed one is asked once more at the end (practice). Returns the answers given. */
  function answer(questions: Question[], clock: { now: Date }): { given: number; right: number } {
    let right = 0;
    let given = 0;
    for (const q of questions) {
      const correct = random() < learner.right(q.lessonId);
      progress = recordAnswer(progress, { questionId: q.id, lessonId: q.lessonId, topic: q.topic, fact: q.fact, correct, at: clock.now }, fsrsScheduler);
      clock.now = new Date(clock.now.getTime() + 60_000);
      given += correct ? 1 : 2;
      if (correct) right++;
    }
    return { given, right };
  }

  /** The placement test on day 1, before anything else: one answer a question, none asked again. */
  function placement(clock: { now: Date }): { given: number; testedOut: number } {
    let given = 0;
    let testedOut = 0;
    for (const module of planPlacement({ course, progress, questionsFor: bank.questionsFor })) {
      const results: boolean[] = [];
      for (const q of module.questions) {
        const correct = random() < learner.right(q.lessonId);
        progress = recordAnswer(progress, { questionId: q.id, lessonId: q.lessonId, topic: q.topic, fact: q.fact, correct, at: clock.now }, fsrsScheduler);
        clock.now = new Date(clock.now.getTime() + 60_000);
        results.push(correct);
        given++;
        if (moduleState(module, results) === 'asking') continue;
        const known = knownLessons(module, results);
        progress = markKnown(progress, module, known, clock.now);
        testedOut += known.length;
        break;
      }
    }
    return { given, testedOut };
  }

  const rows: string[] = [];
  let finished: number | undefined;
  let maxDue = 0;
  let placementAnswers = 0;
  let testedOut = 0;
  for (let day = 0; day < DAYS && finished === undefined; day++) {
    const clock = { now: new Date(start.getTime() + day * 86_400_000) };
    let left = ANSWERS;
    let reviews = 0;
    if (day === 0 && learner.placement) {
      const placed = placement(clock);
      placementAnswers = placed.given;
      testedOut = placed.testedOut;
      left -= placed.given;
    }
    for (let guard = 0; left > 0 && guard < 200; guard++) {
      const action = decideNext({ course, progress, now: clock.now, hasQuiz: bank.hasQuestions });
      if (action.kind === 'read') {
        progress = markRead(progress, action.node.lesson.id, clock.now);
        continue;
      }
      if (action.kind === 'done') break;
      const select = { topics: [], random, progress, now: clock.now };
      if (action.kind === 'review') {
        const asked = selectReview(bank.all(), { ...select, count: Math.min(action.count, left) });
        if (asked.length === 0) break;
        const { given } = answer(asked, clock);
        left -= given;
        reviews += asked.length;
        continue;
      }
      const node = action.node;
      const questions = bank.questionsFor(node);
      const asked = selectQuestions(questions, { ...select, count: DEFAULT_COUNT });
      const askable = selectQuestions(questions, { ...select, count: Infinity }).length;
      if (asked.length > left) break; // Not enough time left today for a whole quiz.
      const { given, right } = answer(asked, clock);
      left -= given;
      if (asked.length >= Math.min(MIN_SCORED, askable)) progress = recordQuizScore(progress, node.lesson.id, right / asked.length, clock.now);
    }
    const passed = lessons.filter((n) => isPassed(progress, n.lesson.id)).length;
    const due = dueFacts(progress, new Date(start.getTime() + (day + 1) * 86_400_000));
    maxDue = Math.max(maxDue, due);
    answers += ANSWERS - Math.max(left, 0);
    rows.push(`| ${day + 1} | ${passed} of ${lessons.length} | ${reviews} | ${due} | ${ANSWERS - Math.max(left, 0)} |`);
    if (passed === lessons.length) finished = day + 1;
  }
  return { rows, finished, maxDue, answers, placementAnswers, testedOut };
}

const TABLE = ['| day | lessons passed | reviews done | reviews due next morning | answers |', '|---:|---:|---:|---:|---:|'];

console.log(`A learner right ${Math.round(RIGHT * 100)}% of the time, ${ANSWERS} answers a day, ${DAILY_REVIEWS} reviews a day before new lessons.\n`);
const plain = simulate({ right: () => RIGHT, placement: false }, seededRandom(SEED));
console.log([...TABLE, ...plain.rows].join('\n'));
console.log(`\n${plain.finished === undefined ? `Not passed within ${DAYS} days.` : `The whole course passed on day ${plain.finished}.`} Most reviews due on a morning: ${plain.maxDue}. Pass mark ${Math.round(PASS_MARK * 100)}%.`);
console.log(plain.finished !== undefined && plain.finished <= 21 && plain.maxDue <= 40 ? 'Targets met: within 21 days, never more than 40 due.' : 'Targets missed: within 21 days, never more than 40 due.');

// The learner who knows half the course: the first half of its lessons, in course order.
const knownIds = new Set(lessons.slice(0, Math.round(lessons.length / 2)).map((n) => n.lesson.id));
const halfKnown = (lessonId: string): number => (knownIds.has(lessonId) ? 0.95 : RIGHT);
console.log(`\n## A learner who knows half the course\n\nRight 95% of the time on the first ${knownIds.size} of ${lessons.length} lessons, ${Math.round(RIGHT * 100)}% on the rest; ${ANSWERS} answers a day.\n`);
const without = simulate({ right: halfKnown, placement: false }, seededRandom(SEED));
const withTest = simulate({ right: halfKnown, placement: true }, seededRandom(SEED));
const days = (r: Run): string => (r.finished === undefined ? `not within ${DAYS}` : String(r.finished));
console.log('| | passed the course on day | answers given until then | most reviews due on a morning |');
console.log('|---|---:|---:|---:|');
console.log(`| without the placement test | ${days(without)} | ${without.answers} | ${without.maxDue} |`);
console.log(`| with it (${withTest.placementAnswers} placement answers, ${withTest.testedOut} lessons tested out) | ${days(withTest)} | ${withTest.answers} | ${withTest.maxDue} |`);
console.log('\nWith the placement test:\n');
console.log([...TABLE, ...withTest.rows].join('\n'));
const halfDays = without.finished !== undefined && withTest.finished !== undefined && withTest.finished * 2 <= without.finished;
const halfAnswers = without.finished !== undefined && withTest.finished !== undefined && withTest.answers * 2 <= without.answers;
console.log(`\n${halfDays && halfAnswers ? 'Target met' : 'Target missed'}: with the placement test, at most half the days (${days(withTest)} of ${days(without)}) and half the answers (${withTest.answers} of ${without.answers}).`);
