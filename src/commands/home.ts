// pm-guide with no command: the home screen. The course with a bar per module,
// what `next` would do and the reviews due, then a menu (arrow keys, or type to
// filter) to read, quiz, review, see stats or search. Every action comes back
// here; Esc or q leaves, Ctrl-C leaves at once (answers are saved as they are
// given). Not on a terminal, it prints the overview and ends.
import type { CourseNode } from '../core/course.js';
import { CourseError, InterruptedError, PmGuideError } from '../core/errors.js';
import { decideNext, type NextAction } from '../core/next.js';
import { computeStats } from '../core/stats.js';
import { neutraliseLine } from '../core/text.js';
import { onTerminate } from '../signals.js';
import { formatHome } from '../ui/home-view.js';
import { matchLine } from '../ui/search-view.js';
import { formatStats } from '../ui/stats-view.js';
import { theme } from '../ui/theme.js';
import { isInteractive, print, terminalWidth, type Context, type MenuItem, type Prompter } from '../context.js';
import { courseTitle, lessonStatus } from './list.js';
import { dailyReviews } from './next.js';
import { masteryOf } from '../core/progress.js';
import { declinePlacement, offersPlacement } from '../core/placement.js';
import { searchCourse } from './search.js';
import { courseState, openSession, currentNode, type Session } from './session.js';
import { sessionStats } from './stats.js';

type Prompts = Prompter;
type Choice = 'next' | 'read' | 'quiz' | 'review' | 'search' | 'stats' | 'placement' | 'decline' | 'quit';
/** After an action: show the menu again at once, or first let the learner read what is on screen. */
type After = 'menu' | 'pause';

const CLEAR = '\u001b[H\u001b[2J';

function nextAction(ctx: Context, session: Session, now: Date): NextAction {
  const state = courseState(ctx, session);
  return decideNext({ course: session.course, progress: state.progress, now, hasQuiz: session.bank.hasQuestions, dailyReviews: dailyReviews(ctx), changed: state.changed });
}

/** `next`: what nextAction says, when the caller has it already (it weighs every question answered). */
export function homeOverview(ctx: Context, session: Session, commands: boolean, next = nextAction(ctx, session, ctx.now())): string {
  const stats = computeStats({ course: session.course, progress: session.progress, now: ctx.now() });
  return formatHome({ title: courseTitle(session), stats, next, width: terminalWidth(ctx), commands, offerPlacement: offersPlacement(session.progress) });
}

export async function runHome(ctx: Context): Promise<void> {
  const session = openSession(ctx);
  if (!isInteractive(ctx)) {
    print(ctx, homeOverview(ctx, session, true));
    return;
  }
  const prompts = ctx.prompter;
  let notice: string | undefined;
  let first = true;
  try {
    for (;;) {
      onTerminate(prompts.abort);
      // Fresh from disk each time: another terminal may have saved answers meanwhile.
      session.progress = session.store.load();
      if (!first) ctx.stdout.write(CLEAR);
      first = false;
      const next = nextAction(ctx, session, ctx.now());
      print(ctx, homeOverview(ctx, session, false, next));
      print(ctx);
      if (notice) print(ctx, `${notice}\n`);
      notice = undefined;
      const choice = await prompts.pick<Choice>({
        message: 'What would you like to do?',
        items: menu(ctx, session, next),
        quitKey: true,
        escHint: 'quit',
      });
      if (choice === undefined || choice === 'quit') break;
      let after: After;
      try {
        after = await perform(ctx, session, prompts, choice);
      } catch (error) {
        if (error instanceof PmGuideError && !(error instanceof InterruptedError)) {
          notice = `${theme.bad(neutraliseLine(error.message))}${error.hint ? theme.dim(` (${neutraliseLine(error.hint)})`) : ''}`;
          continue;
        }
        throw error;
      }
      if (after === 'pause') {
        print(ctx);
        const key = await prompts.waitForKey('Press any key for the menu · q to quit');
        if (key === 'q') break;
      }
    }
  } catch (error) {
    if (error instanceof InterruptedError && error.message === 'stopped') throw new InterruptedError('\nStopped. Your progress is saved.');
    throw error;
  } finally {
    onTerminate(undefined);
  }
  print(ctx, theme.dim('See you next time. Your progress is saved; pm-guide next picks up where you left off.'));
}

function menu(ctx: Context, session: Session, next: NextAction): MenuItem<Choice>[] {
  const now = ctx.now();
  const stats = computeStats({ course: session.course, progress: session.progress, now });
  const items: MenuItem<Choice>[] = [];
  const cont =
    next.kind === 'read'
      ? `read ${next.node.number} ${next.node.lesson.title}`
      : next.kind === 'quiz'
        ? `quiz yourself on ${next.node.number} ${next.node.lesson.title}`
        : next.kind === 'review'
          ? `review the ${next.due} question${next.due === 1 ? '' : 's'} due`
          : undefined;
  if (cont) items.push({ name: neutraliseLine(`Continue: ${cont}`), value: 'next', keywords: 'next continue go' });
  const t = stats.totals;
  items.push(
    { name: 'Read a lesson', value: 'read', hint: `${t.pagesRead} of ${t.pages} read`, keywords: 'open lessons list' },
    { name: 'Take a quiz', value: 'quiz', hint: `${t.passed} of ${t.lessons} passed`, keywords: 'test check yourself' },
    {
      name: 'Review what is due',
      value: 'review',
      hint: stats.reviews.dueNow ? `${stats.reviews.dueNow} due` : 'nothing due now',
      keywords: 'spaced repetition practise practice',
    },
    { name: 'Search the lessons', value: 'search', keywords: 'find look up' },
    { name: 'Your stats', value: 'stats', hint: stats.streak.current ? `${stats.streak.current}-day streak` : '', keywords: 'progress statistics accuracy streak' },
  );
  // The first time only: nothing read, nothing answered, not declined (core/placement.ts). Last but Quit, so the usual items keep their places.
  if (offersPlacement(session.progress)) {
    items.push(
      { name: 'Take the placement test', value: 'placement', hint: 'skip the lessons you know already', keywords: 'placement test skip know' },
      { name: 'No placement test, thanks', value: 'decline', hint: 'not offered again', keywords: 'decline skip placement' },
    );
  }
  items.push({ name: 'Quit', value: 'quit', keywords: 'exit leave bye' });
  return items;
}

async function perform(ctx: Context, session: Session, prompts: Prompts, choice: Choice): Promise<After> {
  const { showChanges, showLesson, output } = await import('./read.js');
  const { runQuiz } = await import('./quiz.js');
  const read = async (node: CourseNode): Promise<After> => ((await showLesson(ctx, session, node, { pager: true })) ? 'menu' : 'pause');
  const quiz = async (node: CourseNode): Promise<After> => {
    ctx.stdout.write(CLEAR);
    await runQuiz(ctx, { lesson: node.lesson.id, topics: [], review: false, preview: false, json: false }, session);
    return 'pause';
  };
  switch (choice) {
    case 'next': {
      const action = nextAction(ctx, session, ctx.now());
      if (action.kind === 'read') return read(action.node);
      if (action.kind === 'changed') return (await showChanges(ctx, session, action.node, { pager: true })) ? 'menu' : 'pause';
      if (action.kind === 'quiz') return quiz(action.node);
      if (action.kind === 'review') return review(ctx, session, runQuiz);
      return 'menu';
    }
    case 'read': {
      const node = await pickLesson(ctx, session, prompts, 'read');
      return node ? read(node) : 'menu';
    }
    case 'quiz': {
      const node = await pickLesson(ctx, session, prompts, 'quiz');
      return node ? quiz(node) : 'menu';
    }
    case 'review':
      return review(ctx, session, runQuiz);
    case 'search': {
      const node = await searchPrompt(ctx, session, prompts);
      return node ? read(node) : 'menu';
    }
    case 'stats': {
      ctx.stdout.write(CLEAR);
      return (await output(ctx, formatStats(sessionStats(session, ctx.now(), courseState(ctx, session).progress), { width: terminalWidth(ctx) }), true)) ? 'menu' : 'pause';
    }
    case 'placement': {
      ctx.stdout.write(CLEAR);
      await (await import('./placement.js')).runPlacement(ctx, {});
      return 'pause';
    }
    case 'decline':
      session.progress = session.store.update((p) => declinePlacement(p, ctx.now()));
      return 'menu';
    case 'quit':
      return 'menu';
  }
}

async function review(ctx: Context, session: Session, runQuiz: typeof import('./quiz.js').runQuiz): Promise<After> {
  ctx.stdout.write(CLEAR);
  await runQuiz(ctx, { topics: [], review: true, preview: false, json: false }, session);
  return 'pause';
}

function statusHint(session: Session, node: CourseNode, isMastered: (lessonId: string) => boolean): string {
  const s = lessonStatus(session, node, isMastered);
  const parts: string[] = [];
  if (s.mastered) parts.push('★ mastered');
  else if (s.bestScore !== null) parts.push(`quiz ${Math.round(s.bestScore * 100)}%`);
  if (s.testedOut) parts.unshift('tested out');
  if (s.read && !s.mastered) parts.unshift('read');
  return parts.join(' · ');
}

/** A list of the course's pages to choose from, starting at the one a learner most likely wants. */
async function pickLesson(ctx: Context, session: Session, prompts: Prompts, purpose: 'read' | 'quiz'): Promise<CourseNode | undefined> {
  const nodes = purpose === 'read' ? session.course.ordered : session.course.ordered.filter((n) => session.bank.hasQuestions(n));
  if (nodes.length === 0) throw new CourseError('this course has no quizzes yet', 'read its lessons instead');
  const next = nextAction(ctx, session, ctx.now());
  const current = currentNode(session.course, session.progress);
  const isMastered = masteryOf(session.progress, ctx.now());
  const preferred =
    next.kind === purpose ? next.node : purpose === 'quiz' ? (nodes.includes(current) ? current : nodes.find((n) => !lessonStatus(session, n, isMastered).passed)) : current;
  const items = nodes.map((node) => {
    const title = neutraliseLine(`${'  '.repeat(node.depth)}${node.number}  ${node.lesson.title}`);
    return {
      name: node.lesson.isModule ? theme.heading(title) : title,
      value: node,
      hint: statusHint(session, node, isMastered),
      keywords: node.lesson.id,
    };
  });
  return prompts.pick({
    message: purpose === 'read' ? 'Which lesson?' : 'Quiz yourself on which lesson?',
    items,
    default: preferred ?? nodes[0],
    pageSize: Math.max(5, Math.min(15, (ctx.stdout.rows ?? 24) - 6)),
  });
}

/** Type to search: the results follow each key, with the matching line of the one under the cursor. */
async function searchPrompt(ctx: Context, session: Session, prompts: Prompts): Promise<CourseNode | undefined> {
  const width = Math.min(terminalWidth(ctx), 110);
  const id = await prompts.pick<string>({
    message: 'Search:',
    typeHint: 'type words to search',
    empty: 'No lesson matches: try fewer or other words.',
    pageSize: Math.max(5, Math.min(10, (ctx.stdout.rows ?? 24) - 8)),
    items: (typed) => {
      if (typed.trim() === '') return [];
      return searchCourse(session.course, typed, 20).hits.map((hit) => ({
        name: neutraliseLine(`${hit.number}  ${hit.title}`),
        value: hit.id,
        hint: hit.id,
        description: `  ${matchLine(hit, width - 4)}`,
      }));
    },
  });
  return id === undefined ? undefined : session.course.byId.get(id);
}
