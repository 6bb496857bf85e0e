// The copy of each lesson as the learner last read it, so that `read --changes`
// can show what was added and removed since. It is a cache of the course, not
// progress: it lives in the cache folder (one folder per progress file), export
// and import leave it out, and a missing copy only means the changes cannot be
// shown paragraph by paragraph (the lesson's hash in progress still says that
// it changed).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableHash } from '../core/text.js';
import type { Paths } from './paths.js';
import { writeAtomically } from './atomic-file.js';

export function readCopiesDir(paths: Pick<Paths, 'cacheDir' | 'progressFile'>): string {
  return join(paths.cacheDir, 'read', stableHash(paths.progressFile));
}

const fileFor = (paths: Pick<Paths, 'cacheDir' | 'progressFile'>, lessonId: string): string => join(readCopiesDir(paths), `${encodeURIComponent(lessonId)}.md`);

/** Keeps the text as read. Best effort: a copy that cannot be written is no reason to fail a reading. */
export function saveReadCopy(paths: Pick<Paths, 'cacheDir' | 'progressFile'>, lessonId: string, body: string): void {
  try {
    mkdirSync(readCopiesDir(paths), { recursive: true, mode: 0o700 });
    writeAtomically(fileFor(paths, lessonId), body);
  } catch {
    // Only the paragraphs cannot be shown later.
  }
}

export function loadReadCopy(paths: Pick<Paths, 'cacheDir' | 'progressFile'>, lessonId: string): string | undefined {
  try {
    return readFileSync(fileFor(paths, lessonId), 'utf8');
  } catch {
    return undefined;
  }
}
