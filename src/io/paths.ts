// Where things live: the course folder and the progress file, from flags, then
// environment, then defaults (the shipped course; the XDG data directory).
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PathOptions {
  lessons?: string | undefined;
  progress?: string | undefined;
}

export interface Paths {
  lessonsDir: string;
  progressFile: string;
  cacheDir: string;
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
  return {
    lessonsDir: lessons ? resolve(cwd, lessons) : join(packageRoot(), 'lessons'),
    progressFile: progress ? resolve(cwd, progress) : join(dataHome, 'pm-guide', 'progress.json'),
    cacheDir: join(cacheHome, 'pm-guide'),
  };
}
