// The quiz-block cache: the questions an author wrote in a lesson's ```quiz
// block, or the problem with the block, kept under the block's text, so that
// asking for a lesson's questions again loads neither the YAML parser nor zod.
// (Whether a lesson has questions at all is kept in the course index: see
// LessonFacts in cache-index.ts.)
import { dirname, join } from 'node:path';
import { InvalidLessonError } from '../core/errors.js';
import { TOPICS } from '../core/progress-schema.js';
import type { Question } from '../core/quiz/types.js';
import { neutraliseTerminal } from '../core/text.js';
import { buildId, hashKey, pruneCache, readCache, writeCache } from './cache.js';

export type QuizBlockParser = (yaml: string, line: number, file: string, lessonId: string) => Question[];

type Outcome = { questions: Question[] } | { error: { line: number; problem: string } };

/**
 * `parse`, answered from the cache folder when it has seen the same block (the
 * same YAML at the same line of the same file, for the same lesson id) under
 * this build. An entry holds its input in full and is used only when that is
 * equal and its content has the expected shape; anything else is a miss.
 */
export function cachedQuizBlockParser(cacheDir: string, parse: QuizBlockParser): QuizBlockParser {
  return (yaml, line, file, lessonId) => {
    const input = [file, line, lessonId, yaml].join('\u0001');
    const key = hashKey(`${buildId()}\u0001${input}`);
    const path = join(cacheDir, 'quiz', key);
    const kept = readEntry(path, key, input);
    if (kept) return answer(kept, file);
    let outcome: Outcome;
    try {
      outcome = { questions: parse(yaml, line, file, lessonId) };
    } catch (error) {
      if (!(error instanceof InvalidLessonError) || error.file !== file) throw error;
      outcome = { error: { line: error.line, problem: error.problem } };
    }
    writeCache(path, `pm-guide quiz 1 ${key} ${input.length}\n${input}${JSON.stringify(outcome)}`);
    pruneCache(dirname(path));
    return answer(outcome, file);
  };
}

function answer(outcome: Outcome, file: string): Question[] {
  if ('error' in outcome) throw new InvalidLessonError(file, outcome.error.line, outcome.error.problem);
  return outcome.questions;
}

function readEntry(path: string, key: string, input: string): Outcome | undefined {
  const text = readCache(path);
  if (text === undefined) return undefined;
  const newline = text.indexOf('\n');
  const header = /^pm-guide quiz 1 (\S+) (\d+)$/.exec(text.slice(0, Math.max(newline, 0)));
  if (!header || header[1] !== key || Number(header[2]) !== input.length) return undefined;
  const at = newline + 1 + input.length;
  if (text.slice(newline + 1, at) !== input) return undefined;
  try {
    const outcome: unknown = JSON.parse(text.slice(at));
    return isOutcome(outcome) ? outcome : undefined;
  } catch {
    return undefined;
  }
}

// Text as a lesson gives it: quiz text is cleaned of terminal controls when parsed, so an entry
// holding one was changed behind pm-guide, and it is not used (it could drive the terminal).
const isString = (x: unknown): x is string => typeof x === 'string' && neutraliseTerminal(x) === x;
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isLine = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 1;
const KINDS: ReadonlySet<unknown> = new Set(['single', 'multiple', 'text', 'boolean']);
const TOPIC_NAMES: ReadonlySet<unknown> = new Set(TOPICS);

function isQuestion(x: unknown): x is Question {
  if (typeof x !== 'object' || x === null) return false;
  const q = x as Record<string, unknown>;
  const source = q.source as Record<string, unknown> | null | undefined;
  return (
    isString(q.id) && isString(q.lessonId) && TOPIC_NAMES.has(q.topic) && KINDS.has(q.kind) && isString(q.prompt) &&
    isStrings(q.choices) && (isString(q.answer) || isStrings(q.answer)) && isStrings(q.accept) && isString(q.explanation) &&
    typeof source === 'object' && source !== null && isLine(source.line) && isString(source.text) && isString(q.fact)
  );
}

function isOutcome(x: unknown): x is Outcome {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  if (Array.isArray(o.questions)) return o.questions.every(isQuestion);
  const e = o.error as Record<string, unknown> | null | undefined;
  return typeof e === 'object' && e !== null && isLine(e.line) && isString(e.problem);
}
