// Where things live: the course folder and the progress file, from flags, then
// environment, then defaults (the shipped course; the XDG data directory).
// Each course keeps its own progress: the shipped course in progress.json, as
// it always has, any other in courses/<its id>.json, so that lesson ids two
// courses share ("index") never mix and switching courses loses nothing.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugify } from '../core/text.js';
import { readCourseConfig } from './course-config.js';

export interface PathOptions {
  lessons?: string | undefined;
  progress?: string | undefined;
}

export interface Paths {
  lessonsDir: string;
  progressFile: string;
  cacheDir: string;
  /** The name the course's progress is kept under: undefined for the shipped course, else its declared id or one made from its folder. */
  courseId?: string | undefined;
}

/**
 * A course's id for its progress file: the `pm_guide: { id }` its _config.yml
 * declares, else its folder's name and a short hash of its real path (two
 * folders called docs/ are two courses).
 */
export function courseIdFor(lessonsDir: string): string {
  const declared = readCourseConfig(lessonsDir).config.courseId;
  if (declared) return declared;
  let real = lessonsDir;
  try {
    real = realpathSync.native(lessonsDir);
  } catch {
    // A folder that does not exist yet: its path as given.
  }
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 10);
  return `${slugify(basename(real)).slice(0, 40) || 'course'}-${hash}`;
}

/** The package root: dist/ sits one level below it, and so does src/ in tests. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

export function resolvePaths(opts: PathOptions, env: NodeJS.ProcessEnv, cwd: string): Paths {
  const home = env.HOME || homedir();
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  const cacheHome = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(home, '.cache');
  const lessons = opts.lessons ?? (env.PM_GUIDE_LESSONS || undefined);
  const progress = opts.progress ?? (env.PM_GUIDE_PROGRESS || undefined);
  const shipped = join(packageRoot(), 'lessons');
  const lessonsDir = lessons ? resolve(cwd, lessons) : shipped;
  const courseId = lessonsDir === shipped ? undefined : courseIdFor(lessonsDir);
  const store = join(dataHome, 'pm-guide');
  return {
    lessonsDir,
    progressFile: progress ? resolve(cwd, progress) : courseId ? join(store, 'courses', `${courseId}.json`) : join(store, 'progress.json'),
    cacheDir: join(cacheHome, 'pm-guide'),
    courseId,
  };
}
