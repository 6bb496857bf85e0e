// Limits that keep rendering fast whatever a lesson holds. marked and
// marked-terminal are quick on real lessons, but some shapes cost them time
// that grows with the square of their size (or recursion that overflows the
// stack): thousands of table cells, hundreds of nested lists or quotes, long
// runs of unmatched emphasis marks. No lesson a person writes comes near these.
// Here the Markdown is reshaped before marked sees it (nesting and tables cut
// to size, fenced code left alone); render.ts gives marked's inline lexer its
// budget of INLINE_SCAN_PER_CHAR.
const MAX_TABLE_ROWS = 200;
const MAX_TABLE_COLUMNS = 16;
/** Table cells in one lesson, all tables together: marked-terminal lays out about ten thousand a second. */
const MAX_TABLE_CELLS = 4000;
const MAX_NESTING = 16;
/** Characters marked's inline lexer may look at, per character of the lesson (at least 20 million), before the rest is left as plain text. */
export const INLINE_SCAN_PER_CHAR = 100;

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_MARK = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/** Cuts a line's run of container marks (">", "-", "1.") to MAX_NESTING, and its indent to 80 columns. */
function limitNesting(line: string): string {
  let indent = 0;
  while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
  if (indent > 80) line = line.slice(indent - 80);
  let marks = 0;
  let end = 0;
  CONTAINER_MARK.lastIndex = 0;
  while (CONTAINER_MARK.exec(line)) {
    marks++;
    end = CONTAINER_MARK.lastIndex;
    if (marks === MAX_NESTING) break;
  }
  if (marks < MAX_NESTING) return line;
  // Drop the marks after the limit, keeping the text they introduced.
  let rest = end;
  CONTAINER_MARK.lastIndex = rest;
  while (CONTAINER_MARK.exec(line)) rest = CONTAINER_MARK.lastIndex;
  return rest === end ? line : `${line.slice(0, end)} ${line.slice(rest).trimStart()}`;
}

function isDelimiterRow(line: string): boolean {
  return line.includes('-') && line.includes('|') && /^[\s|:-]+$/.test(line);
}

function splitCells(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/);
}

/**
 * Keeps tables to a size marked-terminal lays out at once: at most
 * MAX_TABLE_COLUMNS columns and MAX_TABLE_ROWS rows each, and MAX_TABLE_CELLS
 * cells in all. What is cut is said, under the table.
 */
function limitTables(lines: string[]): string[] {
  const out: string[] = [];
  let cells = 0;
  let i = 0;
  // A table may sit in a block quote or a list item: its rows then start with the same prefix.
  const prefixOf = (line: string): string => /^[ \t>]*/.exec(line)![0];
  while (i < lines.length) {
    const header = lines[i]!;
    const delimiter = lines[i + 1];
    const prefix = prefixOf(header);
    const inner = (line: string): string => (line.startsWith(prefix) ? line.slice(prefix.length) : line.replace(/^[ \t>]*/, ''));
    if (delimiter === undefined || !header.includes('|') || !isDelimiterRow(inner(delimiter))) {
      out.push(header);
      i++;
      continue;
    }
    let end = i + 2;
    while (end < lines.length && inner(lines[end]!).trim() !== '') end++;
    const columns = splitCells(inner(header)).length;
    const keptColumns = Math.min(columns, MAX_TABLE_COLUMNS);
    const cut = (row: string): string => (columns > MAX_TABLE_COLUMNS ? `${prefix}|${splitCells(inner(row)).slice(0, keptColumns).join('|')}|` : row);
    const room = Math.max(0, Math.floor((MAX_TABLE_CELLS - cells) / keptColumns) - 1);
    const rows = Math.min(end - i - 2, MAX_TABLE_ROWS, room);
    if (room === 0) {
      // No room left for another table: its rows are shown as plain lines.
      for (let k = i; k < end; k++) if (k !== i + 1) out.push(`${prefix}${inner(lines[k]!).replace(/\|/g, ' ').trim()}  `);
      i = end;
      continue;
    }
    out.push(cut(header), cut(delimiter));
    for (let k = i + 2; k < i + 2 + rows; k++) out.push(cut(lines[k]!));
    cells += (rows + 1) * keptColumns;
    const notes: string[] = [];
    if (end - i - 2 > rows) notes.push(`${end - i - 2 - rows} more rows`);
    if (columns > keptColumns) notes.push(`${columns - keptColumns} more columns`);
    if (notes.length > 0) out.push(prefix.trimEnd(), `${prefix}*(${notes.join(' and ')} not shown: the lesson file has them all)*`);
    i = end;
  }
  return out;
}

/** Shapes lesson Markdown so that rendering it stays quick (see the limits above); fenced code is left alone. */
export function limitMarkdown(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE_LINE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    lines[i] = limitNesting(line);
  }
  return limitTables(lines).join('\n');
}
