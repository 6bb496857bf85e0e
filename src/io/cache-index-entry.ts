// One lesson file as the course index stores it: its key (size, times, inode)
// and what loading it gave (a lesson's front matter, "not a page", or the
// problem found), with repeated strings kept once in a table. Checked before
// use (wellFormed): an index is never trusted blindly.
import type { Stats } from 'node:fs';
import { lessonBody, type Lesson } from '../core/lesson.js';
import type { FileOutcome, LessonFileRef } from './cache-index.js';

/**
 * A file as stored: [rel] when listed but not indexed (too recent, or gone
 * before it could be stat-ed), else [rel, size, mtimeMs, ctimeMs (0: the same
 * as mtimeMs, as it usually is), ino, ...outcome]. Stored arrays are used as
 * they were parsed, not copied: thousands of copies cost more than the rest.
 */
export type StoredFile = unknown[];
/** Where a stored file's outcome starts. */
export const OUTCOME = 5;
/** Where a stored lesson keeps what it gives a quiz, once that is known. */
export const QUESTIONS = OUTCOME + 9;

/**
 * What a lesson gives a quiz: questions of its own; nothing to ask at all (no
 * items, tools or quiz blocks); or material whose questions need choices from
 * the rest of the course, which the course decides.
 */
export const QUESTION_FACTS = ['none', 'own', 'course'] as const;
export type QuestionFact = (typeof QUESTION_FACTS)[number];

export const str = (v: unknown): v is string => typeof v === 'string';
export const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const bit = (v: unknown): boolean => v === 0 || v === 1;

/** True when `st` is what was stored at positions 1 to 4: size, mtimeMs, ctimeMs (0: the same as mtimeMs), ino. */
export function sameFile(f: StoredFile, st: Stats): boolean {
  const mtime = f[2];
  return st.size === f[1] && st.mtimeMs === mtime && st.ctimeMs === (f[3] === 0 ? mtime : f[3]) && st.ino === f[4];
}

/**
 * Strings that many lessons share (a module's title is every lesson's
 * grand_parent) are stored once, in a table, and referred to by position.
 */
export class Strings {
  readonly list: string[] = [];
  private readonly at = new Map<string, number>();
  ref(s: string | undefined): number {
    if (s === undefined) return -1;
    let i = this.at.get(s);
    if (i === undefined) {
      i = this.list.push(s) - 1;
      this.at.set(s, i);
    }
    return i;
  }
}

// Stored outcomes, flat: ['s'] not a page; ['p', file, line, message, severity]
// a problem; ['l', id, title, parent, grandParent, navOrder, isModule,
// bodyLine, titleInFrontMatter] a lesson, with parent and grandParent as
// positions in the string table (-1 for none) and flags as 0 or 1, and one
// more field once it is known: what the lesson gives a quiz (QUESTIONS, one
// of QUESTION_FACTS by position; see CourseIndex.rememberQuestions).
export function encode(outcome: FileOutcome, strings: Strings): unknown[] {
  switch (outcome.kind) {
    case 'skipped':
      return ['s'];
    case 'problem': {
      const p = outcome.problem;
      return ['p', p.file, p.line, p.message, p.severity];
    }
    case 'lesson': {
      const l = outcome.lesson;
      return ['l', l.id, l.title, strings.ref(l.parent), strings.ref(l.grandParent), l.navOrder ?? null, l.isModule ? 1 : 0, l.bodyLine, l.titleInFrontMatter ? 1 : 0];
    }
  }
}

/** A stored file's outcome re-encoded against a new string table (an unchanged file, written back). */
export function restring(f: StoredFile, from: readonly string[], to: Strings): unknown[] {
  const stored = f.slice(OUTCOME);
  if (stored[0] !== 'l') return stored;
  stored[3] = to.ref(from[stored[3] as number]);
  stored[4] = to.ref(from[stored[4] as number]);
  return stored;
}

/**
 * A lesson as the index holds it: the same fields as parseLesson's, with the
 * body read from the file when first asked for (then kept as an ordinary own
 * property). A class, not an object literal with an accessor: thousands of
 * those cost twice the time to make and to read. Unlike a parsed lesson, its
 * body is not an own property until it has been read, which matters only to
 * code that copies lessons with spread or JSON.stringify (none does).
 */
class IndexedLesson implements Lesson {
  readonly #relPath: string;
  readonly #readText: (path: string) => string;
  constructor(
    readonly id: string,
    readonly title: string,
    readonly parent: string | undefined,
    readonly grandParent: string | undefined,
    readonly navOrder: number | undefined,
    readonly isModule: boolean,
    readonly file: string,
    readonly bodyLine: number,
    readonly titleInFrontMatter: boolean,
    relPath: string,
    readText: (path: string) => string,
  ) {
    this.#relPath = relPath;
    this.#readText = readText;
  }

  get body(): string {
    const body = lessonBody({ file: this.file, relPath: this.#relPath, text: this.#readText(this.file) });
    this.body = body;
    return body;
  }

  set body(value: string) {
    Object.defineProperty(this, 'body', { value, writable: true, enumerable: true, configurable: true });
  }
}

function indexedLesson(s: StoredFile, strings: readonly string[], file: LessonFileRef, readText: (path: string) => string): Lesson {
  return new IndexedLesson(
    s[OUTCOME + 1] as string,
    s[OUTCOME + 2] as string,
    strings[s[OUTCOME + 3] as number],
    strings[s[OUTCOME + 4] as number],
    (s[OUTCOME + 5] as number | null) ?? undefined,
    s[OUTCOME + 6] === 1,
    file.path,
    s[OUTCOME + 7] as number,
    s[OUTCOME + 8] === 1,
    file.relPath,
    readText,
  );
}

export function decode(s: StoredFile, strings: readonly string[], file: LessonFileRef, readText: (path: string) => string): FileOutcome {
  switch (s[OUTCOME]) {
    case 's':
      return { kind: 'skipped' };
    case 'p':
      return { kind: 'problem', problem: { file: s[OUTCOME + 1] as string, line: s[OUTCOME + 2] as number, message: s[OUTCOME + 3] as string, severity: s[OUTCOME + 4] as 'error' | 'warning' } };
    default:
      return { kind: 'lesson', lesson: indexedLesson(s, strings, file, readText) };
  }
}

/** Checks a stored file's key and outcome: an entry that is not well formed is never used (the file is loaded again). */
export function wellFormed(f: StoredFile, strings: readonly string[]): boolean {
  if (!(num(f[1]) && num(f[2]) && num(f[3]) && num(f[4]))) return false;
  const ref = (v: unknown) => v === -1 || (Number.isInteger(v) && (v as number) >= 0 && (v as number) < strings.length);
  const n = f.length - OUTCOME;
  switch (f[OUTCOME]) {
    case 's':
      return n === 1;
    case 'p':
      return n === 5 && str(f[6]) && num(f[7]) && str(f[8]) && (f[9] === 'error' || f[9] === 'warning');
    case 'l':
      return (n === 9 || (n === 10 && (bit(f[QUESTIONS]) || f[QUESTIONS] === 2))) && str(f[6]) && str(f[7]) && ref(f[8]) && ref(f[9]) && (f[10] === null || num(f[10])) && bit(f[11]) && num(f[12]) && bit(f[13]);
    default:
      return false;
  }
}
