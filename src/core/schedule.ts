// Spaced repetition with FSRS (ts-fsrs), in whole days: a right answer comes
// back no sooner than tomorrow, then after days, weeks and months; a missed one
// comes back tomorrow (the quiz itself asks it again at its end). A right
// answer after a hint counts as hard. Every due time is the start of a local
// day, so that what is due "tomorrow" is there when the learner sits down.
import { Rating, createEmptyCard, fsrs, type Card } from 'ts-fsrs';
import type { ItemProgress, Schedule, Scheduler } from './progress.js';

const engine = fsrs({ enable_fuzz: false, request_retention: 0.9, enable_short_term: false });

function toCard(item: ItemProgress, at: Date): Card {
  return {
    due: new Date(item.due * 1000),
    stability: item.stability,
    difficulty: item.difficulty,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: item.learningSteps,
    reps: item.reps,
    lapses: item.lapses,
    state: item.state,
    last_review: new Date(Math.min(item.last * 1000, at.getTime())),
  };
}

/** Midnight at the start of the local day `days` after the day of `at`. */
export function startOfDay(at: Date, days = 0): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + days);
}

const RATING = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good } as const;

export const fsrsScheduler: Scheduler = (previous, grade, at): Schedule => {
  const card = previous ? toCard(previous, at) : createEmptyCard(at);
  const { card: next } = engine.next(card, at, RATING[grade]);
  const due = grade === 'again' ? startOfDay(at, 1) : new Date(Math.max(startOfDay(next.due).getTime(), startOfDay(at, 1).getTime()));
  return {
    due: Math.floor(due.getTime() / 1000),
    stability: next.stability,
    difficulty: next.difficulty,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    learningSteps: next.learning_steps,
    last: Math.floor(at.getTime() / 1000),
  };
};
