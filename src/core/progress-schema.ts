// The progress file's one layout (format 1): the shape of `Progress` in memory,
// on disk and in exports, and the one validator that reads it. Parsed JSON is
// checked field by field; the first problem is reported with its path
// ("items.r-desc-1.due: expected a time between 1970 and 9999"), so a broken
// file says what is wrong with it. Format 2, a packed layout of the same
// values that an earlier pm-guide wrote, is read once (progress-format2.ts)
// and written back as format 1 by the next save.

/** The format this pm-guide writes. A file with a higher version is from a newer pm-guide and is refused. */
export const PROGRESS_VERSION = 1;

export const TOPICS = ['responsibilities', 'tools', 'examples'] as const;
export type Topic = (typeof TOPICS)[number];

/** A null-prototype record: "__proto__" and "constructor" are plain keys here, never inherited behaviour. */
export type Dict<T> = Record<string, T>;
export function dict<T>(entries?: Iterable<readonly [string, T]>): Dict<T> {
  const d = Object.create(null) as Dict<T>;
  if (entries) for (const [k, v] of entries) d[k] = v;
  return d;
}

export interface LessonProgress {
  readAt?: string;
  reads?: number;
  bestScore?: number;
  lastScore?: number;
  quizzedAt?: string;
  /** A short hash of the lesson's text when it was last read: a different one means it changed since (core/changes.ts). */
  hash?: string;
  /** When a placement test showed the lesson known (core/placement.ts): it counts as passed until the learner undoes it. */
  testedOutAt?: string;
}

/** FSRS memory state of one question; times are epoch seconds. */
export interface ItemProgress {
  lesson: string;
  topic: Topic;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (FSRS states). */
  state: number;
  learningSteps: number;
  last: number;
  /** Recent answers, oldest first: [epoch seconds, 1 right / 0 wrong]. */
  history: Array<[number, 0 | 1]>;
  /** Every answer ever given to it, right and wrong (the history is bounded). */
  seen: number;
  right: number;
  /** The fact the question asks about: variants of one fact are reviewed as one. */
  fact?: string;
  /** A short hash of the sentence the question came from when it was last answered: a different one makes it due again. */
  src?: string;
  /** How sure the learner was (core/confidence.ts): answers and right answers when sure, thinking so, guessing. */
  cal?: [number, number, number, number, number, number];
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  current?: string;
  lessons: Dict<LessonProgress>;
  items: Dict<ItemProgress>;
  /** Days (YYYY-MM-DD, local) with any activity, for streaks and the activity chart; the last 366 are kept. */
  days: Dict<number>;
  /** When the learner declined the placement test the home screen offers the first time: it is not offered again. */
  placementDeclinedAt?: string;
}

export type ReadResult = { ok: true; progress: Progress } | { ok: false; reason: string };

/** The latest time a calendar shows (9999-12-31T23:59:59Z), in epoch seconds: anything later cannot be a real date. */
export const LAST_TIME = 253_402_300_799;
const MAX_HISTORY = 1000;

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Thrown inside the reader with the path of what is wrong; caught at its top. */
class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const fail = (path: string, problem: string): never => {
  throw new Invalid(path, problem);
};
const count = (v: unknown, path: string): number => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(path, 'expected a whole number of 0 or more'));
const real = (v: unknown, path: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'expected a number'));
const time = (v: unknown, path: string): number => (typeof v === 'number' && v >= 0 && v <= LAST_TIME ? v : fail(path, 'expected a time between 1970 and 9999'));
const score = (v: unknown, path: string): number => (typeof v === 'number' && v >= 0 && v <= 1 ? v : fail(path, 'expected a score from 0 to 1'));
const text = (v: unknown, path: string): string => (typeof v === 'string' ? v : fail(path, 'expected text'));
function date(v: unknown, path: string): string {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  return ms >= 0 && ms <= LAST_TIME * 1000 ? (v as string) : fail(path, 'expected a date between 1970 and 9999');
}

function record(v: unknown, path: string): Json {
  return isRecord(v) ? v : fail(path, 'expected an object');
}

function readDict<T>(v: unknown, path: string, read: (value: unknown, path: string) => T): Dict<T> {
  const source = record(v, path);
  const out = dict<T>();
  for (const key of Object.keys(source)) out[key] = read(source[key], `${path}.${key}`);
  return out;
}

function readLesson(v: unknown, path: string): LessonProgress {
  const l = record(v, path);
  const out: LessonProgress = {};
  if (l.readAt !== undefined) out.readAt = date(l.readAt, `${path}.readAt`);
  if (l.reads !== undefined) out.reads = count(l.reads, `${path}.reads`);
  if (l.bestScore !== undefined) out.bestScore = score(l.bestScore, `${path}.bestScore`);
  if (l.lastScore !== undefined) out.lastScore = score(l.lastScore, `${path}.lastScore`);
  if (l.quizzedAt !== undefined) out.quizzedAt = date(l.quizzedAt, `${path}.quizzedAt`);
  if (l.hash !== undefined) out.hash = text(l.hash, `${path}.hash`);
  if (l.testedOutAt !== undefined) out.testedOutAt = date(l.testedOutAt, `${path}.testedOutAt`);
  return out;
}

export function readHistory(v: unknown, path: string): ItemProgress['history'] {
  if (!Array.isArray(v) || v.length > MAX_HISTORY) return fail(path, `expected a list of at most ${MAX_HISTORY} answers`);
  return v.map((entry: unknown, i) => {
    if (!Array.isArray(entry) || entry.length !== 2 || (entry[1] !== 0 && entry[1] !== 1)) return fail(`${path}.${i}`, 'expected [time, 1 or 0]');
    return [time(entry[0], `${path}.${i}`), entry[1]] as [number, 0 | 1];
  });
}

function calibration(v: unknown, path: string): NonNullable<ItemProgress['cal']> {
  if (!Array.isArray(v) || v.length !== 6) return fail(path, 'expected six counts');
  return v.map((n, i) => count(n, `${path}.${i}`)) as NonNullable<ItemProgress['cal']>;
}

function readItem(v: unknown, path: string): ItemProgress {
  const i = record(v, path);
  const at = (key: string): string => `${path}.${key}`;
  if (typeof i.lesson !== 'string') fail(at('lesson'), 'expected a lesson id');
  if (!TOPICS.includes(i.topic as Topic)) fail(at('topic'), `expected one of ${TOPICS.join(', ')}`);
  const state = count(i.state, at('state'));
  if (state > 3) fail(at('state'), 'expected 0, 1, 2 or 3');
  const stability = real(i.stability, at('stability'));
  if (stability < 0) fail(at('stability'), 'expected a number of 0 or more');
  return {
    lesson: i.lesson as string,
    topic: i.topic as Topic,
    due: time(i.due, at('due')),
    stability,
    difficulty: real(i.difficulty, at('difficulty')),
    reps: count(i.reps, at('reps')),
    lapses: count(i.lapses, at('lapses')),
    state,
    learningSteps: i.learningSteps === undefined ? 0 : count(i.learningSteps, at('learningSteps')),
    last: time(i.last, at('last')),
    history: readHistory(i.history, at('history')),
    seen: count(i.seen, at('seen')),
    right: count(i.right, at('right')),
    ...(i.fact === undefined ? {} : { fact: text(i.fact, at('fact')) }),
    ...(i.src === undefined ? {} : { src: text(i.src, at('src')) }),
    ...(i.cal === undefined ? {} : { cal: calibration(i.cal, at('cal')) }),
  };
}

/** Reads parsed JSON in format 1 as progress, or says what is wrong with it. */
export function readProgressData(data: unknown): ReadResult {
  try {
    const d = record(data, 'top level');
    if (d.version !== PROGRESS_VERSION) fail('version', `expected ${PROGRESS_VERSION}`);
    if (d.current !== undefined && typeof d.current !== 'string') fail('current', 'expected a lesson id');
    const declined = d.placementDeclinedAt === undefined ? undefined : date(d.placementDeclinedAt, 'placementDeclinedAt');
    const progress: Progress = {
      version: PROGRESS_VERSION,
      ...(d.current !== undefined ? { current: d.current as string } : {}),
      lessons: readDict(d.lessons, 'lessons', readLesson),
      items: readDict(d.items, 'items', readItem),
      days: d.days === undefined ? dict<number>() : readDict(d.days, 'days', count),
      ...(declined === undefined ? {} : { placementDeclinedAt: declined }),
    };
    return { ok: true, progress };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: `${error.path}: ${error.problem}` };
    throw error;
  }
}
