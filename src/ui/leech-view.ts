// What the quiz says when a question becomes a leech (core/leech.ts): it will
// not come back as the same card; here is the passage it comes from, to read
// now; and what happens instead.
import { LEECH_MISSES } from '../core/leech.js';
import { plainLine } from '../core/quiz/passage.js';
import { neutraliseLine } from '../core/text.js';
import { wrapLines } from './ansi.js';
import { theme } from './theme.js';

/** `where`: the lesson and section; `source`: the lines the question is made from (a heading and its description, a row, a bullet), as Markdown. */
export function formatLeech(where: string, source: string, alternative: boolean, width: number): string {
  const lines = [
    theme.warn(`Missed ${LEECH_MISSES} times: asking it the same way again will not help, so this question rests.`),
    `Read where it comes from, ${neutraliseLine(where)}:`,
  ];
  const [first = '', ...rest] = source.split('\n');
  // A heading is already named in `where`: the passage is the description under it.
  const text = (/^#{1,6}\s/.test(first) && rest.length > 0 ? rest : [first, ...rest]).map(plainLine).join(' ');
  if (text) lines.push(`  ${neutraliseLine(text)}`);
  lines.push(
    theme.dim(
      alternative
        ? 'From tomorrow, a different question on the same thing comes in its place.'
        : `No other question asks this: re-read the section; pm-guide stats lists it among your leeches.`,
    ),
  );
  return wrapLines(lines.join('\n'), width);
}
