// pm-guide placement: a short adaptive test that marks the lessons a learner
// knows already as tested out, so that `next` skips them (the rules are in
// core/placement.ts). Every answer is saved as a quiz answer before its
// feedback shows, so its question joins the reviews; a module's lessons are
// marked as soon as its test stops. `--undo LESSON` puts a tested-out lesson
// back on the path.
import type { CourseNode } from '../core/course.js';
import { CourseError, InvalidLessonError, UsageError } from '../core/errors.js';
import { decideNext } from '../core/next.js';
import { isTestedOut, knownLessons, markKnown, moduleState, planPlacement, undoTestedOut } from '../core/placement.js';
import { recordAnswer } from '../core/progress.js';
import { isCorrect } from '../core/quiz/grade.js';
import type { Question } from '../core/quiz/types.js';
import { sourceHash } from '../core/changes.js';
import { describeNext } from '../ui/home-view.js';
import { formatPlacementSummary, moduleHeading, moduleVerdict, placementFeedback, placementIntro } from '../ui/placement-view.js';
import { questionHeader } from '../ui/quiz-view.js';
import { theme } from '../ui/theme.js';
import { isInteractive, print, terminalWidth, type Context } from '../context.js';
import { dailyReviews } from './next.js';
import { courseState, openSession, resolveLesson, type Session } from './session.js';

export interface PlacementOptions {
  /** A lesson to put back on the path. */
  undo?: string | undefined;
}

export async function runPlacement(ctx: Context, options: PlacementOptions): Promise<void> {
  if (options.undo !== undefined) return undo(ctx, options.undo);
  if (!isInteractive(ctx)) {
    throw new UsageError('the placement test needs a terminal to ask its questions (stdin or stdout is not a terminal)', 'run it in a terminal');
  }
  const session = openSession(ctx);
  const questionsFor = (node: CourseNode): Question[] => {
    try {
      return session.bank.questionsFor(node);
    } catch (error) {
      if (error instanceof InvalidLessonError) return []; // A broken quiz block: that lesson is not placed.
      throw error;
    }
  };
  const modules = planPlacement({ course: session.course, progress: session.progress, questionsFor });
  if (modules.length === 0) {
    print(ctx, `Nothing to place: every lesson with questions is read, passed or tested out already. ${theme.dim('pm-guide next tells you what to do now.')}`);
    return;
  }
  const { fsrsScheduler } = await import('../core/schedule.js');
  const width = Math.min(terminalWidth(ctx), 100);
  const testedOut: CourseNode[] = [];
  let answers = 0;
  let right = 0;
  let left = false;
  print(ctx, placementIntro(modules, width));
  outer: for (const module of modules) {
    print(ctx);
    print(ctx, moduleHeading(module, width));
    const given: boolean[] = [];
    for (const question of module.questions) {
      const node = session.course.byId.get(question.lessonId)!;
      print(ctx);
      print(ctx, questionHeader(question, given.length, module.questions.length, width, `${node.number} ${node.lesson.title}`));
      let reply = await ctx.prompter.quizQuestion({ kind: question.kind, message: question.prompt, choices: question.choices, offerHint: false });
      while (reply.kind === 'hint') reply = await ctx.prompter.quizQuestion({ kind: question.kind, message: question.prompt, choices: question.choices, offerHint: false });
      if (reply.kind === 'leave') {
        left = true;
        break outer;
      }
      const correct = reply.kind === 'answer' && isCorrect(question, reply.value);
      // Saved before the feedback is shown, as a quiz answer: its question joins the reviews.
      session.progress = session.store.update((p) =>
        recordAnswer(p, { questionId: question.id, lessonId: question.lessonId, topic: question.topic, fact: question.fact, source: sourceHash(node.lesson, question), correct, at: ctx.now() }, fsrsScheduler),
      );
      given.push(correct);
      answers++;
      if (correct) right++;
      print(ctx, placementFeedback(question, reply.kind === 'unknown' ? 'unknown' : correct ? 'right' : 'wrong'));
      const state = moduleState(module, given);
      if (state === 'asking') continue;
      const known = knownLessons(module, given);
      session.progress = session.store.update((p) => markKnown(p, module, known, ctx.now()));
      testedOut.push(...known);
      print(ctx);
      print(ctx, moduleVerdict(state, module, known, width));
      break;
    }
  }
  print(ctx);
  print(ctx, formatPlacementSummary({ answers, right, testedOut, next: describeNext(nextAction(ctx, session)), left }, width));
}

function nextAction(ctx: Context, session: Session): ReturnType<typeof decideNext> {
  const state = courseState(ctx, session);
  return decideNext({ course: session.course, progress: state.progress, now: ctx.now(), hasQuiz: session.bank.hasQuestions, dailyReviews: dailyReviews(ctx), changed: state.changed });
}

function undo(ctx: Context, lesson: string): void {
  const session = openSession(ctx);
  const node = resolveLesson(session, lesson);
  const title = `${node.number} ${node.lesson.title}`;
  if (!isTestedOut(session.progress, node.lesson.id)) {
    throw new CourseError(`"${title}" is not tested out`, 'pm-guide list shows which lessons are');
  }
  session.progress = session.store.update((p) => undoTestedOut(p, node.lesson.id));
  print(ctx, `${title} is no longer tested out: it is back on your path, and pm-guide next offers it when its turn comes.`);
}
