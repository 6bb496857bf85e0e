// A lesson named by its file path: `pm-guide read ./lessons/x.md` or a draft outside the course.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CourseNode } from '../core/course.js';
import type { Context } from '../context.js';
import { openSession, type Session } from './session.js';

export function looksLikeFile(query: string, cwd: string): string | undefined {
  if (!/[\\/]|\.\w+$/.test(query)) return undefined;
  const path = resolve(cwd, query);
  try {
    return existsSync(path) && statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** A file path that is one of the course's own lessons is read as that lesson. */
export function tryOpenSessionFor(ctx: Context, file: string): { session: Session; node: CourseNode } | undefined {
  let real: string;
  let dirReal: string;
  try {
    real = realpathSync(file);
    dirReal = realpathSync(ctx.paths.lessonsDir);
  } catch {
    return undefined;
  }
  if (!real.startsWith(`${dirReal}/`)) return undefined;
  const session = openSession(ctx);
  const node = session.course.ordered.find((n) => {
    try {
      return realpathSync(n.lesson.file) === real;
    } catch {
      return false;
    }
  });
  return node ? { session, node } : undefined;
}
