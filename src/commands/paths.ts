// pm-guide paths: where the course, the progress file and the cache are.
import { join } from 'node:path';
import { neutraliseLine } from '../core/text.js';
import { packageRoot } from '../io/paths.js';
import { pathInfo, type PathInfo } from '../io/transfer.js';
import { theme } from '../ui/theme.js';
import { print, type Context } from '../context.js';
import { jsonText } from '../ui/json-text.js';

export interface PathsOptions {
  json: boolean;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} kB`;
}

function state(info: PathInfo, missing: string): string {
  if (!info.exists) return missing;
  if (info.kind === 'file') return `${size(info.bytes ?? 0)}, saved ${info.modified!.slice(0, 16).replace('T', ' ')} UTC`;
  return info.kind === 'folder' ? 'exists' : 'exists (not a regular file)';
}

export async function runPaths(ctx: Context, options: PathsOptions): Promise<void> {
  const { lessonsDir, progressFile, cacheDir, courseId } = ctx.paths;
  const shipped = lessonsDir === join(packageRoot(), 'lessons');
  const lessons = pathInfo(lessonsDir);
  const progress = pathInfo(progressFile);
  const cache = pathInfo(cacheDir);
  if (options.json) {
    print(
      ctx,
      jsonText(
        {
          lessonsDir,
          shippedCourse: shipped,
          courseId: courseId ?? null,
          lessonsExists: lessons.exists,
          progressFile,
          progressExists: progress.exists,
          progressBytes: progress.bytes,
          cacheDir,
          cacheExists: cache.exists,
        },
        2,
      ),
    );
    return;
  }
  const row = (label: string, path: string, note: string) => `${theme.strong(label.padEnd(9))}${neutraliseLine(path)}\n${' '.repeat(9)}${theme.dim(note)}`;
  const which = shipped ? 'the shipped course' : `from --lessons or PM_GUIDE_LESSONS; its progress is kept as "${neutraliseLine(courseId ?? '')}"`;
  print(ctx, row('Course', lessonsDir, `${which}${lessons.exists ? '' : ' · missing!'}`));
  print(ctx, row('Progress', progressFile, state(progress, 'not created yet: it is written when you first read a lesson or answer a question')));
  print(ctx, row('Cache', cacheDir, state(cache, 'none in use')));
  print(ctx);
  print(ctx, theme.dim('--lessons DIR and --progress FILE (or PM_GUIDE_LESSONS, PM_GUIDE_PROGRESS) choose others.'));
}
