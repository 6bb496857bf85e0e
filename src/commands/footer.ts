// The footer under a lesson: where you are in the course and what comes next.
import { breadcrumb, type CourseNode } from '../core/course.js';
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
  lines.push(`${theme.strong(`${node.number} ${node.lesson.title}`)}  ${theme.dim(`· page ${index + 1} of ${course.ordered.length}${trail.length ? ` · ${trail.join(' › ')}` : ''}`)}`);
  const after = course.ordered.slice(index + 1).find((n) => !isRead(progress, n)) ?? course.ordered[index + 1];
  if (session.bank.hasQuestions(node)) lines.push(`Check yourself: ${theme.accent(`pm-guide quiz ${node.lesson.id}`)}`);
  if (after) lines.push(`Next: ${after.number} ${after.lesson.title}  ${theme.dim('→')} ${theme.accent('pm-guide next')}`);
  else lines.push(`That is the last page of the course. ${theme.accent('pm-guide next')} tells you what to do now.`);
  return wrapLines(lines.join('\n'), width);
}
