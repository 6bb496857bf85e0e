// Item-writing checks for authored questions, the habits that let a learner
// guess without knowing: the right answer much longer than the rest, a false
// statement made false by "always" or "never", true/false answers mostly one
// way, one choice of another kind, a typed answer too long to type as
// written. Warnings: the author judges.
import { clueIn } from '../quiz/clues.js';
import { MAX_TYPED_WORDS } from '../quiz/stems.js';
import type { Question } from '../quiz/types.js';
import type { Finding, LintedLesson } from './types.js';

const ABSOLUTE = /\b(always|never|every|all|none|by definition|only)\b/i;
/** True/false balance is judged only on enough of them to mean something. */
const MIN_BOOLEANS = 4;
const BALANCE = { min: 0.35, max: 0.65 };

function questionWarnings(q: Question): string[] {
  const out: string[] = [];
  if (q.kind === 'boolean' && q.answer === 'False') {
    const word = ABSOLUTE.exec(q.prompt)?.[1];
    if (word) out.push(`a false statement with "${word.toLowerCase()}": absolute words give false statements away; make it false by its idea`);
  }
  if (q.kind === 'text' && typeof q.answer === 'string' && q.answer.split(/\s+/).length > MAX_TYPED_WORDS) {
    out.push(`a typed answer of ${q.answer.split(/\s+/).length} words: few learners type it as written; give choices instead`);
  }
  const clue = clueIn(q);
  if (clue) out.push(`${clue}: a learner can pick it without knowing`);
  return out;
}

/** The share of true answers among a lesson's authored true/false questions, when there are enough. */
export function trueShare(questions: readonly Question[]): number | undefined {
  const booleans = questions.filter((q) => q.kind === 'boolean');
  if (booleans.length < MIN_BOOLEANS) return undefined;
  return booleans.filter((q) => q.answer === 'True').length / booleans.length;
}

export function itemWriting(lessons: readonly LintedLesson[]): Finding[] {
  const findings: Finding[] = [];
  for (const l of lessons) {
    const authored = l.questions.filter((q) => q.id.startsWith('a-'));
    for (const q of authored) for (const message of questionWarnings(q)) findings.push({ file: l.file, line: q.source.line, severity: 'warning', message });
    const share = trueShare(authored);
    if (share !== undefined && (share < BALANCE.min || share > BALANCE.max)) {
      const first = authored.find((q) => q.kind === 'boolean')!;
      findings.push({ file: l.file, line: first.source.line, severity: 'warning', message: `${Math.round(share * 100)}% of this lesson's true/false questions are true: keep it between 35% and 65%, or "true" becomes a safe guess` });
    }
  }
  return findings;
}
