// Chooses what a quiz asks, by one set of rules for a lesson's quiz and for a
// review: at most one question per fact; no two questions with the same
// answer (the feedback on one would give the other away); at most one
// brand-to-kind question unless the learner asked for tools; what is due or
// was missed first, then what is new, mixed across topics; a leech last
// (core/leech.ts), so that another question on its fact is asked instead. Each question's
// choices are shuffled on every attempt, from the quiz's seed.
import { everLeech } from '../leech.js';
import type { Progress, Topic } from '../progress.js';
import { shuffle, type Random } from '../random.js';
import { normaliseAnswer } from '../text.js';
import { isBrandQuestion } from './classify.js';
import type { Question } from './types.js';

export interface SelectOptions {
  topics: readonly Topic[];
  count: number;
  random: Random;
  progress: Progress;
  now: Date;
}

export const DEFAULT_COUNT = 10;

/** The answers a question keys, for telling questions with the same answer apart. */
function answerKeys(q: Question): string[] {
  if (q.kind === 'boolean') return [];
  return (Array.isArray(q.answer) ? q.answer : [q.answer]).map(normaliseAnswer);
}

/** Takes questions in order, skipping any that repeats a fact or an answer, or a second brand question. */
function distinct(ranked: readonly Question[], count: number, brandCap: number): Question[] {
  const facts = new Set<string>();
  const answers = new Set<string>();
  let brands = 0;
  const out: Question[] = [];
  for (const q of ranked) {
    if (out.length >= count) break;
    const keys = answerKeys(q);
    if (facts.has(q.fact) || keys.some((k) => answers.has(k))) continue;
    if (isBrandQuestion(q) && brands >= brandCap) continue;
    facts.add(q.fact);
    keys.forEach((k) => answers.add(k));
    if (isBrandQuestion(q)) brands++;
    out.push(q);
  }
  return out;
}

/** The same question with its choices in a new order (true/false stays true, then false). */
function withShuffledChoices(q: Question, random: Random): Question {
  return q.kind === 'single' || q.kind === 'multiple' ? { ...q, choices: shuffle(q.choices, random) } : q;
}

const brandCap = (topics: readonly Topic[]): number => (topics.includes('tools') ? Infinity : 1);

export function selectQuestions(questions: readonly Question[], options: SelectOptions): Question[] {
  const wanted = options.topics.length > 0 ? questions.filter((q) => options.topics.includes(q.topic)) : [...questions];
  const t = options.now.getTime() / 1000;
  const rank = (q: Question): number => {
    const item = options.progress.items[q.id];
    if (!item) return 1; // Not seen yet.
    if (everLeech(item)) return 3; // A leech, or one that was: another question on its fact goes first.
    if (item.due <= t) return item.history.at(-1)?.[1] === 0 ? -1 : 0; // Missed last time, or due.
    return 2; // Known and not due.
  };
  const ranked = shuffle(wanted, options.random).sort((a, b) => rank(a) - rank(b));
  const chosen = distinct(ranked, options.count, brandCap(options.topics));
  return shuffle(chosen, options.random).map((q) => withShuffledChoices(q, options.random));
}

/**
 * Questions due for review, most overdue first, by the same rules as a quiz.
 * Among those due since the same day, the weakest memory (lowest stability)
 * goes first: a confident miss, whose stability is taken lower than a plain
 * miss's (core/confidence.ts), is reviewed before the other misses of its day.
 */
export function selectReview(questions: readonly Question[], options: SelectOptions): Question[] {
  const t = options.now.getTime() / 1000;
  const due = questions.filter((q) => {
    const item = options.progress.items[q.id];
    return item !== undefined && item.due <= t && (options.topics.length === 0 || options.topics.includes(q.topic));
  });
  const item = (q: Question) => options.progress.items[q.id]!;
  due.sort((a, b) => item(a).due - item(b).due || item(a).stability - item(b).stability);
  return distinct(due, options.count, brandCap(options.topics)).map((q) => withShuffledChoices(q, options.random));
}
