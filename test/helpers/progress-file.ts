// Reading a progress file as pm-guide does, whatever its format, so that tests
// can look at what was saved (an item's fields, its history) by name.
import { readFileSync } from 'node:fs';
import type { Progress } from '../../src/core/progress.js';
import { parseProgressText } from '../../src/io/progress-store.js';

/** The progress saved in `file`, in the readable layout; throws if pm-guide could not use it. */
export function savedProgress(file: string): Progress {
  const result = parseProgressText(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return result.progress;
}
