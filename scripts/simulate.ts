// npm run simulate [-- --right 0.8 --answers 40 --days 30 --seed 7]: a
// scripted learner takes the shipped course with pm-guide's own scheduler,
// selection and `next`, on a fake clock. Each day they give a fixed number of
// answers, each right with a fixed chance, reading whatever `next` says to read
// and taking whatever quiz or review it offers. Prints, per day, the lessons
// passed, the reviews done and the reviews due, and whether the course was
// passed within 21 days with never more than 40 reviews due.
import { join } from 'node:path';
import { decideNext, DAILY_REVIEWS } from '../src/core/next.js';
import { PASS_MARK, dueFacts, emptyProgress, isPassed, markRead, recordAnswer, recordQuizScore, type Progress } from '../src/core/progress.js';
import { quizBank, quizzable } from '../src/core/quiz/bank.js';
import { DEFAULT_COUNT, selectQuestions, selectReview } from '../src/core/quiz/select.js';
import type { Question } from '../src/core/quiz/types.js';
import { seededRandom } from '../src/core/random.js';
import { fsrsScheduler } from '../src/core/schedule.js';
import { loadCourse } from '../src/io/load-course.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RIGHT = arg('right', 0.8);
const ANSWERS = arg('answers', 40);
const DAYS = arg('days', 30);
const random = seededRandom(arg('seed', 7));
const MIN_SCORED = 5;

const { course } = loadCourse(join(process.cwd(), 'lessons'));
const bank = quizBank(course);
const lessons = course.ordered.filter((n) => quizzable(n) && bank.hasQuestions(n));
let progress: Progress = emptyProgress();
const start = new Date(2026, 0, 5, 9, 0, 0);

/** Answers questions as the learner would, a minute each; a missed one is asked once more at the end (practice). Returns the answers given. */
function answer(questions: Question[], clock: { now: Date }): { given: number; right: number } {
  let right = 0;
  let given = 0;
  for (const q of questions) {
    const correct = random() < RIGHT;
    progress = recordAnswer(progress, { questionId: q.id, lessonId: q.lessonId, topic: q.topic, fact: q.fact, correct, at: clock.now }, fsrsScheduler);
    clock.now = new Date(clock.now.getTime() + 60_000);
    given += correct ? 1 : 2;
    if (correct) right++;
  }
  return { given, right };
}

console.log(`A learner right ${Math.round(RIGHT * 100)}% of the time, ${ANSWERS} answers a day, ${DAILY_REVIEWS} reviews a day before new lessons.\n`);
console.log('| day | lessons passed | reviews done | reviews due next morning | answers |');
console.log('|---:|---:|---:|---:|---:|');
let finished: number | undefined;
let maxDue = 0;
for (let day = 0; day < DAYS && finished === undefined; day++) {
  const clock = { now: new Date(start.getTime() + day * 86_400_000) };
  let left = ANSWERS;
  let reviews = 0;
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
  console.log(`| ${day + 1} | ${passed} of ${lessons.length} | ${reviews} | ${due} | ${ANSWERS - Math.max(left, 0)} |`);
  if (passed === lessons.length) finished = day + 1;
}
console.log(`\n${finished === undefined ? `Not passed within ${DAYS} days.` : `The whole course passed on day ${finished}.`} Most reviews due on a morning: ${maxDue}. Pass mark ${Math.round(PASS_MARK * 100)}%.`);
console.log(finished !== undefined && finished <= 21 && maxDue <= 40 ? 'Targets met: within 21 days, never more than 40 due.' : 'Targets missed: within 21 days, never more than 40 due.');
