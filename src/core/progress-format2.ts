// Format 2, the packed layout an earlier pm-guide wrote to the progress file:
// the same values as format 1, with each question's record as an array and
// its answers packed into one string. It is only read: turned into format 1's
// layout here, checked by format 1's reader, and written back as format 1 by
// the next save.
//
//   {"version":2, "lessons":{...}, "days":{...}, "current":"...",   as format 1
//    "lessonIds":["what-is-product-management", ...],
//    "items":{"r-desc-u39qwkrvaa":[lesson, topic, due, stability, difficulty,
//             reps, lapses, state, learningSteps, last, history, seen, right]}}
//
// `lesson` indexes lessonIds and `topic` indexes TOPICS. A history is either
// format 1's list of [seconds, right] pairs or a packed string: comma-separated
// base-36 numbers, one per answer, each 4 x the step in seconds from the answer
// before (from 1970 for the first) + 1 if right; a step back in time is written
// as 4 x |step| - 2 (+ 1 if right).
import { TOPICS, isRecord } from './progress-schema.js';

export const FORMAT_2 = 2;
const KEYS = ['lesson', 'topic', 'due', 'stability', 'difficulty', 'reps', 'lapses', 'state', 'learningSteps', 'last', 'history', 'seen', 'right'] as const;
const PACKED = /^(?:[0-9a-z]{1,10}(?:,[0-9a-z]{1,10}){0,999})?$/;

function unpack(packed: string): Array<[number, number]> {
  if (packed === '') return [];
  let at = 0;
  return packed.split(',').map((part) => {
    const n = parseInt(part, 36);
    const right = n % 2;
    const steps = (n - right) / 2;
    at += steps % 2 === 0 ? steps / 2 : -(steps + 1) / 2;
    return [at, right];
  });
}

/** Format 2 data as format 1 data (unchecked: format 1's reader judges it). Anything unexpected is passed on for it to name. */
export function fromFormat2(data: Record<string, unknown>): unknown {
  const { lessonIds, items, ...rest } = data;
  if (!Array.isArray(lessonIds) || !isRecord(items)) return { ...rest, version: 1, items };
  const converted: Record<string, unknown> = Object.create(null);
  for (const id of Object.keys(items)) {
    const a = items[id];
    if (!Array.isArray(a) || a.length !== KEYS.length) {
      converted[id] = a;
      continue;
    }
    const item: Record<string, unknown> = {};
    KEYS.forEach((key, i) => (item[key] = a[i]));
    item.lesson = typeof a[0] === 'number' ? lessonIds[a[0]] : undefined;
    item.topic = typeof a[1] === 'number' ? TOPICS[a[1]] : undefined;
    if (typeof a[10] === 'string') item.history = PACKED.test(a[10]) ? unpack(a[10]) : a[10];
    converted[id] = item;
  }
  return { ...rest, version: 1, items: converted };
}
