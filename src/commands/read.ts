// pm-guide read [lesson]: shows a lesson fitted to the terminal, paged when
// long, plain when piped, with a footer that says where you are; marks it read.
import type { CourseNode } from '../core/course.js';
import { PmGuideError } from '../core/errors.js';
import { markRead } from '../core/progress.js';
import type { Lesson } from '../core/lesson.js';
import { parseLessonFile } from '../io/load-course.js';
import { cacheFolder } from '../io/cache.js';
import { isSourceOf, readRender, readSource, renderKey, writeRender } from '../io/cache-render.js';
import { needsHighlighter, renderMarkdown, prepareMarkdown } from '../ui/render.js';
import { page, shouldPage } from '../ui/pager.js';
import { c, theme } from '../ui/theme.js';
import { print, terminalWidth, type Context } from './context.js';
import { openSession, resolveLesson, type Session } from './session.js';
import { lessonFooter, lessonHasQuizMaterial } from './footer.js';
import { looksLikeFile, tryOpenSessionFor } from './lesson-file.js';

export interface ReadOptions {
  lesson?: string | undefined;
  pager: boolean;
}

/** A lesson rendered for this terminal. */
export async function renderLesson(ctx: Context, lesson: Lesson): Promise<string> {
  return (await renderCached(ctx, lesson)).rendered;
}

/**
 * A lesson rendered for this terminal, and whether it has quiz material: from
 * the render cache when its file and title are those it was rendered from
 * (see io/cache-render.ts). quizMaterial is undefined when the cache is not used.
 */
async function renderCached(ctx: Context, lesson: Lesson): Promise<{ rendered: string; quizMaterial?: boolean }> {
  const options = { width: terminalWidth(ctx), color: ctx.color };
  const cacheDir = cacheFolder(ctx.env, ctx.paths.cacheDir);
  const key = cacheDir && renderKey({ source: lesson.file, width: options.width, level: c.level, isTTY: Boolean(ctx.stdout.isTTY), env: ctx.env });
  const source = key && readSource(lesson.file);
  if (cacheDir && key && source !== undefined) {
    const cached = readRender(cacheDir, key, lesson.title, source);
    if (cached !== undefined) return cached;
  }
  const markdown = prepareMarkdown(lesson.body, lesson.title);
  const rendered = await renderMarkdown(markdown, options);
  // Code in colour is highlighted by cli-highlight, whose colour detection has inputs of its own: not kept.
  if (!cacheDir || !key || source === undefined || (ctx.color && needsHighlighter(markdown))) return { rendered };
  const entry = { rendered, quizMaterial: lessonHasQuizMaterial(lesson) };
  // Kept under the file's bytes only if they are the ones this body came from (the file may have changed since).
  if (isSourceOf(source, lesson)) writeRender(cacheDir, key, lesson.title, source, entry);
  return entry;
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
  const { rendered: body, quizMaterial } = await renderCached(ctx, node.lesson);
  let saveError: unknown;
  try {
    session.progress = session.store.update((p) => markRead(p, node.lesson.id, ctx.now()));
  } catch (error) {
    if (!(error instanceof PmGuideError)) throw error;
    saveError = error; // Show the lesson all the same, then report why it was not recorded.
  }
  const parts = [opts.header, body, lessonFooter(ctx, session, node, { quizMaterial })].filter((p): p is string => p !== undefined);
  const paged = await output(ctx, parts.join('\n\n'), opts.pager);
  if (saveError) throw saveError;
  return paged;
}

export async function runRead(ctx: Context, options: ReadOptions): Promise<void> {
  const file = options.lesson === undefined ? undefined : looksLikeFile(options.lesson, process.cwd());
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

