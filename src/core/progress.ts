// The learner's progress: what was read, every answer (as a bounded history per
// question) and each question's review schedule. Pure: loading and saving live
// in src/io/progress-store.ts. Keyed by stable ids, so reordering lessons keeps it.
import { z } from 'zod';

export const PROGRESS_VERSION = 1;
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

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date');

const lessonProgress = z.object({
  readAt: isoDate.optional(),
  reads: z.number().int().nonnegative().optional(),
  bestScore: z.number().min(0).max(1).optional(),
  lastScore: z.number().min(0).max(1).optional(),
  quizzedAt: isoDate.optional(),
});
export type LessonProgress = z.infer<typeof lessonProgress>;

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
export type ItemProgress = z.infer<typeof itemProgress>;

/**
 * A record validated key by key into a null-prototype dict. zod's own record
 * copies into a plain object, where a "__proto__" key would be lost (or worse).
 */
function dictOf<T extends z.ZodType>(value: T) {
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

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  current: z.string().optional(),
  lessons: dictOf(lessonProgress),
  items: dictOf(itemProgress),
  /** Days (YYYY-MM-DD, local) with any activity, for streaks and the activity chart; the last 366 are kept. */
  days: dictOf(z.number().int().nonnegative()).optional().transform((d) => d ?? dict<number>()),
});
export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: dict(), items: dict(), days: dict() };
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
