// Marks an answer. A typed answer is right when it names the thing: the
// whole answer or its head word ("RICE" for "RICE scoring", "stakeholders"
// for "Aligning stakeholders"), an acronym for its expansion or the other way
// round, singular or plural, a small typo, or an alias the author declared.
// Numbers are never fuzzy: "1000" is not 1600. Choices must match exactly.
import { editDistance, normaliseAnswer } from '../text.js';
import type { Question } from './types.js';

export type Response = string | string[];

/** Words that only say what kind of thing a name is: leaving them out still names it. */
const GENERIC = new Set(['model', 'models', 'scoring', 'score', 'framework', 'method', 'methods', 'matrix', 'survey', 'surveys', 'pm', 'manager', 'management', 'tool', 'tools', 'technique', 'process', 'analysis', 'test', 'testing', 'the', 'a', 'an', 'of', 'and']);

function withoutArticle(s: string): string {
  return s.replace(/^(the|a|an) /, '');
}

/** A word's singular, roughly: "stories" story, "surveys" survey, "boxes" box. */
function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(s|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

const words = (s: string): string[] => s.split(' ').filter(Boolean).map(singular);

/** How many typos a typed answer of this length may have. */
function tolerance(length: number): number {
  if (length < 4) return 0;
  if (length < 9) return 1;
  return 2;
}

function close(a: string, b: string): boolean {
  if (a === b || a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  return editDistance(a, b, tolerance(b.length)) <= tolerance(b.length);
}

const numbersIn = (s: string): string[] => (s.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/-?\d+(?:\.\d+)?/g) ?? []).map((n) => String(Number(n)));

/** The initials of a name's words ("net promoter score" nps), when it has two or more. */
const initials = (ws: readonly string[]): string => (ws.length >= 2 ? ws.map((w) => w[0]).join('') : '');

export function typedMatches(typed: string, expected: string): boolean {
  // A number is right only as that number; the words around it may have a typo.
  const wanted = numbersIn(expected);
  if (wanted.length > 0) {
    const unitless = (s: string): string => withoutArticle(normaliseAnswer(s.replace(/-?[\d.,]*\d/g, '#')));
    return wanted.join(' ') === numbersIn(typed).join(' ') && close(unitless(typed), unitless(expected));
  }
  const a = withoutArticle(normaliseAnswer(typed));
  const b = withoutArticle(normaliseAnswer(expected));
  if (a === '' || b === '') return false;
  const aw = words(a);
  const bw = words(b);
  if (close(aw.join(' '), bw.join(' '))) return true;
  // An acronym for its expansion, or the expansion for an acronym.
  if ((aw.length === 1 && aw[0] === initials(bw)) || (bw.length === 1 && bw[0] === initials(aw))) return true;
  // The head: what is left when the words that only say what kind of thing it is are left out,
  // and the verb of an activity ("Aligning stakeholders" names the stakeholders).
  const named = bw.filter((w) => !GENERIC.has(w));
  const nouns = named.filter((w) => !/ing$/.test(w));
  const core = nouns.length > 0 ? nouns : named;
  return core.length > 0 && close(aw.join(' '), core.join(' '));
}

export function isCorrect(question: Question, response: Response): boolean {
  switch (question.kind) {
    case 'multiple': {
      const { missed, wrong } = multipleDiff(question, response);
      return missed.length === 0 && wrong.length === 0;
    }
    case 'text':
      return [question.answer as string, ...question.accept].some((a) => typedMatches(String(response), a));
    default:
      return normaliseAnswer(String(response)) === normaliseAnswer(question.answer as string);
  }
}

/** What a multi-select answer left out, and what it ticked that is not right. */
export function multipleDiff(question: Question, response: Response): { missed: string[]; wrong: string[] } {
  const given = new Set((Array.isArray(response) ? response : [response]).map(normaliseAnswer));
  const right = question.answer as string[];
  const rightSet = new Set(right.map(normaliseAnswer));
  return {
    missed: right.filter((r) => !given.has(normaliseAnswer(r))),
    wrong: question.choices.filter((c) => given.has(normaliseAnswer(c)) && !rightSet.has(normaliseAnswer(c))),
  };
}

export function answerText(question: Question): string {
  return Array.isArray(question.answer) ? question.answer.join(', ') : question.answer;
}
