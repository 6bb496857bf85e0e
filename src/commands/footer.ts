// The footer under a lesson: where you are in the course and what comes next.
import { breadcrumb, numberLabel, type CourseNode } from '../core/course.js';
import { isRead } from '../core/next.js';
import { wrapLines } from '../ui/ansi.js';
import { theme } from '../ui/theme.js';
import { terminalWidth, type Context } from '../context.js';
import type { Session } from './session.js';

export function lessonFooter(ctx: Context, session: Session, node: CourseNode): string {
  const { course, progress } = session;
  const index = course.ordered.indexOf(node);
  const width = Math.min(terminalWidth(ctx), 100);
  const lines = [theme.dim('─'.repeat(Math.max(10, width)))];
  const trail = breadcrumb(node).slice(0, -1);
  const named = (n: CourseNode): string => [numberLabel(n), n.lesson.title].filter((p) => p !== '').join(' ');
  // A page left out of the navigation (nav_exclude) has no place in it to show.
  const place = index === -1 ? 'not in the navigation' : `page ${index + 1} of ${course.ordered.length}`;
  lines.push(`${theme.strong(named(node))}  ${theme.dim(`· ${place}${trail.length ? ` · ${trail.join(' › ')}` : ''}`)}`);
  const after = index === -1 ? undefined : (course.ordered.slice(index + 1).find((n) => !isRead(progress, n)) ?? course.ordered[index + 1]);
  if (session.bank.hasQuestions(node)) lines.push(`Check yourself: ${theme.accent(`pm-guide quiz ${node.lesson.id}`)}`);
  if (after) lines.push(`Next: ${named(after)}  ${theme.dim('→')} ${theme.accent('pm-guide next')}`);
  else if (index === -1) lines.push(`${theme.accent('pm-guide next')} tells you what to do now.`);
  else lines.push(`That is the last page of the course. ${theme.accent('pm-guide next')} tells you what to do now.`);
  return wrapLines(lines.join('\n'), width);
}
