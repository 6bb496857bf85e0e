// The readable layout of progress (format 1): the shape of `Progress` in
// memory and of exports, its zod schemas, and a zod-free reader for valid data
// (a valid file is the common case, and zod is slow to load). The compact
// layout on disk is in progress-codec.ts; what changes progress, in progress.ts.
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
  return readProgressRecord(data, READABLE_VERSION, (d) => readDict(d.items, readItem));
}

/**
 * The record around the items, as both layouts hold it: version, current
 * lesson, lessons and days, read without zod; `readItems` reads the items the
 * layout's own way. Undefined for anything it is not sure of.
 */
export function readProgressRecord(data: unknown, version: number, readItems: (data: Json) => Dict<ItemProgress> | undefined): Progress | undefined {
  if (!isRecord(data) || data.version !== version) return undefined;
  if (data.current !== undefined && typeof data.current !== 'string') return undefined;
  const lessons = readDict(data.lessons, readLesson);
  const items = lessons && readItems(data);
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
