// Clues: what lets a learner pick the right answer without knowing it. The
// generators drop questions that carry one, the audit counts them, and lint
// reports them in authored questions. Each check is one a test-wise learner
// uses: a blank that is part of a word, "an" before a blank, the answer
// echoing the stem, the answer the longest by far, one choice of another kind.
import type { Question } from './types.js';

/** Words that carry no content: function words and the words our own stems are made of. */
const STOPWORDS = new Set(
  ('a an the and or but of to in on at for with from by as is are was were be been being it its this that these those ' +
    'which what who whom whose when where why how does do did not no can could should would will may might must ' +
    'their there they them then than into onto over under about after before between each other some such ' +
    'true false here best fits fit kind kinds tool tools team teams needs need describe described describes example ' +
    'show shows call calls situation lesson section sections entry under name named part your you our we has have had')
    .split(' '),
);

/** A word reduced to a common stem, so that "roadmaps" meets "roadmap" and "prioritising" meets "prioritise"; short words stay whole. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length < 5) return w;
  return w.replace(/(ies)$/, 'y').replace(/(ing|ed|es|s|e)$/, '');
}

/** The content words of a text: each word's stem, mapped to the word as written. */
export function contentWords(text: string): Map<string, string> {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const out = new Map<string, string>();
  for (const w of words) if (w.length >= 3 && !STOPWORDS.has(w.toLowerCase()) && !/^\d+$/.test(w)) out.set(stem(w), w);
  return out;
}

/** A word of `a` (as written) whose stem `b` also holds, or one that starts the other, for stems of five letters or more. */
function shared(a: Map<string, string>, b: Map<string, string>): string | undefined {
  for (const [w, written] of a) if (b.has(w) || [...b.keys()].some((x) => x.length >= 5 && w.length >= 5 && (x.startsWith(w) || w.startsWith(x)))) return written;
  return undefined;
}

export const BLANK = '___';

/**
 * The text with the name hidden: the whole name, and each of its content words,
 * masked as whole words (a word that starts with one, "roadmapping" for
 * "roadmap", is masked whole); an article before a blank is dropped, since
 * "an ___" says the answer starts with a vowel.
 */
export function maskName(text: string, name: string): string {
  let out = maskWordsFrom(text, name, LETTER);
  for (const word of name.split(/[\s/-]+/)) {
    if (contentWords(word).size === 0 || word.length < 4) continue;
    out = maskWordsFrom(out, word.replace(/(ing|ed|es|s|e)$/i, ''), LETTER_OR_APOSTROPHE);
  }
  return out.replace(/\b(an?)\s+(?=___)/gi, '').replace(/(___)(?:[\s-]+___)+/g, BLANK);
}

const LETTER = /[\p{L}\p{N}]/u;
const LETTER_OR_APOSTROPHE = /[\p{L}\p{N}'’]/u;

/**
 * Every word of `text` that starts with `start` (in any case), to its end,
 * replaced by a blank. A scan, not a regular expression built per name: a
 * case-insensitive pattern with Unicode classes costs milliseconds to
 * compile, and a course asks for thousands of them.
 */
function maskWordsFrom(text: string, start: string, wordChar: RegExp): string {
  const lower = text.toLowerCase();
  const wanted = start.toLowerCase();
  if (wanted === '' || lower.length !== text.length) return text;
  let out = '';
  let from = 0;
  for (let i = lower.indexOf(wanted); i !== -1; i = lower.indexOf(wanted, i)) {
    if (i > 0 && LETTER.test(text[i - 1]!)) {
      i++;
      continue;
    }
    let end = i + wanted.length;
    while (end < text.length && wordChar.test(text[end]!)) end++;
    out += text.slice(from, i) + BLANK;
    from = i = end;
  }
  return out + text.slice(from);
}

/** How much of a text is blanks: a description that is mostly blanks asks nothing. */
export function blankShare(text: string): number {
  const words = text.split(/\s+/).filter((w) => w !== '');
  return words.length === 0 ? 1 : words.filter((w) => w.includes(BLANK)).length / words.length;
}

const isNumeric = (s: string): boolean => /^[\s$€£]*[\d.,]+\s*(%|x|k|m|bn)?\s*$/i.test(s);

/** The clue a question gives away by its form, or undefined. */
export function clueIn(q: Pick<Question, 'kind' | 'prompt' | 'choices' | 'answer'>): string | undefined {
  if (/\b(a|an)\s+_{3}/i.test(q.prompt)) return '"a" or "an" before a blank';
  if (/[\p{L}\p{N}]_{3}|_{3}[\p{L}\p{N}]/u.test(q.prompt)) return 'part of a word masked';
  if (q.kind === 'boolean') return undefined;
  const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
  const wrong = q.choices.filter((c) => !answers.includes(c));
  // A typed answer has no choices to pick from: an echo of the stem is no clue there.
  if (q.kind === 'text' || wrong.length === 0) return undefined;
  const stemWords = contentWords(q.prompt);
  const echo = (c: string): string | undefined => shared(contentWords(c), stemWords);
  const echoed = answers.map(echo).find((w) => w !== undefined);
  if (echoed !== undefined && !wrong.some((c) => echo(c) !== undefined)) return `the answer shares "${echoed}" with the stem, and no wrong choice does`;
  if (q.kind !== 'single') return undefined;
  const answer = answers[0]!;
  const longest = Math.max(...wrong.map((c) => c.length));
  if (answer.length > 1.5 * longest && answer.length - longest > 15) return 'the answer is much longer than the wrong choices';
  // One choice of another kind (a number among names, a name among numbers) stands out.
  const numeric = q.choices.filter(isNumeric);
  const odd = numeric.length === 1 ? numeric[0] : numeric.length === q.choices.length - 1 ? q.choices.find((c) => !isNumeric(c)) : undefined;
  if (odd !== undefined && q.choices.length >= 3) return odd === answer ? 'the answer is of another kind than the wrong choices' : `"${odd}" is of another kind than the other choices`;
  return undefined;
}
