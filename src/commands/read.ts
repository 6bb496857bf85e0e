// pm-guide read [lesson]: shows a lesson fitted to the terminal, paged when
// long, plain when piped, with a footer that says where you are; marks it read.
import type { CourseNode } from '../core/course.js';
import { PmGuideError } from '../core/errors.js';
import { markRead } from '../core/progress.js';
import type { Lesson } from '../core/lesson.js';
import { parseLessonFile } from '../io/load-course.js';
import { renderMarkdown, prepareMarkdown } from '../ui/render.js';
import { page, shouldPage } from '../ui/pager.js';
import { theme } from '../ui/theme.js';
import { print, terminalWidth, type Context } from '../context.js';
import { openSession, resolveLesson, type Session } from './session.js';
import { lessonFooter } from './footer.js';
import { looksLikeFile, tryOpenSessionFor } from './lesson-file.js';

export interface ReadOptions {
  lesson?: string | undefined;
  pager: boolean;
}

/** A lesson rendered for this terminal. */
export async function renderLesson(ctx: Context, lesson: Lesson): Promise<string> {
  return renderMarkdown(prepareMarkdown(lesson.body, lesson.title), { width: terminalWidth(ctx), color: ctx.color });
}

/** Writes text to stdout, through the pager when it is long and stdout is a terminal. True when it was paged. */
export async function output(ctx: Context, text: string, pager: boolean): Promise<boolean> {
  const rows = ctx.stdout.rows ?? 24;
  if (shouldPage(text, { env: ctx.env, rows, enabled: pager, isTTY: Boolean(ctx.stdout.isTTY) }) && (await page(`${text}\n`, ctx.env))) return true;
  print(ctx, text);
  return false;
}

/** Renders a course lesson with its footer, marks it read, and shows it. True when it went through the pager. */
export async function showLesson(ctx: Context, session: Session, node: CourseNode, opts: { pager: boolean; header?: string }): Promise<boolean> {
  const body = await renderLesson(ctx, node.lesson);
  let saveError: unknown;
  // Shown on a terminal is read; printed into a pipe or a file is not (`read 2.1 | head -3`).
  if (ctx.stdout.isTTY) {
    try {
      session.progress = session.store.update((p) => markRead(p, node.lesson.id, ctx.now()));
    } catch (error) {
      if (!(error instanceof PmGuideError)) throw error;
      saveError = error; // Show the lesson all the same, then report why it was not recorded.
    }
  }
  const parts = [opts.header, body, lessonFooter(ctx, session, node)].filter((p): p is string => p !== undefined);
  const paged = await output(ctx, parts.join('\n\n'), opts.pager);
  if (saveError) throw saveError;
  return paged;
}

export async function runRead(ctx: Context, options: ReadOptions): Promise<void> {
  const file = options.lesson === undefined ? undefined : looksLikeFile(options.lesson, ctx.cwd);
  if (file) {
    const session = tryOpenSessionFor(ctx, file);
    if (session) {
      await showLesson(ctx, session.session, session.node, { pager: options.pager });
      return;
    }
    const lesson = parseLessonFile({ path: file, relPath: file.replace(/^.*[\\/]/, '') }, options.lesson!);
    const body = await renderLesson(ctx, lesson);
    await output(ctx, `${body}\n\n${theme.dim('(a single file, not part of the course: progress is not recorded)')}`, options.pager);
    return;
  }
  const session = openSession(ctx);
  const node = resolveLesson(session, options.lesson);
  await showLesson(ctx, session, node, { pager: options.pager });
}

