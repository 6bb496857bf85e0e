// The question lint: what `pm-guide lint` reports about a course's questions.
// Errors for what makes a quiz wrong (a tool with two kinds, a prompt with two
// answers); warnings for what makes it easy to guess.
import { contradictions, nearDuplicates } from './contradictions.js';
import { itemWriting } from './item-writing.js';
import { toolTaxonomy } from './taxonomy.js';
import type { Finding, LintedLesson } from './types.js';

export type { Finding, LintedLesson } from './types.js';

export function lintQuestions(lessons: readonly LintedLesson[]): Finding[] {
  return [...toolTaxonomy(lessons), ...contradictions(lessons), ...nearDuplicates(lessons), ...itemWriting(lessons)];
}
