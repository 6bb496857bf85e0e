// pm-guide list: the course as a tree, with each page's status and an overall bar.
import type { CourseNode } from '../core/course.js';
import { isRead } from '../core/next.js';
import { quizzable } from '../core/quiz/bank.js';
import { isPassed, masteryOf } from '../core/progress.js';
import { neutraliseLine } from '../core/text.js';
import { displayWidth, wrapLines } from '../ui/ansi.js';
import { bar, theme } from '../ui/theme.js';
import { print, terminalWidth, type Context } from '../context.js';
import { openSession, reportProblems, type Session } from './session.js';
import { jsonText } from '../ui/json-text.js';

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

/** `isMastered`: masteryOf(progress, now), built once for every lesson. */
export function lessonStatus(session: Session, node: CourseNode, isMastered: (lessonId: string) => boolean): LessonStatus {
  const id = node.lesson.id;
  const p = session.progress.lessons[id];
  const passed = isPassed(session.progress, id);
  return {
    number: node.number,
    id,
    title: node.lesson.title,
    depth: node.depth,
    module: node.lesson.isModule,
    file: node.lesson.file,
    read: isRead(session.progress, node),
    bestScore: p?.bestScore ?? null,
    passed,
    mastered: isMastered(id),
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
  // Which lessons have questions due, worked out once: asking per lesson looks through every question each time.
  const isMastered = masteryOf(session.progress, now);
  const statuses = session.course.ordered.map((n) => lessonStatus(session, n, isMastered));
  let readCount = 0;
  let quizzed = 0;
  let mastered = 0;
  session.course.ordered.forEach((node, i) => {
    const s = statuses[i]!;
    if (s.read) readCount++;
    if (quizzable(node)) {
      quizzed++;
      if (s.mastered) mastered++;
    }
  });
  if (options.json) {
    print(
      ctx,
      jsonText(
        {
          lessonsDir: session.loaded.dir,
          total: statuses.length,
          read: readCount,
          mastered,
          lessons: statuses,
          problems: session.course.problems,
        },
        2,
      ),
    );
    return;
  }
  reportProblems(ctx, session.course, 'all');
  const width = Math.min(terminalWidth(ctx), 100);
  // The whole list is one string, printed once (courses can have thousands of pages).
  const lines: string[] = [];
  const overall = bar(readCount / statuses.length, Math.max(10, Math.min(30, width - 50)));
  // On a narrow terminal the bar goes under the title, and lines wrap at spaces.
  lines.push(`${theme.title('pm-guide course')}${displayWidth(overall) + 17 <= width ? '  ' : '\n'}${overall}`);
  lines.push(wrapLines(theme.dim(`${readCount} of ${statuses.length} pages read · ${mastered} of ${quizzed} lessons mastered`), width));
  // Lessons read under each page, counted in one pass up each lesson's ancestors.
  const tallies = new Map<CourseNode, { read: number; total: number }>();
  session.course.ordered.forEach((node, i) => {
    if (node.lesson.isModule) return;
    for (let up = node.parent; up; up = up.parent) {
      let t = tallies.get(up);
      if (!t) tallies.set(up, (t = { read: 0, total: 0 }));
      t.total++;
      if (statuses[i]!.read) t.read++;
    }
  });
  // Most pages share one of a few statuses: each is made once.
  const statusTexts = new Map<string, { text: string; width: number }>();
  session.course.ordered.forEach((node, i) => {
    const s = statuses[i]!;
    const indent = '  '.repeat(s.depth);
    const title = neutraliseLine(s.title);
    if (s.module) {
      const tally = tallies.get(node) ?? { read: 0, total: 0 };
      lines.push('');
      const heading = `${indent}${theme.heading(`${s.number}  ${title}`)}  ${theme.dim(`${tally.read} of ${tally.total} read`)}`;
      lines.push(displayWidth(heading) <= width ? heading : hanging(heading, width, indent.length + s.number.length + 2));
      return;
    }
    let left = `${indent}${theme.dim(s.number.padEnd(6))}${title}`;
    const statusKey = `${s.read ? 1 : 0}${s.mastered ? 1 : 0}${s.passed ? 1 : 0}${s.bestScore}`;
    let status = statusTexts.get(statusKey);
    if (!status) {
      const text = statusText(s, ctx.color);
      statusTexts.set(statusKey, (status = { text, width: displayWidth(text) }));
    }
    const leftWidth = displayWidth(left);
    if (leftWidth > width) left = hanging(left, width, indent.length + 6);
    if (leftWidth + status.width + 2 > width) lines.push(`${left}\n${indent}      ${status.text}`);
    else lines.push(`${left}${' '.repeat(Math.max(2, width - leftWidth - status.width))}${status.text}`);
  });
  lines.push('');
  lines.push(wrapLines(theme.dim(`pm-guide read <number|id> to read · pm-guide next for what to do now`), width));
  print(ctx, lines.join('\n'));
}

/** A line wrapped at spaces to the width, its later lines indented by `hang` columns (under the title, past its number). */
function hanging(line: string, width: number, hang: number): string {
  const pad = ' '.repeat(Math.min(hang, Math.floor(width / 2)));
  const rest = wrapLines(line, width).split('\n');
  if (rest.length === 1) return line;
  // Wrap again what follows the first line, in the room the indent leaves.
  const first = rest[0]!;
  const tail = line.slice(first.length).trimStart();
  return [first, ...wrapLines(tail, width - pad.length).split('\n').map((l) => `${pad}${l}`)].join('\n');
}
