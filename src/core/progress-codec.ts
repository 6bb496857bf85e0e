// The progress file's compact layout (format 2), and reading either format.
//
// In memory, progress keeps the readable layout of progress.ts (format 1):
// every record with named fields. On disk, where a year of study is parsed on
// every start and written after every answer, format 2 stores the same values
// in under half the bytes, with far fewer objects to parse:
//
//   {"version":2, "current":"roadmaps",
//    "lessons":{"roadmaps":{"readAt":"2026-...","reads":1}, ...},   as format 1
//    "lessonIds":["what-is-product-management","roadmaps", ...],
//    "items":{"r-desc-u39qwkrvaa":[0,0,1795924029,1.38304082,9.95251938,81,15,2,0,1795837629,"3ahz6ml,1b23p,...",81,60], ...},
//    "days":{"2026-11-29":12, ...}}                                  as format 1
//
// An item is an array, in ITEM_PROGRESS_KEYS order: its lesson (an index into
// lessonIds, so a lesson's id is written once, not once per question), its
// topic (an index into TOPICS: new topics must be added at the end), due,
// stability, difficulty, reps, lapses, state, learningSteps, last, history,
// seen, right. Numbers are written as they are: ts-fsrs rounds stability and
// difficulty to 8 decimals itself, and scheduling from fewer would differ.
//
// A history is packed into one short string (src/core/packed-history.ts),
// unpacked only when something looks at it.
//
// As for format 1, zod is the validator at the boundary (progress-codec-schema.ts,
// built on first use), and a zod-free reader (decodeCompact) takes what it
// accepts for certain; a property test holds the two equal.
import type { z } from 'zod';
import { compactProgressSchema } from './progress-codec-schema.js';
import {
  ITEM_PROGRESS_KEYS,
  PROGRESS_VERSION,
  TOPICS,
  dict,
  isRecord,
  progressSchema,
  readHistory,
  readProgressRecord,
  type Dict,
  type ItemProgress,
  type LessonProgress,
  type Progress,
} from './progress-schema.js';
import { isPackedHistory, lazilyUnpacked, packHistory } from './packed-history.js';

export const COMPACT_VERSION = PROGRESS_VERSION;

type History = ItemProgress['history'];
/** An item as format 2 stores it. */
export type CompactItem = [
  lesson: number,
  topic: number,
  due: number,
  stability: number,
  difficulty: number,
  reps: number,
  lapses: number,
  state: number,
  learningSteps: number,
  last: number,
  history: string | History,
  seen: number,
  right: number,
];
export interface CompactProgress {
  version: typeof COMPACT_VERSION;
  current?: string;
  lessons: Dict<LessonProgress>;
  lessonIds: string[];
  items: Dict<CompactItem>;
  days: Dict<number>;
}

/**
 * The packed history of each item read from a file, so that saving the item
 * again reuses it instead of unpacking and packing it. Keyed by the item
 * itself, which is never changed in place (a changed item is a new object).
 */
const packedOf = new WeakMap<ItemProgress, string>();

function compactItem(item: ItemProgress, lesson: number): CompactItem {
  return [
    lesson,
    TOPICS.indexOf(item.topic),
    item.due,
    item.stability,
    item.difficulty,
    item.reps,
    item.lapses,
    item.state,
    item.learningSteps,
    item.last,
    packedOf.get(item) ?? packHistory(item.history),
    item.seen,
    item.right,
  ];
}

/** Lesson ids numbered in order of first use: an item names its lesson by its number. */
class LessonNumbers {
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();

  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, n);
    }
    return n;
  }
}

/** Progress in format 2, ready for JSON.stringify. */
export function encodeProgress(progress: Progress): CompactProgress {
  const lessons = new LessonNumbers();
  const items = dict<CompactItem>();
  const source = progress.items;
  for (const id of Object.keys(source)) {
    const item = source[id]!;
    const lesson = lessons.of(item.lesson);
    items[id] = compactItem(item, lesson);
  }
  const out = { version: COMPACT_VERSION } as CompactProgress;
  if (progress.current !== undefined) out.current = progress.current;
  out.lessons = progress.lessons;
  out.lessonIds = lessons.ids;
  out.items = items;
  out.days = progress.days;
  return out;
}

/** An item's text in the file ("id":[...]), with the id and lesson index it was made for. */
const textOf = new WeakMap<ItemProgress, { id: string; lesson: number; text: string }>();

/**
 * The text of a progress file holding `progress`: JSON.stringify(encodeProgress(progress)),
 * put together by hand so that an item saved before by this process reuses its
 * text. A quiz saves after every answer, and only the item answered changes.
 */
export function progressFileText(progress: Progress): string {
  const lessons = new LessonNumbers();
  const items: string[] = [];
  const source = progress.items;
  for (const id of Object.keys(source)) {
    const item = source[id]!;
    const lesson = lessons.of(item.lesson);
    const known = textOf.get(item);
    if (known !== undefined && known.id === id && known.lesson === lesson) {
      items.push(known.text);
      continue;
    }
    const text = `${JSON.stringify(id)}:${JSON.stringify(compactItem(item, lesson))}`;
    textOf.set(item, { id, lesson, text });
    items.push(text);
  }
  const current = progress.current === undefined ? '' : `,"current":${JSON.stringify(progress.current)}`;
  return `{"version":${COMPACT_VERSION}${current},"lessons":${JSON.stringify(progress.lessons)},"lessonIds":${JSON.stringify(lessons.ids)},"items":{${items.join(',')}},"days":${JSON.stringify(progress.days)}}\n`;
}

const ITEM_LENGTH = ITEM_PROGRESS_KEYS.length;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The items of a format 2 file, or undefined if any is not one. One loop with
 * the checks written out (isCount(v) is Number.isSafeInteger(v) && v >= 0):
 * it runs once per question on every start, before V8 has optimised anything,
 * and function calls in it took as long as all the rest.
 */
function decodeItems(v: unknown, lessonIds: readonly unknown[]): Dict<ItemProgress> | undefined {
  if (!isRecord(v)) return undefined;
  const out = dict<ItemProgress>();
  const lessonCount = lessonIds.length;
  for (const id of Object.keys(v)) {
    const a = v[id];
    if (!Array.isArray(a) || a.length !== ITEM_LENGTH) return undefined;
    const lessonAt: unknown = a[0];
    const topicAt: unknown = a[1];
    const due: unknown = a[2];
    const stability: unknown = a[3];
    const difficulty: unknown = a[4];
    const reps: unknown = a[5];
    const lapses: unknown = a[6];
    const state: unknown = a[7];
    const learningSteps: unknown = a[8];
    const last: unknown = a[9];
    const packed: unknown = a[10];
    const seen: unknown = a[11];
    const right: unknown = a[12];
    if (
      !(typeof lessonAt === 'number' && lessonAt >= 0 && lessonAt < lessonCount && lessonAt % 1 === 0) ||
      !(typeof topicAt === 'number' && topicAt >= 0 && topicAt < TOPICS.length && topicAt % 1 === 0) ||
      // x - x === 0: a finite number (NaN and infinities give NaN).
      !(typeof due === 'number' && due - due === 0) ||
      !(typeof stability === 'number' && stability >= 0 && stability - stability === 0) ||
      !(typeof difficulty === 'number' && difficulty - difficulty === 0) ||
      !(typeof reps === 'number' && reps >= 0 && reps <= MAX_SAFE && reps % 1 === 0) ||
      !(typeof lapses === 'number' && lapses >= 0 && lapses <= MAX_SAFE && lapses % 1 === 0) ||
      !(state === 0 || state === 1 || state === 2 || state === 3) ||
      !(typeof learningSteps === 'number' && learningSteps >= 0 && learningSteps <= MAX_SAFE && learningSteps % 1 === 0) ||
      !(typeof last === 'number' && last - last === 0) ||
      !(typeof seen === 'number' && seen >= 0 && seen <= MAX_SAFE && seen % 1 === 0) ||
      !(typeof right === 'number' && right >= 0 && right <= MAX_SAFE && right % 1 === 0)
    ) {
      return undefined;
    }
    const lesson = lessonIds[lessonAt] as string;
    const topic = TOPICS[topicAt]!;
    if (typeof packed !== 'string') {
      const history = readHistory(packed);
      if (!history) return undefined;
      out[id] = { lesson, topic, due, stability, difficulty, reps, lapses, state, learningSteps, last, history, seen, right };
      continue;
    }
    if (!isPackedHistory(packed)) return undefined;
    const item: ItemProgress = { lesson, topic, due, stability, difficulty, reps, lapses, state, learningSteps, last, history: lazilyUnpacked(packed), seen, right };
    packedOf.set(item, packed);
    out[id] = item;
  }
  return out;
}

/**
 * Reads parsed JSON in format 2 without zod: the same result the schema gives
 * for data it accepts, or undefined for anything it is not sure of, which the
 * schema then judges (a property test holds the two equal).
 */
export function decodeCompact(data: unknown): Progress | undefined {
  return readProgressRecord(data, COMPACT_VERSION, (d) => {
    const lessonIds = d.lessonIds;
    return Array.isArray(lessonIds) && lessonIds.every((id) => typeof id === 'string') ? decodeItems(d.items, lessonIds) : undefined;
  });
}

/**
 * Parsed JSON of either format, as progress: format 2 (the progress file) or
 * format 1 (older progress files, and exports). Fast readers first; zod for the
 * rest, and for what is wrong.
 */
export function parseProgressData(data: unknown): z.ZodSafeParseResult<Progress> {
  if (isRecord(data) && data.version === COMPACT_VERSION) {
    const fast = decodeCompact(data);
    return fast ? { success: true, data: fast } : compactProgressSchema().safeParse(data);
  }
  return progressSchema.safeParse(data);
}
