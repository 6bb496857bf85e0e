// What the quiz needs to know of a lesson again and again, kept in the cache
// folder: the questions an author wrote in a ```quiz block (or the problem
// with the block), kept under the block's text, so that asking for a lesson's
// questions again loads neither the YAML parser nor zod; and whether a lesson
// has questions of its own, kept under its file's bytes, so that `next` need
// not work out a lesson's structure and questions to know it owes a quiz.
import { dirname, join } from 'node:path';
import { InvalidLessonError } from '../core/errors.js';
import type { Lesson } from '../core/lesson.js';
import { TOPICS } from '../core/progress-schema.js';
import type { Question } from '../core/quiz/types.js';
import { neutraliseTerminal } from '../core/text.js';
import { buildId, hashKey, pruneCache, readCache, writeCache } from './cache.js';
import { isSourceOf, readSource } from './cache-render.js';

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

/**
 * `compute()` (whether the lesson yields questions on its own), answered from
 * the cache folder when this build has answered it for the same lesson file,
 * id and title: the file's bytes are kept with the answer and compared in full.
 */
export function cachedHasOwnQuestions(cacheDir: string, lesson: Lesson, compute: () => boolean): boolean {
  const source = readSource(lesson.file);
  if (source === undefined) return compute();
  const input = [lesson.file, lesson.id, lesson.title].join('\u0001');
  const key = hashKey(`${buildId()}\u0001own\u0001${input}`);
  const path = join(cacheDir, 'quiz', key);
  const text = readCache(path);
  const header = `pm-guide quiz-own 1 ${key} ${input.length} ${source.length}`;
  if (text !== undefined && text.length === header.length + 3 + input.length + source.length && text.startsWith(header)) {
    const flag = text[header.length + 1];
    if ((flag === '0' || flag === '1') && text[header.length + 2] === '\n' && text.endsWith(source) && text.slice(header.length + 3, header.length + 3 + input.length) === input) return flag === '1';
  }
  const has = compute();
  // Kept under these bytes only if they are the ones the lesson's body came from (the file may have changed since).
  if (isSourceOf(source, lesson)) {
    writeCache(path, `${header} ${has ? 1 : 0}\n${input}${source}`);
    pruneCache(dirname(path));
  }
  return has;
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
