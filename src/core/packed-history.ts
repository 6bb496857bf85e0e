// A question's answers as format 2 of the progress file stores them (see
// progress-codec.ts), and the lazily unpacked history of a question read from
// the file.
//
// A history is packed into one string of comma-separated base-36 numbers, one
// per answer, oldest first: 4 x the step in seconds from the answer before (from
// 1970 for the first), + 1 if it was right. A step back in time (a clock set
// back) is written as 4 x |step| - 2 (+ 1 if right). Twelve answers take about
// 70 characters instead of 200, and decode exactly: every number has at most 10
// digits (< 2^53). A history that cannot be packed exactly (times that are not
// whole seconds, or absurdly far apart) is written as format 1's list of
// [seconds, 1 right / 0 wrong] pairs, so nothing is ever rounded away. Items
// read from a file unpack their history only when it is asked for.
import type { ItemProgress } from './progress.js';

type History = ItemProgress['history'];

/** The largest number a packed answer may hold: 10 base-36 digits, exact in a double. */
const MAX_PACKED = 36 ** 10 - 1;
/** Up to 1,000 answers (as the schema allows), each 1 to 10 base-36 digits. */
const PACKED = /^(?:[0-9a-z]{1,10}(?:,[0-9a-z]{1,10}){0,999})?$/;

/** A history as format 2 writes it: packed when that is exact, else the list of pairs. */
export function packHistory(history: History): string | History {
  let out = '';
  let previous = 0;
  for (let i = 0; i < history.length; i++) {
    const [at, right] = history[i]!;
    const step = at - previous;
    const n = (step >= 0 ? step * 4 : -step * 4 - 2) + right;
    if (!Number.isSafeInteger(at) || !(n <= MAX_PACKED)) return history.map(([t, r]) => [t, r]);
    out += i === 0 ? n.toString(36) : `,${n.toString(36)}`;
    previous = at;
  }
  return out;
}

/** Whether text is a packed history. */
export function isPackedHistory(text: string): boolean {
  return PACKED.test(text);
}

/** A packed history; undefined when the text is not one. */
export function unpackHistory(packed: string): History | undefined {
  return isPackedHistory(packed) ? unpack(packed) : undefined;
}

function unpack(packed: string): History {
  const out: History = [];
  if (packed === '') return out;
  let at = 0;
  for (const part of packed.split(',')) {
    const n = parseInt(part, 36);
    const right = (n % 2) as 0 | 1;
    const steps = (n - right) / 2;
    at += steps % 2 === 0 ? steps / 2 : -(steps + 1) / 2;
    out.push([at, right]);
  }
  return out;
}

/** Histories not unpacked yet (see lazyHistory), with their packed text. */
const pending = new WeakMap<History, string>();

function unpacked(target: History): History {
  const packed = pending.get(target);
  if (packed !== undefined) {
    pending.delete(target);
    for (const answer of unpack(packed)) target.push(answer);
  }
  return target;
}

/**
 * A history read from a file is unpacked when something first looks at it:
 * next, list and read never do, and unpacking a thousand histories took longer
 * than reading all the rest of the file. It is an ordinary array seen through
 * a Proxy whose first use of any kind (an index, length, iteration, its keys)
 * fills the array in, so Array.isArray, JSON, spreading, deep equality and
 * every array method see the answers. (An item with a getter for history did
 * the same, but building a thousand objects with a getter cost as much as the
 * unpacking.) Histories are never changed in place.
 */
const lazyHistory: ProxyHandler<History> = {
  get: (target, key) => Reflect.get(unpacked(target), key),
  has: (target, key) => Reflect.has(unpacked(target), key),
  ownKeys: (target) => Reflect.ownKeys(unpacked(target)),
  getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(unpacked(target), key),
  set: (target, key, value) => Reflect.set(unpacked(target), key, value),
  defineProperty: (target, key, descriptor) => Reflect.defineProperty(unpacked(target), key, descriptor),
  deleteProperty: (target, key) => Reflect.deleteProperty(unpacked(target), key),
};

/** The history a packed text holds (already checked with isPackedHistory), unpacked when first looked at. */
export function lazilyUnpacked(packed: string): History {
  const target: History = [];
  pending.set(target, packed);
  return new Proxy(target, lazyHistory);
}
