// How `pm-guide read --changes` looks: the paragraphs added to a lesson and
// removed from it since the learner read it, in plain words, marked + and −.
import type { ParagraphChange } from '../core/changes.js';
import { plainLine } from '../core/quiz/passage.js';
import { neutraliseLine } from '../core/text.js';
import { wrapLines } from './ansi.js';
import { theme } from './theme.js';

export interface ChangesViewInput {
  /** "1.1 Duties of a Gardener" */
  title: string;
  readAt: string | undefined;
  /** undefined: no copy of the text as read was kept, so only the fact of a change is known. */
  changes: ParagraphChange[] | undefined;
  /** Questions of the lesson that are due again, or new, because of the change. */
  questionsDue: number;
  width: number;
}

const when = (iso: string | undefined): string => (iso ? ` (${iso.slice(0, 10)})` : '');

/** One paragraph, its first line marked, the rest indented under it. */
function marked(change: ParagraphChange, width: number): string {
  const text = wrapLines(`    ${neutraliseLine(plainLine(change.text))}`, width);
  const mark = change.kind === 'added' ? theme.ok('  + ') : theme.bad('  − ');
  const body = text.slice(4);
  return `${mark}${change.kind === 'added' ? body : theme.dim(body)}`;
}

export function formatChanges({ title, readAt, changes, questionsDue, width }: ChangesViewInput): string {
  const lines = [theme.title(`What changed in ${neutraliseLine(title)} since you read it${when(readAt)}`), ''];
  if (changes === undefined) lines.push('The lesson changed, but pm-guide kept no copy of the version you read, so it cannot show which paragraphs. Here is the lesson as it is now.');
  else if (changes.length === 0) lines.push('Only its layout changed: no paragraph was added or removed.');
  else {
    const added = changes.filter((c) => c.kind === 'added').length;
    const removed = changes.length - added;
    lines.push(theme.dim(`${added} paragraph${added === 1 ? '' : 's'} added (+), ${removed} removed (−):`), '');
    for (const change of changes) lines.push(marked(change, width));
  }
  if (questionsDue > 0) lines.push('', `${questionsDue} question${questionsDue === 1 ? '' : 's'} on what changed ${questionsDue === 1 ? 'is' : 'are'} due again: ${theme.accent('pm-guide next')} asks ${questionsDue === 1 ? 'it' : 'them'}.`);
  return wrapLines(lines.join('\n'), width);
}
