// Chooses what a quiz asks: at most one question per fact, the ones you missed
// or have due first, then ones you have not seen, mixed across topics.
import type { Progress, Topic } from '../progress.js';
import { shuffle, type Random } from '../random.js';
import type { Question } from './types.js';

export interface SelectOptions {
  topics: readonly Topic[];
  count: number;
  random: Random;
  progress: Progress;
  now: Date;
}

export const DEFAULT_COUNT = 10;

export function selectQuestions(questions: readonly Question[], options: SelectOptions): Question[] {
  const wanted = options.topics.length > 0 ? questions.filter((q) => options.topics.includes(q.topic)) : [...questions];
  const t = options.now.getTime() / 1000;
  const rank = (q: Question): number => {
    const item = options.progress.items[q.id];
    if (!item) return 1; // Not seen yet.
    if (item.due <= t) return item.history.at(-1)?.[1] === 0 ? -1 : 0; // Missed last time, or due.
    return 2; // Known and not due.
  };
  const byFact = new Map<string, Question[]>();
  for (const q of shuffle(wanted, options.random)) byFact.set(q.fact, [...(byFact.get(q.fact) ?? []), q]);
  // One question per fact: the most urgent of its variants, kinds mixed by the shuffle above.
  const picked = [...byFact.values()].map((variants) => variants.reduce((best, q) => (rank(q) < rank(best) ? q : best)));
  picked.sort((a, b) => rank(a) - rank(b));
  const chosen = picked.slice(0, options.count);
  return shuffle(chosen, options.random);
}

/** Questions due for review, most overdue first. */
export function dueQuestions(questions: readonly Question[], progress: Progress, now: Date): Question[] {
  const t = now.getTime() / 1000;
  return questions
    .filter((q) => {
      const item = progress.items[q.id];
      return item !== undefined && item.due <= t;
    })
    .sort((a, b) => progress.items[a.id]!.due - progress.items[b.id]!.due);
}
