// Questions an author writes in a ```quiz block of YAML, for what the lesson's
// structure cannot express. Validated strictly: a bad block names its line.
import { z } from 'zod';
import { InvalidLessonError } from '../errors.js';
import { parseYamlData } from '../front-matter.js';
import { TOPICS } from '../progress.js';
import { neutraliseLine, normaliseAnswer, stableHash } from '../text.js';
import type { Question, QuestionKind } from './types.js';

// Built on first use, so that loading this module does not load zod.
function buildEntrySchema() {
  const scalar = z.union([z.string(), z.number()]).transform((v) => neutraliseLine(String(v)).trim());
  return z
    .object({
      question: scalar.pipe(z.string().min(1, 'must not be empty')),
      type: z.enum(['single', 'multiple', 'text', 'boolean']).optional(),
      choices: z.array(scalar).optional(),
      answer: z.union([z.boolean(), scalar, z.array(scalar).min(1)]),
      accept: z.array(scalar).optional(),
      explanation: scalar.optional(),
      topic: z.enum(TOPICS).optional(),
      /** The heading of the section that answers the question, for feedback. */
      source: scalar.optional(),
    })
    .strict();
}
let entrySchema: ReturnType<typeof buildEntrySchema> | undefined;
type Entry = z.infer<ReturnType<typeof buildEntrySchema>>;

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
    const parsed = (entrySchema ??= buildEntrySchema()).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = issue.path[0];
      const what =
        issue.code === 'unrecognized_keys'
          ? `unknown key "${issue.keys[0]}" (use question, type, choices, answer, accept, explanation, topic, source)`
          : key === undefined
            ? 'each question is a set of "key: value" lines'
            : `"${String(key)}": ${issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message}`;
      throw new InvalidLessonError(file, at, `quiz question ${index + 1}: ${what}`);
    }
    const e = parsed.data;
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
    } satisfies Question;
  });
}
