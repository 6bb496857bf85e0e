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
  key: Key;
  /** The stored form (see encode), kept as stored so that an unchanged index is written back as it was. */
  stored: unknown[];
}

const FORMAT = 1;
/** A file changed this recently may change again within the same mtime tick: it is not indexed until it is older. */
const RACY_MS = 2_000;

const keyOf = (st: Stats): Key => [st.size, st.mtimeMs, st.ctimeMs, st.ino];
const sameKey = (a: Key, b: Key): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

const str = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown): boolean => v === null || typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function encode(outcome: FileOutcome): unknown[] {
  switch (outcome.kind) {
    case 'skipped':
      return ['s'];
    case 'problem': {
      const p = outcome.problem;
      return ['p', p.file, p.line, p.message, p.severity];
    }
    case 'lesson': {
      const l = outcome.lesson;
      return ['l', l.id, l.title, l.parent ?? null, l.grandParent ?? null, l.navOrder ?? null, l.isModule, l.bodyLine, l.titleInFrontMatter];
    }
  }
}

/** A lesson as the index holds it, with its body read from the file when first asked for. */
function indexedLesson(stored: unknown[], file: LessonFileRef, readText: (path: string) => string): Lesson {
  const [, id, title, parent, grandParent, navOrder, isModule, bodyLine, titleInFrontMatter] = stored as [
    string, string, string, string | null, string | null, number | null, boolean, number, boolean,
  ];
  let body: string | undefined;
  // Same keys in the same order as parseLesson's object, so that nothing can tell them apart.
  return {
    id,
    title,
    parent: parent ?? undefined,
    grandParent: grandParent ?? undefined,
    navOrder: navOrder ?? undefined,
    isModule,
    file: file.path,
    get body(): string {
      return (body ??= lessonBody({ file: file.path, relPath: file.relPath, text: readText(file.path) }));
    },
    set body(value: string) {
      body = value;
    },
    bodyLine,
    titleInFrontMatter,
  };
}

function decode(stored: unknown[], file: LessonFileRef, readText: (path: string) => string): FileOutcome {
  switch (stored[0]) {
    case 's':
      return { kind: 'skipped' };
    case 'p':
      return { kind: 'problem', problem: { file: stored[1] as string, line: stored[2] as number, message: stored[3] as string, severity: stored[4] as 'error' | 'warning' } };
    default:
      return { kind: 'lesson', lesson: indexedLesson(stored, file, readText) };
  }
}

/** Checks a stored entry's shape: an index is used only if every entry is well formed. */
function wellFormed(v: unknown): v is [number, number, number, number, unknown[]] {
  if (!Array.isArray(v) || v.length !== 5 || !num(v[0]) || !num(v[1]) || !num(v[2]) || !num(v[3]) || !Array.isArray(v[4])) return false;
  const s = v[4] as unknown[];
  switch (s[0]) {
    case 's':
      return s.length === 1;
    case 'p':
      return s.length === 5 && str(s[1]) && num(s[2]) && str(s[3]) && (s[4] === 'error' || s[4] === 'warning');
    case 'l':
      return (
        s.length === 9 && str(s[1]) && str(s[2]) && optStr(s[3]) && optStr(s[4]) && (s[5] === null || num(s[5])) &&
        typeof s[6] === 'boolean' && num(s[7]) && typeof s[8] === 'boolean'
      );
    default:
      return false;
  }
}

function readIndex(path: string, dir: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const text = readCache(path);
  if (text === undefined) return entries;
  try {
    const data = JSON.parse(text) as { format?: unknown; build?: unknown; dir?: unknown; files?: unknown };
    if (data.format !== FORMAT || data.build !== buildId() || data.dir !== dir || data.files === null || typeof data.files !== 'object') return entries;
    for (const [rel, value] of Object.entries(data.files as Record<string, unknown>)) {
      if (!wellFormed(value)) return new Map();
      entries.set(rel, { key: [value[0], value[1], value[2], value[3]], stored: value[4] });
    }
  } catch {
    return new Map(); // Cut short or damaged: rebuilt from the files.
  }
  return entries;
}

/**
 * One load of a course folder against its index: ask `outcome` for each file
 * found, in order, then `save` to store what changed.
 */
export class CourseIndex {
  private readonly path: string;
  private readonly previous: Map<string, Entry>;
  private readonly next = new Map<string, Entry>();
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

  /** The file's outcome from the index when its key is unchanged, else from `load` (and indexed). */
  outcome(file: LessonFileRef, load: () => FileOutcome): FileOutcome {
    let key: Key;
    try {
      key = keyOf(statSync(file.path));
    } catch {
      this.changed = true;
      return load(); // Gone or unreadable since the folder was listed: loading says why.
    }
    const old = this.previous.get(file.relPath);
    if (old && sameKey(old.key, key)) {
      this.next.set(file.relPath, old);
      return decode(old.stored, file, this.readText);
    }
    const outcome = load();
    this.changed = true;
    if (Math.max(key[1], key[2]) < this.startedAt - RACY_MS) this.next.set(file.relPath, { key, stored: encode(outcome) });
    return outcome;
  }

  /** Stores the index if any file was added, changed or removed. */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    const files: Record<string, unknown> = {};
    for (const [rel, e] of this.next) files[rel] = [...e.key, e.stored];
    writeCache(this.path, JSON.stringify({ format: FORMAT, build: buildId(), dir: this.dir, files }));
  }
}
