// The overview at the top of the home screen (and all of `pm-guide` when it is
// not on a terminal): the course with a bar per module, what to do next,
// reviews due and the streak.
import type { NextAction } from '../core/next.js';
import type { Stats } from '../core/stats.js';
import { neutraliseLine } from '../core/text.js';
import { displayWidth, wrapLines } from './ansi.js';
import { moduleLegend, moduleLines } from './stats-view.js';
import { bar, theme } from './theme.js';

/** What `pm-guide next` would do, in a few words. */
export function describeNext(action: NextAction): string {
  switch (action.kind) {
    case 'changed':
      return `see what changed in ${action.node.number} ${neutraliseLine(action.node.lesson.title)}, changed since you read it`;
    case 'read':
      return `read ${action.node.number} ${neutraliseLine(action.node.lesson.title)}`;
    case 'quiz':
      return `the quiz on ${action.node.number} ${neutraliseLine(action.node.lesson.title)}, which you have read`;
    case 'review':
      return action.count === action.due ? `review ${action.due} question${action.due === 1 ? '' : 's'} due` : `review ${action.count} of ${action.due} questions due`;
    case 'done':
      return action.mastered === action.lessons ? 'nothing: the whole course is mastered' : 'nothing now: every page is read; reviews come back as they fall due';
  }
}

export interface HomeViewInput {
  /** The course's name. */
  title: string;
  stats: Stats;
  next: NextAction;
  width: number;
  /** Not on a terminal: end with the commands to run instead of a menu. */
  commands: boolean;
  /** The first time: offer the placement test. */
  offerPlacement?: boolean;
}

export function formatHome({ title, stats, next, width, commands, offerPlacement = false }: HomeViewInput): string {
  const w = Math.max(40, Math.min(width, 100));
  const t = stats.totals;
  const streak = stats.streak.current > 0 ? ` · ${stats.streak.current}-day streak` : '';
  const summary = `${t.pagesRead} of ${t.pages} pages read · ${t.mastered} of ${t.lessons} lessons mastered${streak}`;
  const overall = bar(t.pages ? t.pagesRead / t.pages : 0, Math.max(10, Math.min(24, w - displayWidth(summary) - 8)));
  const lines = [
    `${theme.title('pm-guide')}  ${theme.dim(neutraliseLine(title))}`,
    displayWidth(`${overall}  ${summary}`) <= w ? `${overall}  ${summary}` : `${overall}\n${summary}`,
    '',
    ...moduleLines(stats, w),
    `  ${moduleLegend()}`,
    '',
  ];
  const r = stats.reviews;
  const week = r.laterToday + r.week.reduce((n, d) => n + d.count, 0);
  lines.push(`${theme.strong('Next    ')} ${describeNext(next)}`);
  const reviews = [r.dueNow > 0 ? theme.warn(`${r.dueNow} due now`) : 'none due now', week > 0 ? `${week} more in the next 7 days` : ''].filter(Boolean).join(' · ');
  lines.push(`${theme.strong('Reviews ')} ${reviews}`);
  if (offerPlacement) {
    lines.push(
      '',
      commands
        ? `${theme.accent('New here?')} pm-guide placement skips the lessons you know already.`
        : `${theme.accent('New here?')} Take the placement test (below) to skip the lessons you know already.`,
    );
  }
  if (commands) {
    lines.push(
      '',
      theme.dim('pm-guide next does the next thing; or read N, quiz N, search WORDS, stats.'),
      theme.dim('Run pm-guide in a terminal for the menu.'),
    );
  }
  return wrapLines(lines.join('\n'), w);
}
