// How sure the learner was of each answer, and what it means. After choosing
// an answer, one key says sure, think so (the default) or guess. The schedule
// uses it: a right guess is not knowledge, so it is scheduled as hard; a
// confident miss is a misconception, the most important thing to review, so
// its memory is taken as weaker than a plain miss (lower stability, so it
// comes back sooner after it is relearnt). Each question keeps how often it
// was answered at each level and how often right, for calibration: "when you
// were sure you were right 92% of the time; when you guessed, 41%".
import type { Grade } from './progress.js';

export const CONFIDENCES = ['sure', 'think', 'guess'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What Enter says at "How sure?", and what an answer counts as until the learner says. */
export const DEFAULT_CONFIDENCE: Confidence = 'think';

export const CONFIDENCE_LABEL: Record<Confidence, string> = { sure: 'sure', think: 'think so', guess: 'guess' };

/** Per question: [answers when sure, right when sure, think so..., guess...]. */
export type Calibration = [number, number, number, number, number, number];

export const emptyCalibration = (): Calibration => [0, 0, 0, 0, 0, 0];

export function addToCalibration(before: Calibration | undefined, confidence: Confidence, correct: boolean): Calibration {
  const i = CONFIDENCES.indexOf(confidence) * 2;
  return (before ?? emptyCalibration()).map((n, j) => n + (j === i || (j === i + 1 && correct) ? 1 : 0)) as Calibration;
}

/** The grade an answer earns: a right answer after a hint, or a right guess, is hard. */
export function gradeFor(correct: boolean, hinted: boolean, confidence: Confidence | undefined): Grade {
  if (!correct) return 'again';
  return hinted || confidence === 'guess' ? 'hard' : 'good';
}

/** A confident miss leaves a weaker memory than a plain one: the stability FSRS gives it, scaled. */
export const CONFIDENT_MISS_STABILITY = 0.5;

export interface Level {
  answers: number;
  right: number;
  accuracy: number | null;
}

export type LevelStats = Record<Confidence, Level>;

/** Sums calibrations into accuracy per level. */
export function levels(calibrations: ReadonlyArray<Calibration | undefined>): LevelStats {
  const sum = emptyCalibration();
  for (const c of calibrations) if (c) c.forEach((n, i) => (sum[i] = sum[i]! + n));
  const level = (i: number): Level => ({ answers: sum[i * 2]!, right: sum[i * 2 + 1]!, accuracy: sum[i * 2] ? sum[i * 2 + 1]! / sum[i * 2]! : null });
  return { sure: level(0), think: level(1), guess: level(2) };
}

/** Confidently wrong: sure at least this often, and right less than this share of those times. */
export const CONFIDENTLY_WRONG = { minAnswers: 3, maxAccuracy: 0.7 };

export function confidentlyWrong(l: LevelStats): boolean {
  return l.sure.answers >= CONFIDENTLY_WRONG.minAnswers && (l.sure.accuracy ?? 1) < CONFIDENTLY_WRONG.maxAccuracy;
}

/** Merging two records of one question: the larger count of each (never an answer counted twice). */
export function mergeCalibration(a: Calibration | undefined, b: Calibration | undefined): Calibration | undefined {
  if (!a || !b) return a ?? b;
  return a.map((n, i) => Math.max(n, b[i]!)) as Calibration;
}
