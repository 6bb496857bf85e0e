// pm-guide next: says, in its first line, the one thing to do now, and does it.
import { DAILY_REVIEWS, decideNext } from '../core/next.js';
import { theme } from '../ui/theme.js';
import { isInteractive, print, type Context } from '../context.js';
import { courseState, openSession } from './session.js';

export interface NextOptions {
  pager: boolean;
}

/** Reviews a day before new lessons: PM_GUIDE_DAILY_REVIEWS, or the default. */
export function dailyReviews(ctx: Context): number {
  const n = Number(ctx.env.PM_GUIDE_DAILY_REVIEWS);
  return Number.isInteger(n) && n >= 0 ? n : DAILY_REVIEWS;
}

export async function runNext(ctx: Context, options: NextOptions): Promise<void> {
  const session = openSession(ctx);
  const state = courseState(ctx, session);
  const action = decideNext({
    course: session.course,
    progress: state.progress,
    now: ctx.now(),
    hasQuiz: session.bank.hasQuestions,
    dailyReviews: dailyReviews(ctx),
    changed: state.changed,
  });
  const interactive = isInteractive(ctx);
  switch (action.kind) {
    case 'changed': {
      const line = `Next: ${action.node.number} ${action.node.lesson.title} changed since you read it`;
      if (!ctx.stdout.isTTY) {
        print(ctx, `${line}. See what changed in a terminal: pm-guide read ${action.node.lesson.id} --changes`);
        return;
      }
      const { showChanges } = await import('./read.js');
      await showChanges(ctx, session, action.node, { pager: options.pager, header: theme.dim(line) });
      return;
    }
    case 'read': {
      const { showLesson } = await import('./read.js');
      const later = action.due > 0 ? ` (${action.due} review${action.due === 1 ? '' : 's'} wait for tomorrow: today's are done)` : '';
      const header = theme.dim(`Next: reading ${action.node.number} ${action.node.lesson.title}${later}`);
      await showLesson(ctx, session, action.node, { pager: options.pager, header });
      return;
    }
    case 'quiz': {
      const line = `Next: the quiz on ${action.node.number} ${action.node.lesson.title}, which you have read`;
      if (!interactive) {
        print(ctx, `${line}. Run it in a terminal: pm-guide quiz ${action.node.lesson.id}`);
        return;
      }
      print(ctx, theme.dim(line));
      const { runQuiz } = await import('./quiz.js');
      await runQuiz(ctx, { lesson: action.node.lesson.id, topics: [], review: false, preview: false, json: false }, session);
      return;
    }
    case 'review': {
      const line = `Next: review ${action.count === action.due ? `${action.due} question${action.due === 1 ? '' : 's'} due` : `${action.count} of ${action.due} questions due (today's reviews; then a new lesson)`}`;
      if (!interactive) {
        print(ctx, `${line}. Run it in a terminal: pm-guide quiz --review`);
        return;
      }
      print(ctx, theme.dim(line));
      const { runQuiz } = await import('./quiz.js');
      await runQuiz(ctx, { topics: [], review: true, count: action.count, preview: false, json: false }, session);
      return;
    }
    case 'done':
      print(ctx, `Everything is read, and ${action.mastered} of ${action.lessons} lessons are mastered.`);
      if (action.mastered < action.lessons) print(ctx, 'Quizzes you passed come back for review as they fall due: run pm-guide next again later.');
      else print(ctx, theme.ok('The whole course is mastered. Reviews will come due over the coming weeks to keep it that way.'));
      print(ctx, theme.dim('pm-guide list shows every lesson with its best score.'));
      return;
  }
}
