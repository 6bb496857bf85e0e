// Tool tables: a Markdown table whose header says it pairs a kind of tool
// with named tools ("| Kind of tool | Examples |"), read into tool groups;
// groups of the same kind merged. The header decides, and the cells must hold
// names: a table of sizes, numbers or code is data, and yields no questions.
import { plainLabel, prose } from '../text.js';
import type { ToolGroup } from './types.js';

export interface TableRow {
  cells: string[];
  line: number;
  text: string;
}

/** A table as written: its header row (when it has one) and its data rows. */
export interface RawTable {
  header: string[] | undefined;
  rows: TableRow[];
}

export function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((c) => c.trim());
}

export const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

const KIND_HEADER = /^(kind of tool|tool kind|tool type|type of tool|tool category|category|kind|type)$/i;
const TOOLS_HEADER = /^(examples?|tools?|example tools|popular tools|products?)$/i;
const JOB_HEADER = /^used (to|for)$/i;
const FAMILY_HEADER = /^part of$/i;

/** The column whose header matches, or -1. */
export function columnOf(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(plainLabel(h).trim()));
}

/**
 * Whether a cell reads as a name (a tool, a kind, a framework) rather than data:
 * not a number, a size, a date, a unit or code. "32px", "1.5rem", "2024-01-05",
 * "`h1`" and "<h1>" are data.
 */
export function isNameCell(raw: string): boolean {
  if (/`|<\/?[a-z]/i.test(raw)) return false;
  const cell = prose(raw).trim();
  if (cell === '' || !/\p{L}/u.test(cell)) return false;
  if (/\d/.test(cell) && /^[\d\s.,:/%$€£+\-×x]*(px|em|rem|pt|vh|vw|ms|s|kb|mb|gb|%)?[\d\s.,:/%-]*$/i.test(cell)) return false;
  if (/^\d/.test(cell) && /\d(px|em|rem|pt|ms|kb|mb|gb)\b/i.test(cell)) return false;
  // A heading level or a short code-like token (h1, x2, v3) is not a name either; a brand in capitals (G2) is.
  if (/^[a-z]{1,2}\d+$/.test(cell)) return false;
  return true;
}

function splitTools(cell: string): string[] {
  return prose(cell)
    .replace(/\b(etc\.?|and more|and others)\s*$/i, '')
    .split(/\s*[,;]\s*/)
    .map((t) => t.replace(/^(and|or)\s+/i, '').replace(/[.\s]+$/, '').trim())
    .filter((t) => t !== '' && t.split(' ').length <= 5);
}

/** A verb phrase as it reads after "needs to": first letter lower case (unless an acronym), no full stop. */
function jobPhrase(raw: string | undefined): string | undefined {
  const text = prose(raw ?? '').trim().replace(/[.\s]+$/, '');
  if (text === '') return undefined;
  return /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** Tool groups from a table whose header names a kind column and a tools column, and whose cells hold names. */
export function readToolTable(table: RawTable): ToolGroup[] {
  const { header, rows } = table;
  if (!header || rows.length < 2) return [];
  const kindCol = columnOf(header, KIND_HEADER);
  const toolsCol = columnOf(header, TOOLS_HEADER);
  if (kindCol < 0 || toolsCol < 0 || kindCol === toolsCol) return [];
  const jobCol = columnOf(header, JOB_HEADER);
  const familyCol = columnOf(header, FAMILY_HEADER);
  const groups = rows.map((r) => ({
    kind: plainLabel(r.cells[kindCol] ?? ''),
    tools: splitTools(r.cells[toolsCol] ?? ''),
    job: jobCol >= 0 ? jobPhrase(r.cells[jobCol]) : undefined,
    family: familyCol >= 0 ? plainLabel(r.cells[familyCol] ?? '') || undefined : undefined,
    line: r.line,
    sourceText: r.text.trim(),
    names: [r.cells[kindCol] ?? '', ...(r.cells[toolsCol] ?? '').split(/[,;]/)],
  }));
  // One row of data makes the whole table data: a list of tools holds names only.
  if (groups.some((g) => !g.names.every((n) => n.trim() === '' || isNameCell(n)))) return [];
  return groups.filter((g) => g.kind !== '' && g.tools.length > 0).map(({ names: _names, ...g }) => g);
}

/** Groups of the same kind (in several tables, or rows) as one group, each tool once. */
export function mergeTools(groups: ToolGroup[]): ToolGroup[] {
  const byKind = new Map<string, ToolGroup>();
  for (const g of groups) {
    const key = g.kind.toLowerCase();
    const existing = byKind.get(key);
    if (existing) {
      for (const t of g.tools) if (!existing.tools.some((e) => e.toLowerCase() === t.toLowerCase())) existing.tools.push(t);
      existing.job ??= g.job;
      existing.family ??= g.family;
    } else byKind.set(key, { ...g, tools: [...g.tools] });
  }
  return [...byKind.values()];
}
