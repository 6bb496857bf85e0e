// A Markdown table fitted to the terminal: drawn in a box when its columns
// fit (wrapping cells at spaces when they must), else shown as a list of
// records ("Header: value" lines under each row), so that no line is ever
// wider than the terminal and no word is cut.
import { displayWidth } from './ansi.js';

export interface TableStyle {
  head: (s: string) => string;
  border: (s: string) => string;
}

/** Words of a cell wrapped into lines of at most `width` columns; a word wider than that is left whole (the caller checks). */
function wrapCell(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map(displayWidth));

/** Column widths that fit `width` in all (borders included), or undefined when the table cannot fit without cutting words. */
function fitColumns(rows: string[][], width: number): number[] | undefined {
  const columns = rows[0]!.length;
  const natural = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const minimum = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => longestWord(r[c] ?? ''))));
  const room = width - (3 * columns + 1);
  if (minimum.reduce((a, b) => a + b, 0) > room) return undefined;
  const widths = [...natural];
  // Narrow the widest column, one column at a time, until the table fits.
  while (widths.reduce((a, b) => a + b, 0) > room) {
    let widest = -1;
    for (let c = 0; c < columns; c++) if (widths[c]! > minimum[c]! && (widest === -1 || widths[c]! > widths[widest]!)) widest = c;
    if (widest === -1) return undefined;
    widths[widest]!--;
  }
  // A column squeezed to a sliver reads worse than the rows as records.
  if (widths.some((w, c) => w < Math.min(natural[c]!, 8))) return undefined;
  return widths;
}

function boxTable(rows: string[][], widths: number[], style: TableStyle): string {
  const line = (left: string, mid: string, right: string) => style.border(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`);
  const out = [line('┌', '┬', '┐')];
  rows.forEach((row, r) => {
    const cells = widths.map((w, c) => wrapCell(row[c] ?? '', w));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      const parts = widths.map((w, c) => {
        const text = cells[c]![k] ?? '';
        const padded = text + ' '.repeat(Math.max(0, w - displayWidth(text)));
        return ` ${r === 0 ? style.head(padded) : padded} `;
      });
      out.push(`${style.border('│')}${parts.join(style.border('│'))}${style.border('│')}`);
    }
    if (r === 0) out.push(line('├', '┼', '┤'));
  });
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}

/** A row as "Header: value" lines, wrapped at `width`, the first led by "•". */
function records(rows: string[][], width: number, style: TableStyle): string {
  const [head, ...body] = rows;
  return body
    .map((row) =>
      row
        .map((cell, c) => {
          const label = (head![c] ?? '').trim();
          const text = label === '' ? cell : `${style.head(`${label}:`)} ${cell}`;
          const lead = c === 0 ? '• ' : '  ';
          return wrapCell(text, width - 2)
            .map((l, k) => `${k === 0 ? lead : '  '}${l}`)
            .join('\n');
        })
        .join('\n'),
    )
    .join('\n\n');
}

/** A table (its header row first, cells as plain text) fitted to `width` columns. */
export function renderTable(rows: string[][], width: number, style: TableStyle): string {
  if (rows.length === 0 || rows[0]!.length === 0) return '';
  const widths = fitColumns(rows, width);
  return `${widths ? boxTable(rows, widths, style) : records(rows, width, style)}\n\n`;
}
