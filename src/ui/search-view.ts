// Search results for the terminal: each lesson with its number and id, and the
// line that matched best with the matching words highlighted.
import { excerpt, type SearchHit, type SearchResult } from '../core/search.js';
import { neutraliseLine } from '../core/text.js';
import { displayWidth, truncate } from './ansi.js';
import { c, theme } from './theme.js';

/** The text with its matching words picked out (bold yellow; plain when colour is off). */
export function highlight(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += text.slice(at, start) + c.bold.yellow(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/** The matching line of a hit, cut to fit and highlighted, with where it is. */
export function matchLine(hit: SearchHit, width: number): string {
  const where = hit.match.kind === 'title' ? 'title' : `line ${hit.match.line}`;
  // Neutralise first: the spans index the text as shown, and lesson text never carries controls by now.
  const clean = { text: neutraliseLine(hit.match.text), spans: hit.match.spans };
  const cut = excerpt(clean, Math.max(20, width - where.length - 3));
  return `${theme.dim(`${where}:`)} ${highlight(cut.text, cut.spans)}`;
}

export function correctionNote(result: SearchResult): string | undefined {
  const entries = Object.entries(result.corrections);
  if (entries.length === 0) return undefined;
  return entries.map(([typed, words]) => `"${neutraliseLine(typed)}" is not in the course: showing matches for ${words.map((w) => `"${w}"`).join(', ')}`).join('\n');
}

export function formatSearch(result: SearchResult, query: string, width: number): string {
  const w = Math.max(40, Math.min(width, 110));
  const q = neutraliseLine(query.trim());
  if (result.terms.length === 0) return 'Type a word or two to search for, e.g. pm-guide search roadmap.';
  const lines: string[] = [];
  const note = correctionNote(result);
  if (note) lines.push(theme.dim(note));
  if (result.hits.length === 0) {
    lines.push(`No lesson mentions "${q}".`, theme.dim('Try fewer or other words; pm-guide list shows every lesson.'));
    return lines.join('\n');
  }
  lines.push(theme.dim(`${result.hits.length} lesson${result.hits.length === 1 ? '' : 's'} for "${q}", best first`), '');
  const numberWidth = Math.max(...result.hits.map((h) => h.number.length));
  for (const hit of result.hits) {
    const partial = hit.matched.length < result.terms.length ? theme.dim(`  (only ${hit.matched.map((m) => `"${m}"`).join(', ')})`) : '';
    // The id goes at the end when it fits; the title gives way first, down to a readable length.
    const room = w - numberWidth - 2 - displayWidth(partial);
    const title = truncate(neutraliseLine(hit.title), Math.max(20, room - hit.id.length - 2));
    const idFits = displayWidth(title) + 2 + hit.id.length <= room;
    lines.push(`${theme.number(hit.number.padEnd(numberWidth))}  ${theme.strong(title)}${idFits ? `  ${theme.dim(hit.id)}` : ''}${partial}`);
    if (!idFits) lines.push(`${' '.repeat(numberWidth + 2)}${theme.dim(`id: ${hit.id}`)}`);
    lines.push(`${' '.repeat(numberWidth + 2)}${matchLine(hit, w - numberWidth - 2)}`);
  }
  lines.push('', theme.dim(`pm-guide read ${result.hits[0]!.number} opens the first one.`));
  return lines.join('\n');
}
