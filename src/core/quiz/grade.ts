// Marks an answer. Typed answers forgive case, punctuation, accents, emoji, a
// leading article and a small typo; choices must match exactly.
import { editDistance, normaliseAnswer } from '../text.js';
import type { Question } from './types.js';

export type Response = string | string[];

function withoutArticle(s: string): string {
  return s.replace(/^(the|a|an) /, '');
}

/** How many typos a typed answer of this length may have. */
function tolerance(length: number): number {
  if (length < 4) return 0;
  if (length < 9) return 1;
  return 2;
}

export function typedMatches(typed: string, expected: string): boolean {
  const a = withoutArticle(normaliseAnswer(typed));
  const b = withoutArticle(normaliseAnswer(expected));
  if (a === '' || b === '') return false;
  if (a === b || a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  return editDistance(a, b, tolerance(b.length)) <= tolerance(b.length);
}

export function isCorrect(question: Question, response: Response): boolean {
  switch (question.kind) {
    case 'multiple': {
      const given = new Set((Array.isArray(response) ? response : [response]).map(normaliseAnswer));
      const right = new Set((question.answer as string[]).map(normaliseAnswer));
      return given.size === right.size && [...right].every((r) => given.has(r));
    }
    case 'text':
      return [question.answer as string, ...question.accept].some((a) => typedMatches(String(response), a));
    default:
      return normaliseAnswer(String(response)) === normaliseAnswer(question.answer as string);
  }
}

export function answerText(question: Question): string {
  return Array.isArray(question.answer) ? question.answer.join(', ') : question.answer;
}
