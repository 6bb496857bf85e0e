// pm-guide read [lesson]: shows a lesson fitted to the terminal, paged when
// long, plain when piped, with a footer that says where you are; marks it read.
import type { CourseNode } from '../core/course.js';
import { PmGuideError } from '../core/errors.js';
import { changedLessons, changedQuestions, lessonHash, paragraphChanges, rememberNewQuestions } from '../core/changes.js';
import { markRead, type Progress } from '../core/progress.js';
import type { Lesson } from '../core/lesson.js';
import { parseLessonFile } from '../io/load-course.js';
import { loadReadCopy, saveReadCopy } from '../io/read-copies.js';
import { formatChanges } from '../ui/changes-view.js';
import { renderMarkdown, prepareMarkdown } from '../ui/render.js';
import { page, shouldPage } from '../ui/pager.js';
import { theme } from '../ui/theme.js';
import { print, terminalWidth, type Context } from '../context.js';
import { courseState, openSession, resolveLesson, type Session } from './session.js';
import { lessonFooter } from './footer.js';
import { looksLikeFile, tryOpenSessionFor } from './lesson-file.js';

export interface ReadOptions {
  lesson?: string | undefined;
  pager: boolean;
  /** Show what changed since the lesson was read, instead of all of it. */
  changes?: boolean;
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

/**
 * Marks a lesson read on a terminal, with the hash of its text and a copy of
 * it, so that a later edit shows; questions new in it since the last reading
 * stay due. Returns the error that kept it from being saved, if any.
 */
function recordReading(ctx: Context, session: Session, node: CourseNode): unknown {
  // Shown on a terminal is read; printed into a pipe or a file is not (`read 2.1 | head -3`).
  if (!ctx.stdout.isTTY) return undefined;
  const id = node.lesson.id;
  const view = changedLessons(session.course, session.progress).has(id) ? courseState(ctx, session).progress : undefined;
  const reread = (p: Progress): Progress => markRead(view ? rememberNewQuestions(p, view, id) : p, id, ctx.now(), lessonHash(node.lesson));
  try {
    session.progress = session.store.update(reread);
  } catch (error) {
    if (!(error instanceof PmGuideError)) throw error;
    return error; // Show the lesson all the same, then report why it was not recorded.
  }
  saveReadCopy(ctx.paths, id, node.lesson.body);
  return undefined;
}

/** Renders a course lesson with its footer, marks it read, and shows it. True when it went through the pager. */
export async function showLesson(ctx: Context, session: Session, node: CourseNode, opts: { pager: boolean; header?: string }): Promise<boolean> {
  const body = await renderLesson(ctx, node.lesson);
  const saveError = recordReading(ctx, session, node);
  const parts = [opts.header, body, lessonFooter(ctx, session, node)].filter((p): p is string => p !== undefined);
  const paged = await output(ctx, parts.join('\n\n'), opts.pager);
  if (saveError) throw saveError;
  return paged;
}

/**
 * What changed in a lesson since it was read: the paragraphs added and
 * removed (the whole lesson when no copy of the old text was kept), then
 * marks it read. A lesson that has not changed is shown as usual.
 */
export async function showChanges(ctx: Context, session: Session, node: CourseNode, opts: { pager: boolean; header?: string }): Promise<boolean> {
  const id = node.lesson.id;
  const readAt = session.progress.lessons[id]?.readAt;
  if (!changedLessons(session.course, session.progress).has(id)) {
    const why = readAt === undefined ? 'You have not read it yet' : 'Nothing changed since you read it';
    return showLesson(ctx, session, node, { ...opts, header: [opts.header, theme.dim(`${why}: here is the lesson.`)].filter(Boolean).join('\n') });
  }
  const state = courseState(ctx, session);
  const questionsDue = changedQuestions(session.progress, state.progress).filter((q) => state.progress.items[q]!.lesson === id).length;
  const copy = loadReadCopy(ctx.paths, id);
  const width = Math.min(terminalWidth(ctx), 100);
  const changes = formatChanges({ title: `${node.number} ${node.lesson.title}`, readAt, changes: copy === undefined ? undefined : paragraphChanges(copy, node.lesson.body), questionsDue, width });
  if (copy === undefined) return showLesson(ctx, session, node, { ...opts, header: [opts.header, changes].filter(Boolean).join('\n') });
  const saveError = recordReading(ctx, session, node);
  const paged = await output(ctx, [opts.header, changes, lessonFooter(ctx, session, node)].filter(Boolean).join('\n\n'), opts.pager);
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
  await (options.changes ? showChanges : showLesson)(ctx, session, node, { pager: options.pager });
}

