// Loads a course folder: every Markdown page below it (recursively, symlink
// loops and all), each parsed on its own so one bad file never hides the rest.
import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { buildCourse, type Course, type CourseProblem } from '../core/course.js';
import { CourseError, InvalidLessonError } from '../core/errors.js';
import { parseLesson, type Lesson } from '../core/lesson.js';
import type { SiteConfig } from '../core/site.js';
import { readCourseConfig } from './course-config.js';
import { MAX_LESSON_BYTES, decodeLessonBytes, startsWithFrontMatter } from './read-text.js';
import { notARegularFile } from './real-path.js';

const LESSON_FILE = /\.(md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '_site', 'vendor', '.git', '.jekyll-cache', '.sass-cache']);
const MAX_DEPTH = 32;

export interface LessonFile {
  path: string;
  relPath: string;
}

/** The course folder's path as the start of every file's path: join(dir, rel) is this followed by rel. */
export function pathPrefix(dir: string): string {
  let folder = join(dir);
  if (folder.length > 1 && folder.endsWith(sep)) folder = folder.slice(0, -1);
  return folder === '.' ? '' : folder.endsWith(sep) ? folder : `${folder}${sep}`;
}

/** Lists the Markdown files below a folder, in a stable order, following symlinks but never looping. */
export function findLessonFiles(dir: string): LessonFile[] {
  let rootReal: string;
  let rootStats: Stats;
  try {
    rootStats = statSync(dir);
    if (!rootStats.isDirectory()) throw new CourseError(`${dir} is not a folder`, 'point --lessons at a folder of Markdown lessons');
    rootReal = realpathSync.native(dir);
  } catch (error) {
    if (error instanceof CourseError) throw error;
    throw new CourseError(`lessons folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path given with --lessons or PM_GUIDE_LESSONS');
  }
  const files: LessonFile[] = [];
  const visited = new Set<string>([rootReal]);
  // `rel` is the folder's path below `dir`, built as we go (path.relative for each of
  // thousands of files costs more than the rest of the walk). `real` is its real path:
  // a folder reached by its own name (no symlink) is its parent's real path and that
  // name, so only symlinks need realpath.
  const walk = (current: string, prefix: string, rel: string, real: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return; // An unreadable sub-folder is skipped; the rest of the course still loads.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A name from readdir holds no separator and is never "." or "..", so join(current, name)
    // is `prefix` (the normalised folder path and a separator) followed by the name.
    const realPrefix = real.endsWith(sep) ? real : `${real}${sep}`;
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = `${prefix}${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // A dangling link.
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name) || depth >= MAX_DEPTH) continue;
        let childReal: string;
        try {
          childReal = isLink ? realpathSync.native(full) : `${realPrefix}${entry.name}`;
        } catch {
          continue;
        }
        if (visited.has(childReal)) continue; // A symlink loop, or a folder already seen through another link.
        visited.add(childReal);
        const childRel = rel === '' ? entry.name : `${rel}${sep}${entry.name}`;
        walk(full, `${full}${sep}`, childRel, childReal, depth + 1);
      } else if (isFile && LESSON_FILE.test(entry.name)) {
        files.push({ path: full, relPath: rel === '' ? entry.name : `${rel}${sep}${entry.name}` });
      }
    }
  };
  walk(dir, pathPrefix(dir), '', rootReal, 0);
  return files;
}

/** Reads a file as lesson text: size-capped, decoded, never a stack trace. */
export function readLessonText(path: string, shownAs: string): string {
  // A FIFO, a device or a file of /proc (/proc/kmsg) may never end: refused before it is opened.
  const refused = notARegularFile(path);
  if (refused && !refused.startsWith('is a folder')) throw new CourseError(`${shownAs}: ${refused}`, 'pass the path of a Markdown file');
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CourseError(`${shownAs}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}`, 'check the path');
  }
  if (size > MAX_LESSON_BYTES) {
    throw new InvalidLessonError(shownAs, 1, `the file is ${(size / 1048576).toFixed(1)} MB: lessons are limited to ${MAX_LESSON_BYTES / 1048576} MB, split it into several lessons`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CourseError(`${shownAs}: cannot be read (${code === 'EISDIR' ? 'it is a folder' : code})`, 'pass the path of a Markdown file');
  }
  return decodeLessonBytes(bytes, shownAs);
}

/** True when the file starts with a front matter fence; Jekyll treats files without one as static, not pages. */
function hasFrontMatter(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    return startsWithFrontMatter(head.subarray(0, readSync(fd, head, 0, 16, 0)));
  } catch {
    return true; // Let the full read report whatever is wrong.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface LoadedCourse {
  course: Course;
  dir: string;
  /** Markdown files without front matter: not pages, in Jekyll's rules. */
  skipped: string[];
  /** What the site's _config.yml says (defaults when there is none). */
  site: SiteConfig;
  /** The course's title: the site's, else its top page's; undefined when it has neither. */
  title: string | undefined;
}

export function parseLessonFile(file: LessonFile, shownAs = file.path, site?: SiteConfig, collection?: string): Lesson {
  return parseLesson({ file: shownAs, relPath: file.relPath, text: readLessonText(file.path, shownAs), site, collection });
}

/** Loads one file: a lesson, a Markdown file that is not a page, or the reason it could not be loaded. */
type FileOutcome = { kind: 'lesson'; lesson: Lesson } | { kind: 'skipped' } | { kind: 'problem'; problem: CourseProblem };

function loadFile(file: LessonFile, site: SiteConfig, collection: string | undefined): FileOutcome {
  try {
    if (!hasFrontMatter(file.path)) return { kind: 'skipped' };
    return { kind: 'lesson', lesson: parseLessonFile(file, file.path, site, collection) };
  } catch (error) {
    if (error instanceof InvalidLessonError) {
      return { kind: 'problem', problem: { file: error.file, line: error.line, message: error.problem, severity: 'error' } };
    }
    if (error instanceof CourseError) return { kind: 'problem', problem: { file: file.path, line: 1, message: error.message, severity: 'error' } };
    throw error;
  }
}

/**
 * Which collection a file belongs to, by its first folder (`_guides/` holds the `guides` collection):
 * its key, '' for a site page, or undefined for a file in any other `_` folder of a Jekyll site,
 * which Jekyll does not publish.
 */
function collectionOf(file: LessonFile, site: SiteConfig, isSite: boolean): string | undefined {
  const first = file.relPath.split(/[\\/]/)[0]!;
  if (first === file.relPath || !first.startsWith('_')) return '';
  const key = first.slice(1);
  if (site.collections.some((c) => c.key === key)) return key;
  return isSite ? undefined : '';
}

export function loadCourse(dir: string): LoadedCourse {
  const files = findLessonFiles(dir);
  const { config: site, file: configFile } = readCourseConfig(dir);
  const lessons: Lesson[] = [];
  const problems: CourseProblem[] = [];
  const skipped: string[] = [];
  let topPage: Lesson | undefined;
  for (const file of files) {
    const collection = collectionOf(file, site, configFile !== undefined);
    if (collection === undefined) {
      skipped.push(file.path);
      continue;
    }
    const outcome = loadFile(file, site, collection || undefined);
    if (outcome.kind === 'lesson') {
      lessons.push(outcome.lesson);
      if (/^index\.(md|markdown)$/i.test(file.relPath)) topPage = outcome.lesson;
    } else if (outcome.kind === 'skipped') skipped.push(file.path);
    else problems.push(outcome.problem);
  }
  const course = buildCourse(lessons, problems, { caseInsensitiveSort: site.caseInsensitiveSort, collections: site.collections });
  if (course.ordered.length === 0) {
    const why = problems.length > 0 ? `none of its ${problems.length} lesson file(s) could be loaded` : 'it holds no Markdown lessons with front matter';
    throw new CourseError(`no lessons in ${dir}: ${why}`, problems[0] ? `${problems[0].file}:${problems[0].line}: ${problems[0].message}` : 'point --lessons at a folder of .md files with front matter');
  }
  return { course, dir, skipped, site, title: site.title ?? topPage?.title };
}
