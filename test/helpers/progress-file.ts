// Reading a progress file as pm-guide does, whatever its format, so that tests
// can look at what was saved (an item's fields, its history) by name.
import { readFileSync } from 'node:fs';
import type { Progress } from '../../src/core/progress.js';
import { parseProgressText } from '../../src/core/progress-text.js';

/** The progress saved in `file`, in the readable layout; throws if pm-guide could not use it. */
export function savedProgress(file: string): Progress {
  const result = parseProgressText(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return result.progress;
}

/**
 * A valid progress file of `items` questions, each with a full history of
 * twelve answers (about 350 bytes a question): big enough that a save takes a
 * while. `id` names each question and `lesson` its lesson.
 */
export function progressWithAnswers(items: number, id: (i: number) => string, lesson: (i: number) => string): string {
  const entries: Record<string, unknown> = {};
  for (let i = 0; i < items; i++) {
    entries[id(i)] = {
      lesson: lesson(i),
      topic: 'responsibilities',
      due: 1_900_000_000,
      stability: 3.1,
      difficulty: 5.2,
      reps: 2,
      lapses: 0,
      state: 2,
      learningSteps: 0,
      last: 1_700_000_000,
      history: Array.from({ length: 12 }, (_, k) => [1_700_000_000 + k, k % 2]),
      seen: 12,
      right: 6,
    };
  }
  return `${JSON.stringify({ version: 1, lessons: {}, items: entries, days: {} })}\n`;
}
