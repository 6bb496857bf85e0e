// The learner's progress: what was read, every answer (as a bounded history per
// question) and each question's review schedule. Pure: loading and saving live
// in src/io/progress-store.ts, the compact layout on disk in progress-codec.ts.
// Keyed by stable ids, so reordering lessons keeps it.
import { z } from 'zod';

/**
 * The newest progress format this pm-guide reads, and the one it writes to the
 * progress file: the compact layout of core/progress-codec.ts. A file with a
 * higher version is from a newer pm-guide and is refused.
 */
export const PROGRESS_VERSION = 2;
/**
 * Format 1, the readable layout: every record with named fields. It is the
 * shape of `Progress` in memory, what `pm-guide export` writes (so that an
 * older pm-guide can import it), and what older progress files hold.
 */
export const READABLE_VERSION = 1;
/** Answers kept per question: enough for stats and streaks, bounded so the file grows with questions, not answers. */
export const HISTORY_LIMIT = 12;

export const TOPICS = ['responsibilities', 'tools', 'examples'] as const;
export type Topic = (typeof TOPICS)[number];

/** A null-prototype record: "__proto__" and "constructor" are plain keys here, never inherited behaviour. */
export type Dict<T> = Record<string, T>;
export function dict<T>(entries?: Iterable<readonly [string, T]>): Dict<T> {
  const d = Object.create(null) as Dict<T>;
  if (entries) for (const [k, v] of entries) d[k] = v;
  return d;
}

// The schema is built on first use, so that loading this module does not load
// zod: a valid progress file is read by readProgress below, and zod is asked
// only about a file that reader does not accept, to say what is wrong with it.
function buildSchemas() {
  const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date');

  const lessonProgress = z.object({
    readAt: isoDate.optional(),
    reads: z.number().int().nonnegative().optional(),
    bestScore: z.number().min(0).max(1).optional(),
    lastScore: z.number().min(0).max(1).optional(),
    quizzedAt: isoDate.optional(),
  });

  /** FSRS memory state of one question, compact: times as epoch seconds. */
  const itemProgress = z.object({
    lesson: z.string(),
    topic: z.enum(TOPICS),
    /** When it is next due, epoch seconds. */
    due: z.number(),
    stability: z.number().nonnegative(),
    difficulty: z.number(),
    reps: z.number().int().nonnegative(),
    lapses: z.number().int().nonnegative(),
    /** 0 new, 1 learning, 2 review, 3 relearning (FSRS states). */
    state: z.number().int().min(0).max(3),
    learningSteps: z.number().int().nonnegative().default(0),
    /** Last review, epoch seconds. */
    last: z.number(),
    /** Recent answers, oldest first: [epoch seconds, 1 right / 0 wrong]. */
    history: z.array(z.tuple([z.number(), z.union([z.literal(0), z.literal(1)])])).max(1000),
    /** Every answer ever given to it, right and wrong (the history above is bounded). */
    seen: z.number().int().nonnegative(),
    right: z.number().int().nonnegative(),
  });

  const progress = z.object({
    version: z.literal(READABLE_VERSION),
    current: z.string().optional(),
    lessons: dictOf(lessonProgress),
    items: dictOf(itemProgress),
    /** Days (YYYY-MM-DD, local) with any activity, for streaks and the activity chart; the last 366 are kept. */
    days: dictOf(z.number().int().nonnegative()).optional().transform((d) => d ?? dict<number>()),
  });
  return { lessonProgress, itemProgress, progress };
}
type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;
/** The zod schemas (loads zod). */
export function progressSchemas(): Schemas {
  return (schemas ??= buildSchemas());
}
export type LessonProgress = z.infer<Schemas['lessonProgress']>;
export type ItemProgress = z.infer<Schemas['itemProgress']>;

/**
 * A record validated key by key into a null-prototype dict. zod's own record
 * copies into a plain object, where a "__proto__" key would be lost (or worse).
 */
export function dictOf<T extends z.ZodType>(value: T) {
  return z.unknown().transform((input, ctx): Dict<z.output<T>> => {
    const out = dict<z.output<T>>();
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: 'expected an object' });
      return out;
    }
    for (const key of Object.keys(input)) {
      const parsed = value.safeParse((input as Record<string, unknown>)[key]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
        return out;
      }
      out[key] = parsed.data;
    }
    return out;
  });
}

export type Progress = z.infer<Schemas['progress']>;

/** Keys of each record, in the schema's order (a test holds them equal to the zod shapes). */
export const LESSON_PROGRESS_KEYS = ['readAt', 'reads', 'bestScore', 'lastScore', 'quizzedAt'] as const;
export const ITEM_PROGRESS_KEYS = ['lesson', 'topic', 'due', 'stability', 'difficulty', 'reps', 'lapses', 'state', 'learningSteps', 'last', 'history', 'seen', 'right'] as const;
export const PROGRESS_KEYS = ['version', 'current', 'lessons', 'items', 'days'] as const;

type Json = Record<string, unknown>;
export const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isScore = (v: unknown): v is number => isNumber(v) && v >= 0 && v <= 1;
// toISOString's own form with a day of 28 or less is a valid date in any month, so
// Date.parse (slow next to a regular expression, and asked thousands of times) is
// needed only for other strings; the result is the same.
const ISO_DAY_1_TO_28 = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const isDate = (v: unknown): v is string => typeof v === 'string' && (ISO_DAY_1_TO_28.test(v) || !Number.isNaN(Date.parse(v)));

export function readLesson(v: unknown): LessonProgress | undefined {
  if (!isRecord(v)) return undefined;
  const out: LessonProgress = {};
  if (v.readAt !== undefined) {
    if (!isDate(v.readAt)) return undefined;
    out.readAt = v.readAt;
  }
  if (v.reads !== undefined) {
    if (!isCount(v.reads)) return undefined;
    out.reads = v.reads;
  }
  if (v.bestScore !== undefined) {
    if (!isScore(v.bestScore)) return undefined;
    out.bestScore = v.bestScore;
  }
  if (v.lastScore !== undefined) {
    if (!isScore(v.lastScore)) return undefined;
    out.lastScore = v.lastScore;
  }
  if (v.quizzedAt !== undefined) {
    if (!isDate(v.quizzedAt)) return undefined;
    out.quizzedAt = v.quizzedAt;
  }
  return out;
}

export function readHistory(v: unknown): ItemProgress['history'] | undefined {
  if (!Array.isArray(v) || v.length > 1000) return undefined;
  const out: ItemProgress['history'] = [];
  for (const entry of v) {
    if (!Array.isArray(entry) || entry.length !== 2 || !isNumber(entry[0]) || (entry[1] !== 0 && entry[1] !== 1)) return undefined;
    out.push([entry[0], entry[1]]);
  }
  return out;
}

function readItem(v: unknown): ItemProgress | undefined {
  if (!isRecord(v)) return undefined;
  const { lesson, topic, due, stability, difficulty, reps, lapses, state, learningSteps, last, seen, right } = v;
  if (typeof lesson !== 'string' || !TOPICS.includes(topic as Topic) || !isNumber(due)) return undefined;
  if (!isNumber(stability) || stability < 0 || !isNumber(difficulty) || !isCount(reps) || !isCount(lapses)) return undefined;
  if (!isCount(state) || state > 3 || (learningSteps !== undefined && !isCount(learningSteps)) || !isNumber(last)) return undefined;
  const history = readHistory(v.history);
  if (!history || !isCount(seen) || !isCount(right)) return undefined;
  return { lesson, topic: topic as Topic, due, stability, difficulty, reps, lapses, state, learningSteps: learningSteps ?? 0, last, history, seen, right };
}

export function readDict<T>(v: unknown, read: (value: unknown) => T | undefined): Dict<T> | undefined {
  if (!isRecord(v)) return undefined;
  const out = dict<T>();
  for (const key of Object.keys(v)) {
    const value = read(v[key]);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return out;
}

/**
 * Reads parsed JSON as progress without zod: the same result the schema gives
 * for data it accepts (same keys, same order, same defaults), or undefined for
 * anything it is not sure of, which the schema then judges (a property test
 * holds the two equal).
 */
export function readProgress(data: unknown): Progress | undefined {
  if (!isRecord(data) || data.version !== READABLE_VERSION) return undefined;
  if (data.current !== undefined && typeof data.current !== 'string') return undefined;
  const lessons = readDict(data.lessons, readLesson);
  const items = lessons && readDict(data.items, readItem);
  const days = data.days === undefined ? dict<number>() : readDict(data.days, (d) => (isCount(d) ? d : undefined));
  if (!lessons || !items || !days) return undefined;
  const out: Progress = { version: READABLE_VERSION } as Progress;
  if (data.current !== undefined) out.current = data.current;
  out.lessons = lessons;
  out.items = items;
  out.days = days;
  return out;
}

/** The schema of the readable layout (format 1): readProgress for data it accepts, zod for the rest (and for the reason). */
export const progressSchema = {
  safeParse(data: unknown): z.ZodSafeParseResult<Progress> {
    const fast = readProgress(data);
    return fast ? { success: true, data: fast } : progressSchemas().progress.safeParse(data);
  },
  parse(data: unknown): Progress {
    return readProgress(data) ?? progressSchemas().progress.parse(data);
  },
};

export function emptyProgress(): Progress {
  return { version: READABLE_VERSION, lessons: dict(), items: dict(), days: dict() };
}

export function dayKey(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function noteActivity(days: Dict<number>, now: Date): Dict<number> {
  const next = dict(Object.entries(days));
  const key = dayKey(now);
  next[key] = (next[key] ?? 0) + 1;
  const keys = Object.keys(next).sort();
  for (const old of keys.slice(0, Math.max(0, keys.length - 366))) delete next[old];
  return next;
}

export function markRead(progress: Progress, lessonId: string, now: Date): Progress {
  const before = progress.lessons[lessonId] ?? {};
  const lessons = dict(Object.entries(progress.lessons));
  lessons[lessonId] = { ...before, readAt: before.readAt ?? now.toISOString(), reads: (before.reads ?? 0) + 1 };
  return { ...progress, current: lessonId, lessons, days: noteActivity(progress.days, now) };
}

export function recordQuizScore(progress: Progress, lessonId: string, score: number, now: Date): Progress {
  const before = progress.lessons[lessonId] ?? {};
  const lessons = dict(Object.entries(progress.lessons));
  lessons[lessonId] = {
    ...before,
    lastScore: score,
    bestScore: Math.max(score, before.bestScore ?? 0),
    quizzedAt: now.toISOString(),
  };
  return { ...progress, lessons };
}

export interface Answer {
  questionId: string;
  lessonId: string;
  topic: Topic;
  correct: boolean;
  at: Date;
}

/** What a scheduler returns for one answer: the item's next memory state. */
export type Schedule = Pick<ItemProgress, 'due' | 'stability' | 'difficulty' | 'reps' | 'lapses' | 'state' | 'learningSteps' | 'last'>;
export type Scheduler = (previous: ItemProgress | undefined, correct: boolean, at: Date) => Schedule;

export function recordAnswer(progress: Progress, answer: Answer, schedule: Scheduler): Progress {
  const before = progress.items[answer.questionId];
  const at = Math.floor(answer.at.getTime() / 1000);
  const history = [...(before?.history ?? []), [at, answer.correct ? 1 : 0] as [number, 0 | 1]].slice(-HISTORY_LIMIT);
  const items = dict(Object.entries(progress.items));
  items[answer.questionId] = {
    lesson: answer.lessonId,
    topic: answer.topic,
    ...schedule(before, answer.correct, answer.at),
    history,
    seen: (before?.seen ?? 0) + 1,
    right: (before?.right ?? 0) + (answer.correct ? 1 : 0),
  };
  return { ...progress, items, days: noteActivity(progress.days, answer.at) };
}

export function resetProgress(): Progress {
  return emptyProgress();
}

export const PASS_MARK = 0.8;

export function isPassed(progress: Progress, lessonId: string): boolean {
  return (progress.lessons[lessonId]?.bestScore ?? 0) >= PASS_MARK;
}

export function dueItems(progress: Progress, now: Date, lessonId?: string): Array<[string, ItemProgress]> {
  const t = now.getTime() / 1000;
  return Object.entries(progress.items).filter(([, item]) => item.due <= t && (lessonId === undefined || item.lesson === lessonId));
}

/** Passed, and none of its questions overdue. */
export function isMastered(progress: Progress, lessonId: string, now: Date): boolean {
  return isPassed(progress, lessonId) && dueItems(progress, now, lessonId).length === 0;
}
