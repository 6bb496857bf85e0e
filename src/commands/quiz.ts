// pm-guide quiz [lesson]: a self-check quiz on a lesson's responsibilities,
// tools and examples, or a review of what is due across the course. Every
// answer is saved as it is given, so stopping at any point loses nothing.
import { relative } from 'node:path';
import type { CourseNode } from '../core/course.js';
import { CourseError, InterruptedError, UsageError } from '../core/errors.js';
import { quizzable } from '../core/quiz/bank.js';
import { PASS_MARK, recordAnswer, recordQuizScore, type Topic } from '../core/progress.js';
import { seededRandom } from '../core/random.js';
import { generateQuestions } from '../core/quiz/generate.js';
import { buildCourse } from '../core/course.js';
import { parseLessonFile } from '../io/load-course.js';
import { looksLikeFile, tryOpenSessionFor } from './lesson-file.js';
import { isCorrect, type Response } from '../core/quiz/grade.js';
import { DEFAULT_COUNT, dueQuestions, selectQuestions } from '../core/quiz/select.js';
import type { Question } from '../core/quiz/types.js';
import { onInterrupt, onTerminate } from '../signals.js';
import { formatFeedback, formatPreview, formatSummary, previewJson, questionHeader, quizTitle, type Result } from '../ui/quiz-view.js';
import { theme } from '../ui/theme.js';
import { isInteractive, print, terminalWidth, type Context } from '../context.js';
import { openSession, resolveLesson, type Session } from './session.js';

export interface QuizOptions {
  lesson?: string | undefined;
  topics: string[];
  count?: number | undefined;
  seed?: number | undefined;
  review: boolean;
  preview: boolean;
  json: boolean;
}

export async function runQuiz(ctx: Context, options: QuizOptions): Promise<void> {
  if (options.json && !options.preview) throw new UsageError('--json goes with --preview', 'run pm-guide quiz LESSON --preview --json');
  if (options.review && options.lesson !== undefined) throw new UsageError('--review covers the whole course: leave out the lesson', 'run pm-guide quiz --review');
  if (!options.preview && !isInteractive(ctx)) {
    throw new UsageError('the quiz needs a terminal to ask its questions (stdin or stdout is not a terminal)', 'run it in a terminal, or use --preview to print the questions');
  }
  const session = openSession(ctx);
  const topics = options.topics as Topic[];

  if (options.review) {
    const due = dueQuestions(session.bank.all(), session.progress, ctx.now());
    if (due.length === 0) {
      print(ctx, `Nothing is due for review. ${theme.dim('pm-guide next tells you what to do now.')}`);
      return;
    }
    const wanted = topics.length ? due.filter((q) => topics.includes(q.topic)) : due;
    await askAll(ctx, session, wanted.slice(0, options.count ?? 20), undefined, 'Review');
    return;
  }

  const file = options.lesson === undefined ? undefined : looksLikeFile(options.lesson, ctx.cwd);
  if (file && options.preview && !tryOpenSessionFor(ctx, file)) {
    // An author's draft outside the course: preview it on its own.
    const lesson = parseLessonFile({ path: file, relPath: file.replace(/^.*[\\/]/, '') }, options.lesson!);
    const standalone = buildCourse([lesson]).ordered[0]!;
    const questions = generateQuestions(lesson).filter((q) => !topics.length || topics.includes(q.topic));
    print(ctx, options.json ? previewJson(questions) : formatPreview(standalone, questions));
    return;
  }
  const node = file ? (tryOpenSessionFor(ctx, file)?.node ?? resolveLesson(session, options.lesson)) : resolveLesson(session, options.lesson);
  if (!quizzable(node)) {
    throw new CourseError(`"${node.lesson.title}" is a module page, not a lesson`, `quiz one of its lessons, e.g. pm-guide quiz ${node.children[0]?.number ?? '1.1'}`);
  }
  const questions = session.bank.questionsFor(node);
  if (options.preview) {
    const shown = topics.length ? questions.filter((q) => topics.includes(q.topic)) : questions;
    print(ctx, options.json ? previewJson(shown) : formatPreview(node, shown));
    return;
  }
  if (questions.length === 0) {
    throw new CourseError(`"${node.lesson.title}" yields no quiz questions`, 'its author can add a ```quiz block; pm-guide lint shows what the quiz finds');
  }
  const random = seededRandom(options.seed ?? Date.now());
  const chosen = selectQuestions(questions, {
    topics,
    count: options.count ?? DEFAULT_COUNT,
    random,
    progress: session.progress,
    now: ctx.now(),
  });
  if (chosen.length === 0) {
    throw new CourseError(`"${node.lesson.title}" has no questions on ${topics.join(', ')}`, 'try another --topic, or leave it out');
  }
  await askAll(ctx, session, chosen, node, `${node.number} ${node.lesson.title}`);
}

async function ask(ctx: Context, question: Question): Promise<Response> {
  const choices = question.choices.map((c) => ({ name: c, value: c }));
  switch (question.kind) {
    case 'multiple':
      return ctx.prompter.chooseMany(question.prompt, choices);
    case 'text':
      return ctx.prompter.typeAnswer(question.prompt);
    default:
      return ctx.prompter.chooseOne(question.prompt, choices);
  }
}

/**
 * Asks each question and saves its answer before showing whether it was right.
 * Ctrl-C, SIGTERM or SIGHUP at any moment stop the quiz with every answer shown
 * on screen saved: in a prompt they end the prompt; between Enter and the next
 * question (the terminal is out of raw mode, so Ctrl-C is a signal) the signal
 * waits for the save, which is synchronous, and the quiz stops after it.
 */
async function askAll(ctx: Context, session: Session, questions: Question[], node: CourseNode | undefined, title: string): Promise<void> {
  const { fsrsScheduler } = await import('../core/schedule.js');
  const results: Result[] = [];
  let stopAsked = false;
  const stop = (): void => {
    stopAsked = true;
    ctx.prompter.abort();
  };
  const stopped = (): InterruptedError => new InterruptedError(`\nStopped. ${results.length} answer${results.length === 1 ? '' : 's'} saved.`);
  onTerminate(stop);
  onInterrupt(stop);
  const width = Math.min(terminalWidth(ctx), 100);
  try {
    print(ctx, quizTitle(title, questions.length, width));
    for (const [index, question] of questions.entries()) {
      if (stopAsked) throw stopped();
      print(ctx);
      print(ctx, questionHeader(question, index, questions.length, width));
      const response = await ask(ctx, question);
      const correct = isCorrect(question, response);
      session.progress = session.store.update((p) =>
        recordAnswer(p, { questionId: question.id, lessonId: question.lessonId, topic: question.topic, correct, at: ctx.now() }, fsrsScheduler),
      );
      results.push({ question, correct });
      print(ctx, formatFeedback(question, correct, lessonFile(session, question), width));
    }
    if (stopAsked) throw stopped();
    // Listening until the end: Ctrl-C after the last Enter waits for the score to be saved too.
    const score = results.filter((r) => r.correct).length / results.length;
    if (node) session.progress = session.store.update((p) => recordQuizScore(p, node.lesson.id, score, ctx.now()));
    print(ctx);
    print(ctx, formatSummary(results, node ? { passMark: PASS_MARK, lessonId: node.lesson.id } : undefined, width));
  } catch (error) {
    if (error instanceof InterruptedError) throw stopped();
    throw error;
  } finally {
    onTerminate(undefined);
    onInterrupt(undefined);
  }
}

/** The lesson's file, relative to the course folder: short enough to read at a glance. */
function lessonFile(session: Session, question: Question): string {
  const file = session.course.byId.get(question.lessonId)?.lesson.file;
  if (!file) return question.lessonId;
  const rel = relative(session.loaded.dir, file);
  return rel.startsWith('..') ? file : rel;
}
