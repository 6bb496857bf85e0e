// Merging two progress records, for `pm-guide import`: a learner who studied on
// two machines keeps everything from both. Pure and idempotent: importing the
// same file twice changes nothing the second time.
//
// The rules, per part of the record:
// - lessons: the earliest readAt, the most reads, the best bestScore; lastScore
//   and quizzedAt from the side that quizzed last; the hash of the text as read
//   from the receiving side when it has one; the earliest testedOutAt (a lesson
//   tested out on either side stays tested out: undo it after importing).
// - items (one per question):
//   - history: the union of both histories (an answer is a [second, right]
//     pair; one present in both is the same answer, counted once), oldest
//     first, the newest HISTORY_LIMIT kept;
//   - seen/right: the counts of the side that has seen the question more,
//     plus the answers in the other side's history that are not in its own.
//     When that side's history is already cut short, only the other side's
//     answers newer than its oldest kept answer are added, since older ones may
//     be counted already. The counts may miss answers that both sides have
//     dropped from their bounded histories; they never count one twice.
//   - how sure the learner was (cal): the larger count of each level, so an
//     answer is never counted twice;
//   - the schedule (due, stability, difficulty, reps, lapses, state, steps,
//     last) and lesson/topic from the side reviewed last (`last`), so the
//     question comes due as the most recent review decided.
// - days: the larger count of each day; the last 366 days kept.
// - current (the lesson you are on): the receiving side's, if it has one.
// - placementDeclinedAt: the receiving side's, else the imported one's.
import { mergeCalibration } from './confidence.js';
import { HISTORY_LIMIT, dict, type Dict, type ItemProgress, type LessonProgress, type Progress } from './progress.js';

export interface MergeSummary {
  /** Lessons the incoming record adds or changes. */
  lessonsChanged: number;
  /** Questions that were not in the receiving record at all. */
  questionsAdded: number;
  /** Answers added to the receiving record's counts. */
  answersAdded: number;
  /** Days of activity added or raised. */
  daysChanged: number;
}

type Entry = [number, 0 | 1];

const key = ([t, r]: Entry): string => `${t}:${r}`;

/** Entries of `other` that `base` lacks, as a multiset difference. */
function missingFrom(base: readonly Entry[], other: readonly Entry[]): Entry[] {
  const counts = new Map<string, number>();
  for (const e of base) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  const out: Entry[] = [];
  for (const e of other) {
    const n = counts.get(key(e)) ?? 0;
    if (n > 0) counts.set(key(e), n - 1);
    else out.push(e);
  }
  return out;
}

export function mergeItem(mine: ItemProgress, theirs: ItemProgress): ItemProgress {
  // The side that has seen it more carries the counts; ties go to mine.
  const [base, other] = theirs.seen > mine.seen ? [theirs, mine] : [mine, theirs];
  const truncated = base.history.length < base.seen;
  const oldestKept = base.history[0]?.[0] ?? -Infinity;
  const extra = missingFrom(base.history, other.history).filter(([t]) => !truncated || t > oldestKept);
  const history = [...base.history, ...extra].sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(-HISTORY_LIMIT);
  const scheduled = theirs.last > mine.last ? theirs : mine;
  const cal = mergeCalibration(mine.cal, theirs.cal);
  return {
    ...scheduled,
    history,
    seen: base.seen + extra.length,
    right: base.right + extra.filter(([, r]) => r === 1).length,
    ...(cal === undefined ? {} : { cal }),
  };
}

const earliest = (a?: string, b?: string): string | undefined =>
  a === undefined ? b : b === undefined ? a : Date.parse(b) < Date.parse(a) ? b : a;

const maxOf = (a?: number, b?: number): number | undefined => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

export function mergeLesson(mine: LessonProgress, theirs: LessonProgress): LessonProgress {
  const lastQuizzed =
    theirs.quizzedAt !== undefined && (mine.quizzedAt === undefined || Date.parse(theirs.quizzedAt) > Date.parse(mine.quizzedAt)) ? theirs : mine;
  const out: LessonProgress = {};
  const readAt = earliest(mine.readAt, theirs.readAt);
  const reads = maxOf(mine.reads, theirs.reads);
  const bestScore = maxOf(mine.bestScore, theirs.bestScore);
  if (readAt !== undefined) out.readAt = readAt;
  if (reads !== undefined) out.reads = reads;
  if (bestScore !== undefined) out.bestScore = bestScore;
  if (lastQuizzed.lastScore !== undefined) out.lastScore = lastQuizzed.lastScore;
  if (lastQuizzed.quizzedAt !== undefined) out.quizzedAt = lastQuizzed.quizzedAt;
  // The text as read: the receiving side's, else the imported one's. Either way a lesson changed since shows as changed.
  const hash = mine.hash ?? theirs.hash;
  if (hash !== undefined) out.hash = hash;
  const testedOutAt = earliest(mine.testedOutAt, theirs.testedOutAt);
  if (testedOutAt !== undefined) out.testedOutAt = testedOutAt;
  return out;
}

function mergeDicts<T>(mine: Dict<T>, theirs: Dict<T>, both: (a: T, b: T) => T): Dict<T> {
  const out = dict(Object.entries(mine));
  for (const [id, value] of Object.entries(theirs)) {
    const existing = out[id];
    out[id] = existing === undefined ? value : both(existing, value);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Merges `theirs` (an imported record) into `mine`. */
export function mergeProgress(mine: Progress, theirs: Progress): { progress: Progress; summary: MergeSummary } {
  const lessons = mergeDicts(mine.lessons, theirs.lessons, mergeLesson);
  const items = mergeDicts(mine.items, theirs.items, mergeItem);
  let days = mergeDicts(mine.days, theirs.days, Math.max);
  const dayKeys = Object.keys(days).sort();
  if (dayKeys.length > 366) days = dict(dayKeys.slice(-366).map((k) => [k, days[k]!] as const));

  const summary: MergeSummary = {
    lessonsChanged: Object.keys(lessons).filter((id) => !same(lessons[id], mine.lessons[id])).length,
    questionsAdded: Object.keys(items).filter((id) => mine.items[id] === undefined).length,
    answersAdded: Object.keys(items).reduce((n, id) => n + items[id]!.seen - (mine.items[id]?.seen ?? 0), 0),
    daysChanged: Object.keys(days).filter((d) => days[d] !== mine.days[d]).length,
  };
  const progress: Progress = { ...mine, lessons, items, days };
  const current = mine.current ?? theirs.current;
  if (current !== undefined) progress.current = current;
  const declined = mine.placementDeclinedAt ?? theirs.placementDeclinedAt;
  if (declined !== undefined) progress.placementDeclinedAt = declined;
  return { progress, summary };
}
