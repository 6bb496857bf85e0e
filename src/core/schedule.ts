// Spaced repetition with FSRS (ts-fsrs): a missed question comes back within
// minutes, a known one after days, then weeks.
import { Rating, createEmptyCard, fsrs, type Card } from 'ts-fsrs';
import type { ItemProgress, Schedule, Scheduler } from './progress.js';

const engine = fsrs({ enable_fuzz: false, request_retention: 0.9 });

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

export const fsrsScheduler: Scheduler = (previous, correct, at): Schedule => {
  const card = previous ? toCard(previous, at) : createEmptyCard(at);
  const { card: next } = engine.next(card, at, correct ? Rating.Good : Rating.Again);
  return {
    due: Math.floor(next.due.getTime() / 1000),
    stability: next.stability,
    difficulty: next.difficulty,
    reps: next.reps,
    lapses: next.lapses,
    state: next.state,
    learningSteps: next.learning_steps,
    last: Math.floor(at.getTime() / 1000),
  };
};
