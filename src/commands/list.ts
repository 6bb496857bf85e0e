// pm-guide list: the course as a tree, with each page's status and an overall bar.
import { basename } from 'node:path';
import { numberLabel, type CourseNode } from '../core/course.js';
import { isRead } from '../core/next.js';
import { quizzable } from '../core/quiz/bank.js';
import { isPassed, masteryOf } from '../core/progress.js';
import { neutraliseLine } from '../core/text.js';
import { displayWidth, truncate, wrapLines } from '../ui/ansi.js';
import { bar, theme } from '../ui/theme.js';
import { print, terminalWidth, type Context } from '../context.js';
import { courseState, openSession, reportProblems, type Session } from './session.js';
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
  /** A placement test showed it known (pm-guide placement): it counts as passed. */
  testedOut: boolean;
  mastered: boolean;
  /** A page with no questions: read, never quizzed; done once read. */
  readingOnly: boolean;
  /** Its text changed since it was read. */
  changed: boolean;
}

/** `isMastered`: masteryOf(progress, now), built once for every lesson. */
export function lessonStatus(session: Session, node: CourseNode, isMastered: (lessonId: string) => boolean, hasQuestions = true, changed?: ReadonlySet<string>): LessonStatus {
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
    testedOut: p?.testedOutAt !== undefined,
    mastered: hasQuestions && isMastered(id),
    readingOnly: !hasQuestions,
    changed: changed?.has(id) ?? false,
  };
}


/** The course's name: its site's title or its top page's, else its folder's name. */
export function courseTitle(session: Session): string {
  return session.loaded.title ?? basename(session.loaded.dir);
}

function statusText(s: LessonStatus, color: boolean): string {
  const text = plainStatus(s, color);
  return s.changed ? `${theme.warn('changed since you read it')}${theme.dim(' · ')}${text}` : text;
}

function plainStatus(s: LessonStatus, color: boolean): string {
  if (s.readingOnly) return s.read ? theme.ok('read') : s.testedOut ? theme.ok('tested out') : theme.dim('unread');
  const parts: string[] = [];
  if (s.mastered) parts.push(theme.ok(color ? '★ mastered' : 'mastered'));
  else if (s.bestScore !== null) parts.push(s.passed ? theme.ok(`quiz ${Math.round(s.bestScore * 100)}%`) : theme.warn(`quiz ${Math.round(s.bestScore * 100)}%`));
  // A lesson passed without reading is known, not unread.
  if (s.testedOut) parts.unshift(theme.ok('tested out'));
  if (s.read) parts.unshift(theme.ok('read'));
  else if (s.passed) {
    if (!s.testedOut) parts.unshift(theme.ok('known without reading'));
  }
  else parts.push(theme.dim('unread'));
  return parts.join(theme.dim(' · '));
}

export async function runList(ctx: Context, options: ListOptions): Promise<void> {
  const session = openSession(ctx);
  const now = ctx.now();
  // Which lessons have questions due, worked out once: asking per lesson looks through every question each time.
  const state = courseState(ctx, session);
  const isMastered = masteryOf(state.progress, now);
  // A page with no questions can never be mastered: it is counted as read, not as a lesson to master.
  const withQuestions = session.course.ordered.map((n) => quizzable(n) && session.bank.hasQuestions(n));
  const statuses = session.course.ordered.map((n, i) => lessonStatus(session, n, isMastered, withQuestions[i], state.changed));
  let readCount = 0;
  let quizzed = 0;
  let mastered = 0;
  session.course.ordered.forEach((_node, i) => {
    const s = statuses[i]!;
    if (s.read) readCount++;
    if (withQuestions[i]) {
      quizzed++;
      if (s.mastered) mastered++;
    }
  });
  if (options.json) {
    print(
      ctx,
      jsonText(
        {
          course: { title: courseTitle(session), id: ctx.paths.courseId ?? null, lessonsDir: session.loaded.dir, progressFile: ctx.paths.progressFile },
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
  const heading = neutraliseLine(courseTitle(session));
  lines.push(`${truncate(theme.title(heading), width)}${displayWidth(overall) + displayWidth(heading) + 2 <= width ? '  ' : '\n'}${overall}`);
  const masteredText = quizzed > 0 ? ` · ${mastered} of ${quizzed} lessons mastered` : '';
  lines.push(wrapLines(theme.dim(`${readCount} of ${statuses.length} pages read${masteredText}`), width));
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
    // A title that carries its own number is shown without pm-guide's: numbers never double.
    const label = numberLabel(node);
    if (node.collection !== undefined) lines.push('', theme.heading(neutraliseLine(node.collection)));
    if (s.module) {
      const tally = tallies.get(node) ?? { read: 0, total: 0 };
      lines.push('');
      const heading = `${indent}${theme.heading(`${label ? `${label}  ` : ''}${title}`)}  ${theme.dim(`${tally.read} of ${tally.total} read`)}`;
      lines.push(displayWidth(heading) <= width ? heading : hanging(heading, width, indent.length + label.length + 2));
      return;
    }
    // At least one space between the number and the title, however deep the page.
    const column = label === '' ? '' : label.padEnd(Math.max(6, label.length + 1));
    let left = `${indent}${theme.dim(column)}${title}`;
    const statusKey = `${s.changed ? 1 : 0}${s.read ? 1 : 0}${s.mastered ? 1 : 0}${s.passed ? 1 : 0}${s.testedOut ? 1 : 0}${s.readingOnly ? 1 : 0}${s.bestScore}`;
    let status = statusTexts.get(statusKey);
    if (!status) {
      const text = statusText(s, ctx.color);
      statusTexts.set(statusKey, (status = { text, width: displayWidth(text) }));
    }
    const leftWidth = displayWidth(left);
    if (leftWidth > width) left = hanging(left, width, indent.length + column.length);
    if (leftWidth + status.width + 2 > width) lines.push(`${left}\n${indent}${' '.repeat(column.length)}${status.text}`);
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
