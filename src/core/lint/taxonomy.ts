// One tool taxonomy for a course: a tool has one kind in every lesson, or a
// review that mixes lessons marks right answers wrong. A kind and its family
// (the `Part of` column: "Project tracking" is part of "Project management")
// are one answer at two levels, not two answers.
import { normaliseAnswer } from '../text.js';
import { at, type Finding, type LintedLesson } from './types.js';

interface Filing {
  tool: string;
  kind: string;
  file: string;
  line: number;
}

/** Every kind's family, from any lesson that names one. */
export function familiesOf(lessons: readonly LintedLesson[]): Map<string, string> {
  const families = new Map<string, string>();
  for (const l of lessons) for (const g of l.structure.tools) if (g.family) families.set(normaliseAnswer(g.kind), normaliseAnswer(g.family));
  return families;
}

/** Whether two kinds are the same answer: equal, or one the family of the other. */
export function sameKind(a: string, b: string, families: ReadonlyMap<string, string>): boolean {
  const na = normaliseAnswer(a);
  const nb = normaliseAnswer(b);
  return na === nb || families.get(na) === nb || families.get(nb) === na;
}

/** Tools filed under two kinds: one finding per conflicting filing, naming where the tool was filed first. */
export function toolTaxonomy(lessons: readonly LintedLesson[]): Finding[] {
  const families = familiesOf(lessons);
  const first = new Map<string, Filing[]>();
  const findings: Finding[] = [];
  for (const l of lessons) {
    for (const g of l.structure.tools) {
      for (const tool of g.tools) {
        const key = normaliseAnswer(tool);
        const filings = first.get(key) ?? [];
        const clash = filings.find((f) => !sameKind(f.kind, g.kind, families));
        if (clash) {
          findings.push({
            file: l.file,
            line: g.line,
            severity: 'error',
            message: `${tool} is filed under "${g.kind}" here and under "${clash.kind}" at ${at(clash.file, clash.line)}: give each tool one kind across the course`,
          });
        }
        if (!filings.some((f) => normaliseAnswer(f.kind) === normaliseAnswer(g.kind))) filings.push({ tool, kind: g.kind, file: l.file, line: g.line });
        first.set(key, filings);
      }
    }
  }
  return findings;
}
