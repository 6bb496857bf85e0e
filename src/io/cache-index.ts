// The course index cache: what each lesson file's front matter says (or that
// it is not a page, or why it could not be loaded), keyed by the file's size,
// mtime, ctime and inode, so that a course of thousands of pages loads without
// reading and parsing them all. A file whose key changed is parsed again; the
// others come from the index. The Markdown body of an indexed lesson is read
// from its file only when something asks for it. What the loader builds from
// the index is exactly what it builds from the files (test/e2e/cache.test.ts).
//
// The index also keeps the list of files the last walk of the course found,
// with each folder's mtime, ctime, inode and device: while no folder changed,
// no entry was added, removed or renamed, and a warm run stats the folders
// instead of listing them again (see CourseIndex.listing). Every file is still
// stat-ed against its own key, so an edit in place is always seen.
import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { CourseProblem } from '../core/course.js';
import type { Lesson } from '../core/lesson.js';
import { buildId, hashKey, readCache, writeCache } from './cache.js';
import { OUTCOME, QUESTIONS, QUESTION_FACTS, Strings, decode, encode, num, restring, sameFile, str, wellFormed, type QuestionFact, type StoredFile } from './cache-index-entry.js';

export interface LessonFileRef {
  path: string;
  relPath: string;
}

/** What loading one file gave. */
export type FileOutcome = { kind: 'lesson'; lesson: Lesson } | { kind: 'skipped' } | { kind: 'problem'; problem: CourseProblem };

/** A folder and its stats, as the walk saw it just before listing it (see load-course.ts listCourse). */
export interface FolderRef {
  rel: string;
  stats: Stats;
}

/** A file loaded this time, stored when the index is saved. */
interface Fresh {
  rel: string;
  stats?: Stats;
  outcome?: FileOutcome;
  questions?: QuestionFact;
}

/**
 * What is worked out from a lesson's file after loading, kept in the index
 * with the file's entry (and so under the same key: size, times and inode).
 */
export interface LessonFacts {
  /** What the lesson gives a quiz (see QuestionFact); undefined when not known yet. */
  questions(lesson: Lesson): QuestionFact | undefined;
  rememberQuestions(lesson: Lesson, fact: QuestionFact): void;
}

export type { QuestionFact };

const FORMAT = 4;
/** A file changed this recently may change again within the same mtime tick: it is not indexed until it is older. */
const RACY_MS = 2_000;

interface Stored {
  /** Every file the walk listed, in its order; see StoredFile. */
  files: StoredFile[];
  strings: string[];
  /** [rel, mtimeMs, ctimeMs, ino, dev] of every folder listed, when the listing can be checked by them (see listing()). */
  folders: unknown[][] | undefined;
}

function readIndex(path: string, dir: string): Stored {
  const none: Stored = { files: [], strings: [], folders: undefined };
  const text = readCache(path);
  if (text === undefined) return none;
  try {
    const data = JSON.parse(text) as { format?: unknown; build?: unknown; dir?: unknown; strings?: unknown; files?: unknown; folders?: unknown };
    if (data.format !== FORMAT || data.build !== buildId() || data.dir !== dir || !Array.isArray(data.strings) || !Array.isArray(data.files)) return none;
    const strings = data.strings as unknown[];
    if (!strings.every(str)) return none;
    // Each file's key and outcome are checked when they are about to be used (wellFormed); its name, here.
    const files = data.files as unknown[];
    for (const f of files) if (!Array.isArray(f) || !str(f[0])) return none;
    let folders: unknown[][] | undefined;
    if (Array.isArray(data.folders) && data.folders.length > 0) {
      folders = data.folders as unknown[][];
      for (const d of folders) {
        if (!Array.isArray(d) || d.length !== 5 || !str(d[0]) || !num(d[1]) || !num(d[2]) || !num(d[3]) || !num(d[4])) {
          folders = undefined;
          break;
        }
      }
    }
    return { files: files as StoredFile[], strings: strings as string[], folders };
  } catch {
    return none; // Cut short or damaged: rebuilt from the files.
  }
}

/**
 * One load of a course folder against its index: `listing` for the files
 * (when no folder changed), else `recordListing` after walking the folder;
 * `outcome` for each file, in order; then `save` to store what changed.
 */
export class CourseIndex implements LessonFacts {
  private readonly path: string;
  private readonly previous: Stored;
  /** Files are asked for in the order they were indexed, usually: each is looked for there first. */
  private cursor = 0;
  private byRel: Map<string, StoredFile> | undefined;
  private readonly next: Array<StoredFile | Fresh> = [];
  private folders: unknown[][] | undefined;
  private changed = false;
  /** Each lesson this load gave, with its entry (stored or fresh), for LessonFacts. */
  private readonly entries = new WeakMap<Lesson, StoredFile | Fresh>();
  private saveQueued = false;
  private readonly startedAt = Date.now();

  constructor(
    cacheDir: string,
    private readonly dir: string,
    private readonly readText: (path: string) => string,
  ) {
    this.path = join(cacheDir, `course-${hashKey(dir)}.json`);
    this.previous = readIndex(this.path, dir);
  }

  /**
   * The files the last walk found, when every folder it listed is still the
   * folder it listed: same inode and device, same mtime and ctime (both change
   * when an entry is added, removed or renamed in it, or the folder's own
   * permissions change). Undefined when any folder changed, or when the last
   * walk could not be checked this way (see listCourse): walk again then.
   * `prefix` is what every file's path starts with (pathPrefix(dir)).
   */
  listing(prefix: string): LessonFileRef[] | undefined {
    const folders = this.previous.folders;
    if (folders === undefined) return undefined;
    for (const d of folders) {
      const rel = d[0] as string;
      let st: Stats | undefined;
      try {
        st = statSync(rel === '' ? this.dir : `${prefix}${rel}`, { throwIfNoEntry: false });
      } catch {
        return undefined;
      }
      if (!st || !st.isDirectory() || st.mtimeMs !== d[1] || st.ctimeMs !== d[2] || st.ino !== d[3] || st.dev !== d[4]) return undefined;
    }
    this.folders = folders;
    return this.previous.files.map((f) => ({ path: `${prefix}${f[0] as string}`, relPath: f[0] as string }));
  }

  /** After a walk: the folders it listed, kept for `listing` to check next time (undefined: it cannot be checked that way). */
  recordListing(folders: readonly FolderRef[] | undefined): void {
    if (this.previous.folders !== undefined) this.changed = true;
    // A folder changed this recently could change again unseen within its mtime tick: kept on a later run.
    if (folders === undefined || folders.some((f) => Math.max(f.stats.mtimeMs, f.stats.ctimeMs) >= this.startedAt - RACY_MS)) return;
    this.folders = folders.map((f) => [f.rel, f.stats.mtimeMs, f.stats.ctimeMs, f.stats.ino, f.stats.dev]);
    this.changed = true;
  }

  private find(rel: string): StoredFile | undefined {
    const files = this.previous.files;
    const here = files[this.cursor++];
    if (here?.[0] === rel) return here;
    this.byRel ??= new Map(files.map((f) => [f[0] as string, f]));
    return this.byRel.get(rel);
  }

  /** The file's outcome from the index when its key is unchanged, else from `load` (and indexed). */
  outcome(file: LessonFileRef, load: () => FileOutcome): FileOutcome {
    let st: Stats | undefined;
    try {
      st = statSync(file.path, { throwIfNoEntry: false });
    } catch {
      // Unreadable since the folder was listed: loading says why.
    }
    if (!st) {
      this.changed = true;
      this.next.push({ rel: file.relPath });
      return load();
    }
    const old = this.find(file.relPath);
    if (old && old.length > OUTCOME && sameFile(old, st) && wellFormed(old, this.previous.strings)) {
      this.next.push(old);
      const outcome = decode(old, this.previous.strings, file, this.readText);
      if (outcome.kind === 'lesson') this.entries.set(outcome.lesson, old);
      return outcome;
    }
    const outcome = load();
    this.changed = true;
    // A file changed this recently could change again unseen within its mtime tick: indexed on a later run.
    const settled = Math.max(st.mtimeMs, st.ctimeMs) < this.startedAt - RACY_MS;
    const fresh: Fresh = settled ? { rel: file.relPath, stats: st, outcome } : { rel: file.relPath };
    this.next.push(fresh);
    if (settled && outcome.kind === 'lesson') this.entries.set(outcome.lesson, fresh);
    return outcome;
  }

  questions(lesson: Lesson): QuestionFact | undefined {
    const entry = this.entries.get(lesson);
    return Array.isArray(entry) ? QUESTION_FACTS[entry[QUESTIONS] as number] : entry?.questions;
  }

  /**
   * Keeps the answer with the lesson's entry, stored at the end of the current
   * task (answers worked out together are stored together). The answer comes
   * from the file as read after its stat: if it changed since, its key no
   * longer matches next time, and the answer goes with the rest of the entry.
   */
  rememberQuestions(lesson: Lesson, fact: QuestionFact): void {
    const entry = this.entries.get(lesson);
    if (entry === undefined) return;
    if (Array.isArray(entry)) {
      if (entry.length !== QUESTIONS) return;
      entry.push(QUESTION_FACTS.indexOf(fact));
    } else {
      entry.questions = fact;
    }
    this.changed = true;
    if (this.saveQueued) return;
    this.saveQueued = true;
    queueMicrotask(() => {
      this.saveQueued = false;
      this.save();
    });
  }

  /** Stores the index if any file or folder was added, changed or removed. */
  save(): void {
    if (!this.changed && this.next.length === this.previous.files.length) return;
    const strings = new Strings();
    const files: unknown[] = [];
    for (const e of this.next) {
      if (Array.isArray(e)) {
        files.push([...e.slice(0, OUTCOME), ...restring(e, this.previous.strings, strings)]);
      } else if (e.stats && e.outcome) {
        const { size, mtimeMs, ctimeMs, ino } = e.stats;
        const questions = e.questions === undefined ? [] : [QUESTION_FACTS.indexOf(e.questions)];
        files.push([e.rel, size, mtimeMs, ctimeMs === mtimeMs ? 0 : ctimeMs, ino, ...encode(e.outcome, strings), ...questions]);
      } else {
        files.push([e.rel]);
      }
    }
    writeCache(this.path, JSON.stringify({ format: FORMAT, build: buildId(), dir: this.dir, strings: strings.list, folders: this.folders ?? null, files }));
  }
}
