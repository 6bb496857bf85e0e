// The learner's progress: what was read, every answer (as a bounded history per
// question) and each question's review schedule. Pure: loading and saving live
// in src/io/progress-store.ts, the layout and its validation in progress-schema.ts.
// Keyed by stable ids, so reordering lessons keeps it.
import { CONFIDENT_MISS_STABILITY, addToCalibration, gradeFor, type Confidence } from './confidence.js';
import { isLeech } from './leech.js';
import { PROGRESS_VERSION, dict, type Dict, type ItemProgress, type Progress, type Topic } from './progress-schema.js';

// What most of pm-guide needs of the model, from one place.
export { PROGRESS_VERSION, TOPICS, dict, type Dict, type ItemProgress, type LessonProgress, type Progress, type Topic } from './progress-schema.js';

/** Answers kept per question: enough for stats and streaks, bounded so the file grows with questions, not answers. */
export const HISTORY_LIMIT = 12;

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

/** `hash`: the lesson's text as read (core/changes.ts lessonHash), so that a later edit shows. */
export function markRead(progress: Progress, lessonId: string, now: Date, hash?: string): Progress {
  const before = progress.lessons[lessonId] ?? {};
  const lessons = dict(Object.entries(progress.lessons));
  lessons[lessonId] = { ...before, readAt: before.readAt ?? now.toISOString(), reads: (before.reads ?? 0) + 1, ...(hash === undefined ? {} : { hash }) };
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
  /** A right answer given after a hint: scheduled as hard. */
  hinted?: boolean;
  /** The question's fact: other questions on it that are due are reviewed by this answer too. */
  fact?: string;
  /** The hash of the sentence the question came from (core/changes.ts sourceHash). */
  source?: string;
  /** How sure the learner said they were (core/confidence.ts); none for "I don't know". */
  confidence?: Confidence;
  at: Date;
}

/** How well an answer went, for the scheduler. */
export type Grade = 'again' | 'hard' | 'good';

/** What a scheduler returns for one answer: the item's next memory state. */
export type Schedule = Pick<ItemProgress, 'due' | 'stability' | 'difficulty' | 'reps' | 'lapses' | 'state' | 'learningSteps' | 'last'>;
export type Scheduler = (previous: ItemProgress | undefined, grade: Grade, at: Date) => Schedule;

/** The next memory state: a right guess is hard, and a confident miss leaves a weaker memory than a plain one (core/confidence.ts). */
function scheduled(before: ItemProgress | undefined, answer: Answer, schedule: Scheduler): Schedule {
  const next = schedule(before, gradeFor(answer.correct, answer.hinted === true, answer.confidence), answer.at);
  return !answer.correct && answer.confidence === 'sure' ? { ...next, stability: next.stability * CONFIDENT_MISS_STABILITY } : next;
}

export function recordAnswer(progress: Progress, answer: Answer, schedule: Scheduler): Progress {
  const before = progress.items[answer.questionId];
  const at = Math.floor(answer.at.getTime() / 1000);
  const history = [...(before?.history ?? []), [at, answer.correct ? 1 : 0] as [number, 0 | 1]].slice(-HISTORY_LIMIT);
  const items = dict(Object.entries(progress.items));
  items[answer.questionId] = {
    lesson: answer.lessonId,
    topic: answer.topic,
    ...scheduled(before, answer, schedule),
    history,
    seen: (before?.seen ?? 0) + 1,
    right: (before?.right ?? 0) + (answer.correct ? 1 : 0),
    ...(answer.fact === undefined ? {} : { fact: answer.fact }),
    ...(answer.source === undefined ? (before?.src === undefined ? {} : { src: before.src }) : { src: answer.source }),
    ...(answer.confidence === undefined ? (before?.cal === undefined ? {} : { cal: before.cal }) : { cal: addToCalibration(before?.cal, answer.confidence, answer.correct) }),
  };
  // One fact is one review: its other questions that fall due before this one move to the same day.
  const due = items[answer.questionId]!.due;
  if (answer.fact !== undefined) {
    for (const id of Object.keys(items)) {
      const other = items[id]!;
      if (id !== answer.questionId && other.fact === answer.fact && other.due < due) items[id] = { ...other, due };
    }
  }
  return { ...progress, items, days: noteActivity(progress.days, answer.at) };
}

/**
 * The answer just saved, said again with another confidence: the question's
 * record as if it had been given so from `before` (its record before the
 * answer), and the day's activity not counted twice. The quiz saves each
 * answer as soon as it is given ("think so"), then asks how sure.
 */
export function reviseAnswer(progress: Progress, before: ItemProgress | undefined, answer: Answer, schedule: Scheduler): Progress {
  const items = dict(Object.entries(progress.items));
  if (before) items[answer.questionId] = before;
  else delete items[answer.questionId];
  return { ...recordAnswer({ ...progress, items }, answer, schedule), days: progress.days };
}

export function resetProgress(): Progress {
  return emptyProgress();
}

export const PASS_MARK = 0.8;

/** Passed: a quiz scored the pass mark, or a placement test showed the lesson known (tested out). */
export function isPassed(progress: Progress, lessonId: string): boolean {
  const lesson = progress.lessons[lessonId];
  return lesson?.testedOutAt !== undefined || (lesson?.bestScore ?? 0) >= PASS_MARK;
}

/** Facts with a question due: what a review asks (one question a fact). */
export function dueFacts(progress: Progress, now: Date, known?: ReadonlySet<string>): number {
  const facts = new Set<string>();
  for (const [id, item] of dueItems(progress, now)) if (!known || known.has(item.lesson)) facts.add(item.fact ?? id);
  return facts.size;
}

export function dueItems(progress: Progress, now: Date, lessonId?: string): Array<[string, ItemProgress]> {
  const t = now.getTime() / 1000;
  return Object.entries(progress.items).filter(([, item]) => item.due <= t && (lessonId === undefined || item.lesson === lessonId));
}

/** How long a question may wait past its review before its lesson counts as slipping. */
export const FORGETTING_DAYS = 7;

/**
 * What mastered means, for every lesson at once: passed, and not forgotten:
 * the latest answer to each of its questions was right, and none has waited
 * more than a week past its review. A review falling due does not undo it,
 * so mastery never flips within minutes or hours of a quiz. Built once for a
 * progress and a moment.
 */
export function masteryOf(progress: Progress, now: Date): (lessonId: string) => boolean {
  const slipping = new Set<string>();
  const overdue = now.getTime() / 1000 - FORGETTING_DAYS * 86_400;
  // A leech answered since through another question on its fact (core/leech.ts) is known that way.
  const knownAt = new Map<string, number>();
  for (const item of Object.values(progress.items)) {
    if (item.fact !== undefined && item.history.at(-1)?.[1] === 1) knownAt.set(item.fact, Math.max(item.last, knownAt.get(item.fact) ?? 0));
  }
  for (const item of Object.values(progress.items)) {
    if (isLeech(item) && item.fact !== undefined && (knownAt.get(item.fact) ?? -1) > item.last) continue;
    if (item.history.at(-1)?.[1] === 0 || item.due < overdue) slipping.add(item.lesson);
  }
  return (lessonId) => isPassed(progress, lessonId) && !slipping.has(lessonId);
}
