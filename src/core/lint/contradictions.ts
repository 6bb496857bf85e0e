// Questions that disagree or repeat across a course: the same prompt keyed to
// two answers (an error: a review marks one of them wrong), and authored
// prompts so alike that they ask the same thing twice (a warning).
import { normaliseAnswer } from '../text.js';
import type { Question } from '../quiz/types.js';
import { familiesOf, sameKind } from './taxonomy.js';
import { at, type Finding, type LintedLesson } from './types.js';

const keyOf = (q: Question): string => (Array.isArray(q.answer) ? q.answer.map(normaliseAnswer).sort().join('|') : normaliseAnswer(q.answer));

/**
 * Two "which of these are…" questions may list different members of one set;
 * they disagree only when one keys as right what the other offers as wrong.
 */
function crossed(a: Question, b: Question): boolean {
  const wrongIn = (q: Question): Set<string> => new Set(q.choices.filter((c) => !(q.answer as string[]).includes(c)).map(normaliseAnswer));
  const rightIn = (q: Question): string[] => (q.answer as string[]).map(normaliseAnswer);
  return rightIn(a).some((x) => wrongIn(b).has(x)) || rightIn(b).some((x) => wrongIn(a).has(x));
}

export function contradictions(lessons: readonly LintedLesson[]): Finding[] {
  // Kind and family are one answer at two levels (see taxonomy.ts): not a contradiction.
  const families = familiesOf(lessons);
  const seen = new Map<string, { q: Question; file: string }>();
  const findings: Finding[] = [];
  for (const l of lessons) {
    for (const q of l.questions) {
      const prompt = normaliseAnswer(q.prompt);
      const before = seen.get(prompt);
      if (!before) {
        seen.set(prompt, { q, file: l.file });
        continue;
      }
      const agree = keyOf(before.q) === keyOf(q) || (typeof q.answer === 'string' && typeof before.q.answer === 'string' && sameKind(q.answer, before.q.answer, families)) || (q.kind === 'multiple' && before.q.kind === 'multiple' && !crossed(q, before.q));
      if (agree) continue;
      findings.push({
        file: l.file,
        line: q.source.line,
        severity: 'error',
        message: `"${q.prompt.split('\n')[0]}" is answered "${String(q.answer)}" here and "${String(before.q.answer)}" at ${at(before.file, before.q.source.line)}: one prompt, one answer`,
      });
    }
  }
  return findings;
}

function words(text: string): Set<string> {
  return new Set(normaliseAnswer(text).split(/\s+/).filter((w) => w !== ''));
}

/** Jaccard similarity of two word sets: shared words over all words. */
export function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

export const NEAR_DUPLICATE = 0.8;

/** Authored prompts that share more than 80% of their words with an earlier one, anywhere in the course. */
export function nearDuplicates(lessons: readonly LintedLesson[]): Finding[] {
  const earlier: Array<{ words: Set<string>; file: string; q: Question }> = [];
  const findings: Finding[] = [];
  for (const l of lessons) {
    for (const q of l.questions.filter((x) => x.id.startsWith('a-'))) {
      const w = words(q.prompt);
      const twin = earlier.find((e) => similarity(e.words, w) > NEAR_DUPLICATE);
      if (twin) {
        findings.push({ file: l.file, line: q.source.line, severity: 'warning', message: `this question nearly repeats the one at ${at(twin.file, twin.q.source.line)}: ask each thing once, or make them differ` });
      }
      earlier.push({ words: w, file: l.file, q });
    }
  }
  return findings;
}
