// pm-guide list: the course as a tree, with each page's status and an overall bar.
import type { CourseNode } from '../core/course.js';
import { isRead, quizzable } from '../core/next.js';
import { isMastered, isPassed } from '../core/progress.js';
import { neutraliseLine } from '../core/text.js';
import { displayWidth } from '../ui/ansi.js';
import { bar, theme } from '../ui/theme.js';
import { print, terminalWidth, type Context } from './context.js';
import { openSession, reportProblems, type Session } from './session.js';

export interface ListOptions {
  json: boolean;
}

export interface LessonStatus {
  number: string;
  id: string;
  title: string;
  depth: number;
  module: boolean;
  file: string;
  read: boolean;
  bestScore: number | null;
  passed: boolean;
  mastered: boolean;
}

export function lessonStatus(session: Session, node: CourseNode, now: Date): LessonStatus {
  const p = session.progress.lessons[node.lesson.id];
  return {
    number: node.number,
    id: node.lesson.id,
    title: node.lesson.title,
    depth: node.depth,
    module: node.lesson.isModule,
    file: node.lesson.file,
    read: isRead(session.progress, node),
    bestScore: p?.bestScore ?? null,
    passed: isPassed(session.progress, node.lesson.id),
    mastered: isMastered(session.progress, node.lesson.id, now),
  };
}

function statusText(s: LessonStatus, color: boolean): string {
  const parts: string[] = [];
  if (s.mastered) parts.push(theme.ok(color ? '★ mastered' : 'mastered'));
  else if (s.bestScore !== null) parts.push(s.passed ? theme.ok(`quiz ${Math.round(s.bestScore * 100)}%`) : theme.warn(`quiz ${Math.round(s.bestScore * 100)}%`));
  if (s.read) parts.unshift(theme.ok('read'));
  else parts.push(theme.dim('unread'));
  return parts.join(theme.dim(' · '));
}

export async function runList(ctx: Context, options: ListOptions): Promise<void> {
  const session = openSession(ctx);
  const now = ctx.now();
  const statuses = session.course.ordered.map((n) => lessonStatus(session, n, now));
  const readCount = statuses.filter((s) => s.read).length;
  const quizzed = session.course.ordered.filter(quizzable);
  const mastered = quizzed.filter((n) => isMastered(session.progress, n.lesson.id, now)).length;
  if (options.json) {
    print(
      ctx,
      JSON.stringify(
        {
          lessonsDir: session.loaded.dir,
          total: statuses.length,
          read: readCount,
          mastered,
          lessons: statuses,
          problems: session.course.problems,
        },
        null,
        2,
      ),
    );
    return;
  }
  reportProblems(ctx, session.course, 'all');
  const width = Math.min(terminalWidth(ctx), 100);
  print(ctx, `${theme.title('pm-guide course')}  ${bar(readCount / statuses.length, Math.max(10, Math.min(30, width - 50)))}`);
  print(ctx, theme.dim(`${readCount} of ${statuses.length} pages read · ${mastered} of ${quizzed.length} lessons mastered`));
  // Lessons read under each module, counted in one pass (courses can have thousands of pages).
  const tallies = new Map<string, { read: number; total: number }>();
  for (const s of statuses) {
    if (s.module) continue;
    const parts = s.number.split('.');
    for (let i = 1; i < parts.length; i++) {
      const key = parts.slice(0, i).join('.');
      const t = tallies.get(key) ?? { read: 0, total: 0 };
      t.total++;
      if (s.read) t.read++;
      tallies.set(key, t);
    }
  }
  for (const s of statuses) {
    const indent = '  '.repeat(s.depth);
    const title = neutraliseLine(s.title);
    if (s.module) {
      const tally = tallies.get(s.number) ?? { read: 0, total: 0 };
      print(ctx);
      print(ctx, `${indent}${theme.heading(`${s.number}  ${title}`)}  ${theme.dim(`${tally.read} of ${tally.total} read`)}`);
      continue;
    }
    const left = `${indent}${theme.dim(s.number.padEnd(6))}${title}`;
    const status = statusText(s, ctx.color);
    const gap = Math.max(2, width - displayWidth(left) - displayWidth(status));
    if (displayWidth(left) + displayWidth(status) + 2 > width) print(ctx, `${left}\n${indent}      ${status}`);
    else print(ctx, `${left}${' '.repeat(gap)}${status}`);
  }
  print(ctx);
  print(ctx, theme.dim(`pm-guide read <number|id> to read · pm-guide next for what to do now`));
}
