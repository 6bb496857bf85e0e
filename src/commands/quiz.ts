// pm-guide quiz [lesson]: a self-check quiz on a lesson's responsibilities,
// tools and examples, or a review of what is due across the course. Every
// answer is saved before its feedback is shown, so stopping at any point
// loses nothing; a missed question is asked once more at the end.
import type { CourseNode } from '../core/course.js';
import { CourseError, InterruptedError, UsageError } from '../core/errors.js';
import { isRead } from '../core/next.js';
import { PASS_MARK, recordAnswer, recordQuizScore, reviseAnswer, type Answer, type ItemProgress, type Topic } from '../core/progress.js';
import { seededRandom } from '../core/random.js';
import { quizzable } from '../core/quiz/bank.js';
import { generateQuestions } from '../core/quiz/generate.js';
import { buildCourse } from '../core/course.js';
import { parseLessonFile } from '../io/load-course.js';
import { looksLikeFile, tryOpenSessionFor } from './lesson-file.js';
import { isCorrect, multipleDiff } from '../core/quiz/grade.js';
import { passageFor } from '../core/quiz/passage.js';
import { DEFAULT_COUNT, selectQuestions, selectReview } from '../core/quiz/select.js';
import type { Question } from '../core/quiz/types.js';
import { onInterrupt, onTerminate } from '../signals.js';
import { formatFeedback, formatHint, formatPreview, formatSummary, previewJson, questionHeader, quizTitle, type Outcome, type Result } from '../ui/quiz-view.js';
import { theme } from '../ui/theme.js';
import { isInteractive, print, terminalWidth, type Context, type QuizReply } from '../context.js';
import { courseState, openSession, resolveLesson, currentNode, type Session } from './session.js';
import { sourceHash, sourceText } from '../core/changes.js';
import { isLeech } from '../core/leech.js';
import { DEFAULT_CONFIDENCE } from '../core/confidence.js';
import { formatLeech } from '../ui/leech-view.js';

export interface QuizOptions {
  lesson?: string | undefined;
  topics: string[];
  count?: number | undefined;
  seed?: number | undefined;
  review: boolean;
  preview: boolean;
  json: boolean;
}

/** `opened`: the session of the command that started the quiz (next, home), so the course is not loaded twice. */
export async function runQuiz(ctx: Context, options: QuizOptions, opened?: Session): Promise<void> {
  if (options.json && !options.preview) throw new UsageError('--json goes with --preview', 'run pm-guide quiz LESSON --preview --json');
  if (options.review && options.lesson !== undefined) throw new UsageError('--review covers the whole course: leave out the lesson', 'run pm-guide quiz --review');
  if (!options.preview && !isInteractive(ctx)) {
    throw new UsageError('the quiz needs a terminal to ask its questions (stdin or stdout is not a terminal)', 'run it in a terminal, or use --preview to print the questions');
  }
  const session = opened ?? openSession(ctx);
  const topics = options.topics as Topic[];
  const random = seededRandom(options.seed ?? Date.now());
  // The progress as the course now stands: questions whose sentence changed are due again, questions it no longer asks are gone.
  const select = { topics, count: options.count ?? DEFAULT_COUNT, random, progress: courseState(ctx, session).progress, now: ctx.now() };

  if (options.review) {
    const chosen = selectReview(session.bank.all(), select);
    if (chosen.length === 0) {
      print(ctx, `Nothing is due for review. ${theme.dim('pm-guide next tells you what to do now.')}`);
      return;
    }
    await askAll(ctx, session, chosen, undefined, 'Review');
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
  const node = options.lesson === undefined ? lessonToQuiz(session) : file ? (tryOpenSessionFor(ctx, file)?.node ?? resolveLesson(session, options.lesson)) : resolveLesson(session, options.lesson);
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
    throw new CourseError(`"${node.lesson.title}" is for reading: it has no quiz questions`, 'pm-guide next moves on to what comes after it');
  }
  const chosen = selectQuestions(questions, select);
  if (chosen.length === 0) {
    throw new CourseError(`"${node.lesson.title}" has no questions on ${topics.join(', ')}`, 'try another --topic, or leave it out');
  }
  // The most a quiz on this lesson can ask, one question per fact and per answer: a score counts once a quiz asks MIN_SCORED, or all of them.
  const askable = selectQuestions(questions, { ...select, count: Infinity }).length;
  await askAll(ctx, session, chosen, { node, minimum: Math.min(MIN_SCORED, askable) }, `${node.number} ${node.lesson.title}`);
}

/** A bare `pm-guide quiz`: the lesson you are on, or the first one from there that has questions. */
function lessonToQuiz(session: Session): CourseNode {
  const ordered = session.course.ordered;
  const from = Math.max(0, ordered.indexOf(currentNode(session.course, session.progress)));
  return [...ordered.slice(from), ...ordered.slice(0, from)].find((n) => session.bank.hasQuestions(n)) ?? ordered[from]!;
}

/** Asks one question until it has an answer; a hint may come first. */
async function askOne(ctx: Context, session: Session, question: Question, width: number): Promise<{ reply: Exclude<QuizReply, { kind: 'hint' }>; hinted: boolean }> {
  let hinted = false;
  for (;;) {
    const reply = await ctx.prompter.quizQuestion({ kind: question.kind, message: question.prompt, choices: question.choices, offerHint: !hinted });
    if (reply.kind !== 'hint') return { reply, hinted };
    hinted = true;
    print(ctx, formatHint(passageFor(nodeOf(session, question), question).where, width));
  }
}

const nodeOf = (session: Session, question: Question): CourseNode => session.course.byId.get(question.lessonId)!;

/** A question just become a leech: the passage to read, and whether another question on its fact takes its place. */
function leechNotice(session: Session, question: Question, width: number): string {
  const node = nodeOf(session, question);
  const alternative = session.bank.questionsFor(node).some((q) => q.fact === question.fact && q.id !== question.id);
  return formatLeech(passageFor(node, question).where, sourceText(node.lesson, question), alternative, width);
}

class LeftQuiz extends Error {}

/** Questions a quiz must ask for its score to pass a lesson (or all the lesson has, if fewer). */
const MIN_SCORED = 5;

/** A lesson's quiz: the lesson, and how many answers its score needs to count. */
interface Scored {
  node: CourseNode;
  minimum: number;
}

/**
 * Asks each question and saves its answer before showing whether it was right.
 * Ctrl-C, SIGTERM or SIGHUP at any moment stop the quiz with every answer shown
 * on screen saved: in a prompt they end the prompt; between Enter and the next
 * question (the terminal is out of raw mode, so Ctrl-C is a signal) the signal
 * waits for the save, which is synchronous, and the quiz stops after it.
 */
async function askAll(ctx: Context, session: Session, questions: Question[], scored: Scored | undefined, title: string): Promise<void> {
  const node = scored?.node;
  const { fsrsScheduler } = await import('../core/schedule.js');
  const results: Result[] = [];
  let stopAsked = false;
  const stop = (): void => {
    stopAsked = true;
    ctx.prompter.abort();
  };
  const saved = (): string => `${results.length} answer${results.length === 1 ? '' : 's'} saved`;
  const stopped = (): InterruptedError => new InterruptedError(`\nStopped. ${saved()}.`);
  onTerminate(stop);
  onInterrupt(stop);
  const width = Math.min(terminalWidth(ctx), 100);
  const queue = questions.map((question) => ({ question, again: false }));
  try {
    print(ctx, quizTitle(title, questions.length, width));
    for (let i = 0; i < queue.length; i++) {
      if (stopAsked) throw stopped();
      const { question, again } = queue[i]!;
      print(ctx);
      const from = node ? undefined : nodeOf(session, question);
      print(ctx, questionHeader(question, again ? undefined : results.length, questions.length, width, from && `${from.number} ${from.lesson.title}`));
      const { reply, hinted } = await askOne(ctx, session, question, width);
      if (reply.kind === 'leave') throw new LeftQuiz();
      const response = reply.kind === 'answer' ? reply.value : undefined;
      const correct = response !== undefined && isCorrect(question, response);
      const outcome: Outcome = reply.kind === 'unknown' ? 'unknown' : correct ? 'right' : 'wrong';
      const wasLeech = isLeech(session.progress.items[question.id]);
      if (!again) {
        // Saved as soon as it is given, "think so" until the learner says how sure: an answer
        // on screen is in the file whatever stops the quiz next.
        const answer: Answer = { questionId: question.id, lessonId: question.lessonId, topic: question.topic, fact: question.fact, source: sourceHash(nodeOf(session, question).lesson, question), correct, hinted, at: ctx.now() };
        let before: ItemProgress | undefined;
        session.progress = session.store.update((p) => {
          before = p.items[question.id];
          return recordAnswer(p, { ...answer, ...(response !== undefined ? { confidence: DEFAULT_CONFIDENCE } : {}) }, fsrsScheduler);
        });
        results.push({ question, correct });
        if (!correct) queue.push({ question, again: true });
        if (response !== undefined) {
          if (stopAsked) throw stopped(); // A Ctrl-C during the save: before another prompt takes the terminal.
          const sure = await ctx.prompter.howSure();
          if (sure === 'leave') throw new LeftQuiz();
          if (sure !== DEFAULT_CONFIDENCE) session.progress = session.store.update((p) => reviseAnswer(p, before, { ...answer, confidence: sure }, fsrsScheduler));
        }
      }
      const diff = question.kind === 'multiple' && response !== undefined && !correct ? multipleDiff(question, response) : undefined;
      const leech = !again && !wasLeech && isLeech(session.progress.items[question.id]);
      print(ctx, formatFeedback(question, outcome, passageFor(nodeOf(session, question), question), { width, diff, again, leech }));
      if (leech) print(ctx, leechNotice(session, question, width));
    }
    if (stopAsked) throw stopped();
    // Listening until the end: Ctrl-C after the last Enter waits for the score to be saved too.
    const score = results.filter((r) => r.correct).length / results.length;
    const unread = node !== undefined && !isRead(session.progress, node);
    // A quiz too short to say much (--count 1) is practice: it does not pass a lesson.
    const counts = scored !== undefined && results.length >= scored.minimum;
    if (node && counts) session.progress = session.store.update((p) => recordQuizScore(p, node.lesson.id, score, ctx.now()));
    print(ctx);
    print(ctx, formatSummary(results, scored ? { passMark: PASS_MARK, lessonId: scored.node.lesson.id, unread, counts, minimum: scored.minimum } : undefined, width));
  } catch (error) {
    if (error instanceof InterruptedError) throw stopped();
    if (error instanceof LeftQuiz) {
      print(ctx, `\nLeft the quiz. ${saved()}.`);
      return;
    }
    throw error;
  } finally {
    onTerminate(undefined);
    onInterrupt(undefined);
  }
}
