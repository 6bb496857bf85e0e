// The course index cache: what each lesson file's front matter says (or that
// it is not a page, or why it could not be loaded), keyed by the file's size,
// mtime, ctime and inode, so that a course of thousands of pages loads without
// reading and parsing them all. A file whose key changed is parsed again; the
// others come from the index. The Markdown body of an indexed lesson is read
// from its file only when something asks for it. What the loader builds from
// the index is exactly what it builds from the files (test/e2e/cache.test.ts).
import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { CourseProblem } from '../core/course.js';
import { lessonBody, type Lesson } from '../core/lesson.js';
import { buildId, hashKey, readCache, writeCache } from './cache.js';

export interface LessonFileRef {
  path: string;
  relPath: string;
}

/** What loading one file gave. */
export type FileOutcome = { kind: 'lesson'; lesson: Lesson } | { kind: 'skipped' } | { kind: 'problem'; problem: CourseProblem };

type Key = [size: number, mtimeMs: number, ctimeMs: number, ino: number];
interface Entry {
  rel: string;
  key: Key;
  /** From the index: the stored outcome (see encode), its strings being positions in the index's table. */
  stored?: unknown[];
  /** Loaded this time: the outcome, stored when the index is saved (unless the file is too recent). */
  outcome?: FileOutcome;
}

const FORMAT = 3;
/** A file changed this recently may change again within the same mtime tick: it is not indexed until it is older. */
const RACY_MS = 2_000;

const keyOf = (st: Stats): Key => [st.size, st.mtimeMs, st.ctimeMs, st.ino];
const sameKey = (a: Key, b: Key): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const bit = (v: unknown): boolean => v === 0 || v === 1;

/**
 * Strings that many lessons share (a module's title is every lesson's
 * grand_parent) are stored once, in a table, and referred to by position.
 */
class Strings {
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
// positions in the string table (-1 for none) and flags as 0 or 1.
function encode(outcome: FileOutcome, strings: Strings): unknown[] {
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

/** Re-encodes a stored outcome against a new string table (an unchanged file, written back). */
function restring(stored: unknown[], from: readonly string[], to: Strings): unknown[] {
  if (stored[0] !== 'l') return stored;
  const copy = stored.slice();
  copy[3] = to.ref(from[stored[3] as number]);
  copy[4] = to.ref(from[stored[4] as number]);
  return copy;
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

function indexedLesson(s: unknown[], strings: readonly string[], file: LessonFileRef, readText: (path: string) => string): Lesson {
  return new IndexedLesson(
    s[1] as string,
    s[2] as string,
    strings[s[3] as number],
    strings[s[4] as number],
    (s[5] as number | null) ?? undefined,
    s[6] === 1,
    file.path,
    s[7] as number,
    s[8] === 1,
    file.relPath,
    readText,
  );
}

function decode(stored: unknown[], strings: readonly string[], file: LessonFileRef, readText: (path: string) => string): FileOutcome {
  switch (stored[0]) {
    case 's':
      return { kind: 'skipped' };
    case 'p':
      return { kind: 'problem', problem: { file: stored[1] as string, line: stored[2] as number, message: stored[3] as string, severity: stored[4] as 'error' | 'warning' } };
    default:
      return { kind: 'lesson', lesson: indexedLesson(stored, strings, file, readText) };
  }
}

/** Checks a stored outcome's shape: an index is used only if every entry is well formed. */
function wellFormed(s: unknown[], strings: readonly string[]): boolean {
  const ref = (v: unknown) => v === -1 || (Number.isInteger(v) && (v as number) >= 0 && (v as number) < strings.length);
  switch (s[0]) {
    case 's':
      return s.length === 1;
    case 'p':
      return s.length === 5 && str(s[1]) && num(s[2]) && str(s[3]) && (s[4] === 'error' || s[4] === 'warning');
    case 'l':
      return s.length === 9 && str(s[1]) && str(s[2]) && ref(s[3]) && ref(s[4]) && (s[5] === null || num(s[5])) && bit(s[6]) && num(s[7]) && bit(s[8]);
    default:
      return false;
  }
}

interface Stored {
  entries: Entry[];
  strings: string[];
}

function readIndex(path: string, dir: string): Stored {
  const none: Stored = { entries: [], strings: [] };
  const text = readCache(path);
  if (text === undefined) return none;
  try {
    const data = JSON.parse(text) as { format?: unknown; build?: unknown; dir?: unknown; strings?: unknown; files?: unknown };
    if (data.format !== FORMAT || data.build !== buildId() || data.dir !== dir || !Array.isArray(data.strings) || !Array.isArray(data.files)) return none;
    const strings = data.strings as unknown[];
    if (!strings.every(str)) return none;
    const entries: Entry[] = [];
    for (const f of data.files as unknown[]) {
      // [rel, size, mtimeMs, ctimeMs (0: the same as mtimeMs, as it usually is), ino, ...outcome]
      if (!Array.isArray(f) || !str(f[0]) || !num(f[1]) || !num(f[2]) || !num(f[3]) || !num(f[4])) return none;
      const stored = f.slice(5);
      if (!wellFormed(stored, strings as string[])) return none;
      entries.push({ rel: f[0], key: [f[1], f[2], f[3] === 0 ? f[2] : f[3], f[4]], stored });
    }
    return { entries, strings: strings as string[] };
  } catch {
    return none; // Cut short or damaged: rebuilt from the files.
  }
}

/**
 * One load of a course folder against its index: ask `outcome` for each file
 * found, in order, then `save` to store what changed.
 */
export class CourseIndex {
  private readonly path: string;
  private readonly previous: Stored;
  /** Files are asked for in the order they were indexed, usually: each is looked for there first. */
  private cursor = 0;
  private byRel: Map<string, Entry> | undefined;
  private readonly next: Entry[] = [];
  private changed = false;
  private readonly startedAt = Date.now();

  constructor(
    cacheDir: string,
    private readonly dir: string,
    private readonly readText: (path: string) => string,
  ) {
    this.path = join(cacheDir, `course-${hashKey(dir)}.json`);
    this.previous = readIndex(this.path, dir);
  }

  private find(rel: string): Entry | undefined {
    const here = this.previous.entries[this.cursor++];
    if (here?.rel === rel) return here;
    this.byRel ??= new Map(this.previous.entries.map((e) => [e.rel, e]));
    return this.byRel.get(rel);
  }

  /** The file's outcome from the index when its key is unchanged, else from `load` (and indexed). */
  outcome(file: LessonFileRef, load: () => FileOutcome): FileOutcome {
    let key: Key;
    try {
      key = keyOf(statSync(file.path));
    } catch {
      this.changed = true;
      return load(); // Gone or unreadable since the folder was listed: loading says why.
    }
    const old = this.find(file.relPath);
    if (old?.stored && sameKey(old.key, key)) {
      this.next.push(old);
      return decode(old.stored, this.previous.strings, file, this.readText);
    }
    const outcome = load();
    this.changed = true;
    // A file changed this recently could change again unseen within its mtime tick: indexed on a later run.
    if (Math.max(key[1], key[2]) < this.startedAt - RACY_MS) this.next.push({ rel: file.relPath, key, outcome });
    return outcome;
  }

  /** Stores the index if any file was added, changed or removed. */
  save(): void {
    if (!this.changed && this.next.length === this.previous.entries.length) return;
    const strings = new Strings();
    const files: unknown[] = [];
    for (const e of this.next) {
      const stored = e.stored ? restring(e.stored, this.previous.strings, strings) : encode(e.outcome!, strings);
      const [size, mtimeMs, ctimeMs, ino] = e.key;
      files.push([e.rel, size, mtimeMs, ctimeMs === mtimeMs ? 0 : ctimeMs, ino, ...stored]);
    }
    writeCache(this.path, JSON.stringify({ format: FORMAT, build: buildId(), dir: this.dir, strings: strings.list, files }));
  }
}
