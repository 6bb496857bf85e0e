// What kind of question a question is, for the quiz's selection and for the
// audit: brand-to-kind recall, which a quiz asks sparingly, and application,
// which asks the learner to use an idea on a situation the lesson did not show.
import type { Question } from './types.js';

/** "What kind of tool is Jira?" and "Which of these are Analytics tools?": recall of examples, capped in a default quiz. */
export function isBrandQuestion(q: Pick<Question, 'brand'>): boolean {
  return q.brand === true;
}

/** Generated questions that put a situation to the learner: a decision table's row, a tool's job, a section's example. */
const APPLICATION_PREFIXES = ['x-decide-', 'x-job-', 'e-example-'];

/** A stem that opens on someone (a team, a person, a company) doing something: "A B2B team…", "Ledgerly adds…", "Your team…". */
const SCENARIO_OPENING = [/^(an?|your|one|two|three|after|during|while|when|imagine|suppose)\s/i, /^[A-Z][\w-]*['’]s\s|^[A-Z][\w-]+\s[a-z]+s\b/];
/** Words before the question for an opening to count as a case rather than a preamble. */
const MIN_CASE_WORDS = 8;

/**
 * Whether a question asks to apply an idea to a situation. Generated ones by
 * their id (a decision table's row, a tool's job, a section's example). An
 * authored one when its stem ends in a question ("Which …?", "What …?") and
 * sets out a case first: a full sentence of at least six words before the
 * question ("A six-person startup is choosing its first tools. Which…?"), or
 * an opening on someone doing something with at least eight words before
 * the question ("Your team has shipped X and wants Y: which metric…?").
 */
export function isApplicationQuestion(q: Pick<Question, 'id' | 'prompt'>): boolean {
  if (APPLICATION_PREFIXES.some((p) => q.id.startsWith(p))) return true;
  if (!q.id.startsWith('a-')) return false;
  const stem = q.prompt.replace(/\s+/g, ' ').trim();
  const ask = stem.search(/(?<=^|[.:;!?]\s|,\s)(which|what|who|how)\b[^.!?]*\?$/i);
  if (ask <= 0) return false;
  const before = stem.slice(0, ask).trim();
  const sentences = before.split(/(?<=[.!])\s+/).filter((s) => /[.!]$/.test(s));
  if (sentences.some((s) => s.split(' ').length >= 6)) return true;
  return SCENARIO_OPENING.some((r) => r.test(stem)) && before.split(' ').length >= MIN_CASE_WORDS;
}
