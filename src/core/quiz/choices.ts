// How a question's choices are made: wrong choices drawn from siblings of the
// same kind, nearest first, never equal to a right answer; choices in an order
// fixed by the question's id; ids stable across unrelated edits.
import { seededRandom, seedFromText, shuffle } from '../random.js';
import { normaliseAnswer, stableHash } from '../text.js';

export const MAX_CHOICES = 4;

// Choices are compared in normal form many times over (every item against its
// siblings and the course): each text is normalised once.
const normalised = new Map<string, string>();
export function norm(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) {
    if (normalised.size > 50_000) normalised.clear();
    n = normaliseAnswer(text);
    normalised.set(text, n);
  }
  return n;
}
export const quote = (s: string): string => `“${s}”`;
/**
 * Picks up to n distinct distractors, none equal to a right answer. Candidates come
 * in tiers, nearest first (same area and kind, then the lesson, then the course):
 * a farther tier is only used when the nearer ones run short, so wrong choices stay
 * of the same kind as the answer and never arguably right.
 */
export function distractors(right: readonly string[], tiers: ReadonlyArray<readonly string[]>, n: number, seed: string, enough = Math.min(n, 2)): string[] {
  const taken = new Set(right.map(norm));
  const random = seededRandom(seedFromText(seed));
  const out: string[] = [];
  for (const [index, tier] of tiers.entries()) {
    // Farther tiers only make up a shortfall: three close choices beat four loose ones.
    if (out.length >= n || (index > 0 && out.length >= enough)) break;
    const fresh: string[] = [];
    for (const c of tier) {
      const k = norm(c);
      if (k === '' || taken.has(k)) continue;
      taken.add(k);
      fresh.push(c);
    }
    out.push(...shuffle(fresh, random).slice(0, n - out.length));
  }
  return out;
}

/**
 * At most `limit` entries of a course-wide list, spread evenly over it, in
 * order. The course pool only makes up a lesson's shortfall of wrong choices;
 * drawing them from a bounded, fixed sample keeps each question's cost the same
 * whatever the size of the course (a pool of every item of 10,000 lessons made
 * generation grow with the square of the course). Lists within the limit (any
 * course of a few hundred lessons) are kept whole, so their choices are as before.
 */
export function spreadSample<T>(list: readonly T[], limit: number): T[] {
  if (list.length <= limit) return [...list];
  const out: T[] = [];
  for (let i = 0; i < limit; i++) out.push(list[Math.floor((i * list.length) / limit)]!);
  return out;
}

export function makeChoices(id: string, right: readonly string[], wrong: readonly string[]): string[] {
  return shuffle([...right, ...wrong], seededRandom(seedFromText(id)));
}

/** A question id from its kind and what it asks about, so that editing an unrelated line keeps its history. */
export function qid(prefix: string, lessonId: string, key: string): string {
  return `${prefix}-${stableHash(`${lessonId}|${prefix}|${key.toLowerCase()}`)}`;
}
