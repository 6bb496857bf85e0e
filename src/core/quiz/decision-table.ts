// Decision tables ("when to use which"): the first header is `Situation`, the
// second names what is chosen ("Framework"), an optional `Why` column says why.
// Each row becomes a situation the learner has not read about, and asks for
// the choice it calls for: application, not recall.
import { plainLabel, prose } from '../text.js';
import { norm } from './choices.js';
import { columnOf, isNameCell, type RawTable } from './tool-table.js';
import type { DecisionTable } from './types.js';

const SITUATION_HEADER = /^(situation|scenario|when)$/i;
const WHY_HEADER = /^why\b/i;
/** Fewer rows or answers than this leave too few wrong choices of the same column. */
const MIN_ROWS = 3;
const MIN_ANSWERS = 3;

export function readDecisionTable(table: RawTable): DecisionTable | undefined {
  const { header, rows } = table;
  if (!header || header.length < 2 || !SITUATION_HEADER.test(plainLabel(header[0]!))) return undefined;
  const kind = plainLabel(header[1]!);
  if (kind === '' || rows.length < MIN_ROWS) return undefined;
  const whyCol = columnOf(header, WHY_HEADER);
  const read = rows.map((r) => ({
    situation: prose(r.cells[0] ?? '').trim().replace(/\s*[.;:]$/, ''),
    answer: plainLabel(r.cells[1] ?? ''),
    why: whyCol > 1 ? prose(r.cells[whyCol] ?? '').trim() || undefined : undefined,
    line: r.line,
    sourceText: r.text.trim(),
    raw: r.cells[1] ?? '',
  }));
  // Situations are sentences and answers are names: a table of numbers is not a decision table.
  if (read.some((r) => r.situation.split(' ').length < 2 || !isNameCell(r.raw))) return undefined;
  if (new Set(read.map((r) => norm(r.answer))).size < MIN_ANSWERS) return undefined;
  return { kind, rows: read.map(({ raw: _raw, ...r }) => r) };
}

/** "Framework" reads as "framework", "Kind of roadmap" as "kind of roadmap"; "OKR" stays as it is. */
export function kindPhrase(kind: string): string {
  return kind
    .split(' ')
    .map((w) => (/^[A-Z][a-z]/.test(w) ? w.toLowerCase() : w))
    .join(' ');
}
