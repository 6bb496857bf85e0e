// Questions an author writes in a ```quiz block of YAML, for what the lesson's
// structure cannot express. Checked strictly: a bad block names its line.
import { InvalidLessonError } from '../errors.js';
import { parseYamlData } from '../front-matter.js';
import { TOPICS, type Topic } from '../progress.js';
import { neutraliseLine, normaliseAnswer, stableHash } from '../text.js';
import type { Question, QuestionKind } from './types.js';

type Kind = QuestionKind;
const KINDS: readonly Kind[] = ['single', 'multiple', 'text', 'boolean'];
const KEYS = ['question', 'type', 'choices', 'answer', 'accept', 'explanation', 'topic', 'source'];

interface Entry {
  question: string;
  type?: Kind;
  choices?: string[];
  answer: boolean | string | string[];
  accept?: string[];
  explanation?: string;
  topic?: Topic;
  source?: string;
}

/** What is wrong with one entry, as the message after "quiz question N: ". */
class BadEntry extends Error {}

const scalar = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
const clean = (v: string | number): string => neutraliseLine(String(v)).trim();

function textList(v: unknown, key: string): string[] {
  if (!Array.isArray(v) || !v.every(scalar)) throw new BadEntry(`"${key}": expected a list of text`);
  return v.map(clean);
}

function optionalText(v: unknown, key: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (!scalar(v)) throw new BadEntry(`"${key}": expected text`);
  return clean(v);
}

/** One entry of a quiz block, checked key by key. */
function readEntry(raw: unknown): Entry {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new BadEntry('each question is a set of "key: value" lines');
  const e = raw as Record<string, unknown>;
  const unknown = Object.keys(e).find((k) => !KEYS.includes(k));
  if (unknown !== undefined) throw new BadEntry(`unknown key "${unknown}" (use ${KEYS.join(', ')})`);
  if (e.question === undefined || e.question === null) throw new BadEntry('"question": is missing');
  const question = optionalText(e.question, 'question')!;
  if (question === '') throw new BadEntry('"question": must not be empty');
  if (e.type !== undefined && !KINDS.includes(e.type as Kind)) throw new BadEntry(`"type": expected one of ${KINDS.join(', ')}`);
  if (e.topic !== undefined && !TOPICS.includes(e.topic as Topic)) throw new BadEntry(`"topic": expected one of ${TOPICS.join(', ')}`);
  let answer: Entry['answer'];
  if (e.answer === undefined || e.answer === null) throw new BadEntry('"answer": is missing');
  else if (typeof e.answer === 'boolean') answer = e.answer;
  else if (scalar(e.answer)) answer = clean(e.answer);
  else if (Array.isArray(e.answer) && e.answer.length > 0) answer = textList(e.answer, 'answer');
  else throw new BadEntry('"answer": expected text, true or false, or a list of choices');
  const entry: Entry = { question, answer };
  if (e.type !== undefined) entry.type = e.type as Kind;
  if (e.choices !== undefined) entry.choices = textList(e.choices, 'choices');
  if (e.accept !== undefined) entry.accept = textList(e.accept, 'accept');
  const explanation = optionalText(e.explanation, 'explanation');
  if (explanation !== undefined) entry.explanation = explanation;
  if (e.topic !== undefined) entry.topic = e.topic as Topic;
  const source = optionalText(e.source, 'source');
  if (source !== undefined) entry.source = source;
  return entry;
}

function entryLines(yaml: string): number[] {
  const lines: number[] = [];
  yaml.split('\n').forEach((l, i) => {
    if (/^-(\s|$)/.test(l)) lines.push(i);
  });
  return lines;
}

function inferKind(e: Entry): QuestionKind {
  if (e.type) return e.type;
  if (typeof e.answer === 'boolean' || (typeof e.answer === 'string' && /^(true|false)$/i.test(e.answer) && !e.choices)) return 'boolean';
  if (Array.isArray(e.answer)) return 'multiple';
  return e.choices ? 'single' : 'text';
}

function check(e: Entry, kind: QuestionKind): string | undefined {
  const choices = e.choices ?? [];
  const norm = choices.map(normaliseAnswer);
  if ((kind === 'single' || kind === 'multiple') && choices.length < 2) return `a ${kind}-choice question needs "choices" with at least two entries`;
  if (new Set(norm).size !== norm.length) return 'two choices are the same';
  if (kind === 'single') {
    if (Array.isArray(e.answer) || typeof e.answer === 'boolean') return 'a single-choice "answer" is one of the choices';
    if (!norm.includes(normaliseAnswer(e.answer))) return `the answer "${e.answer}" is not one of the choices`;
  }
  if (kind === 'multiple') {
    const answers = Array.isArray(e.answer) ? e.answer : [String(e.answer)];
    const missing = answers.find((a) => !norm.includes(normaliseAnswer(a)));
    if (missing !== undefined) return `the answer "${missing}" is not one of the choices`;
  }
  if (kind === 'boolean' && !(typeof e.answer === 'boolean' || /^(true|false)$/i.test(String(e.answer)))) return 'a true/false "answer" is true or false';
  if (kind === 'text' && (Array.isArray(e.answer) || normaliseAnswer(String(e.answer)) === '')) return 'a typed "answer" is one piece of text';
  return undefined;
}

/** Parses one ```quiz block. `line` is the file line of the block's first YAML line. */
export function parseQuizBlock(yaml: string, line: number, file: string, lessonId: string): Question[] {
  const data = parseYamlData(yaml, file, line, 'quiz block');
  if (data === null || data === undefined) return [];
  const entries = Array.isArray(data) ? data : [data];
  const starts = Array.isArray(data) ? entryLines(yaml) : [0];
  return entries.map((raw, index) => {
    const at = line + (starts[index] ?? 0);
    let e: Entry;
    try {
      e = readEntry(raw);
    } catch (error) {
      if (error instanceof BadEntry) throw new InvalidLessonError(file, at, `quiz question ${index + 1}: ${error.message}`);
      throw error;
    }
    const kind = inferKind(e);
    const problem = check(e, kind);
    if (problem) throw new InvalidLessonError(file, at, `quiz question ${index + 1}: ${problem}`);
    const choices = e.choices ?? [];
    const canonical = (a: string): string => choices.find((c) => normaliseAnswer(c) === normaliseAnswer(a)) ?? a;
    let answer: string | string[];
    if (kind === 'boolean') answer = String(e.answer).toLowerCase() === 'true' ? 'True' : 'False';
    else if (kind === 'multiple') answer = (Array.isArray(e.answer) ? e.answer : [String(e.answer)]).map(canonical);
    else answer = canonical(String(e.answer));
    const id = `a-${stableHash(`${lessonId}|${e.question}|${JSON.stringify(answer)}`)}`;
    return {
      id,
      lessonId,
      topic: e.topic ?? 'responsibilities',
      kind,
      prompt: e.question,
      choices: kind === 'boolean' ? ['True', 'False'] : kind === 'text' ? [] : choices,
      answer,
      accept: e.accept ?? [],
      explanation: e.explanation ?? '',
      source: { line: at, text: e.question },
      fact: id,
      ...(e.source ? { section: e.source } : {}),
    } satisfies Question;
  });
}
