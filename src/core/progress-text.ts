// A progress file's text, read and written: JSON in the one layout, checked by
// its validator; the packed layout of an earlier pm-guide (format 2) read too;
// and what is wrong with a text that is not progress, in words a learner can act on.
import { FORMAT_2, fromFormat2 } from './progress-format2.js';
import { isRecord, readProgressData, type Progress } from './progress-schema.js';

/** Reasons a file's content is not usable progress; undefined when it is fine. */
export type ParseResult = { ok: true; progress: Progress } | { ok: false; reason: string; newer?: number };

export function parseProgressText(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, reason: 'it is empty' };
  if (text.includes('\u0000')) return { ok: false, reason: 'it holds NUL bytes (a crash while writing?)' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON (cut short, or edited by hand?)' };
  }
  if (isRecord(data) && typeof data.version === 'number' && data.version > FORMAT_2) return { ok: false, reason: 'newer', newer: data.version };
  const read = readProgressData(isRecord(data) && data.version === FORMAT_2 ? fromFormat2(data) : data);
  return read.ok ? read : { ok: false, reason: `it does not hold pm-guide progress (${read.reason})` };
}

/** The text of a progress file holding `progress`. */
export function progressFileText(progress: Progress): string {
  return `${JSON.stringify(progress)}\n`;
}

