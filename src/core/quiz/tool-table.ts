// Tool tables: a Markdown table that pairs a kind of tool with the tools
// named for it ("| Analytics | Mixpanel, Amplitude |"), whatever its header
// words say, read into tool groups; groups of the same kind merged.
import { plainLabel, prose } from '../text.js';
import type { ToolGroup } from './types.js';

export function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((c) => c.trim());
}

export const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function splitTools(cell: string): string[] {
  return prose(cell)
    .replace(/\b(etc\.?|and more|and others)\s*$/i, '')
    .split(/\s*[,;]\s*/)
    .map((t) => t.replace(/^(and|or)\s+/i, '').replace(/[.\s]+$/, '').trim())
    .filter((t) => t !== '' && t.split(' ').length <= 5);
}

/** A table that pairs a kind of tool with named tools, whatever its header words. */
export function readToolTable(rows: Array<{ cells: string[]; line: number; text: string }>): ToolGroup[] {
  if (rows.length < 2) return [];
  const columns = Math.max(...rows.map((r) => r.cells.length));
  let toolsCol = -1;
  let best = 0;
  for (let c = 0; c < columns; c++) {
    const listed = rows.filter((r) => splitTools(r.cells[c] ?? '').length >= 2).length;
    if (listed > best) {
      best = listed;
      toolsCol = c;
    }
  }
  if (toolsCol < 0 || best < Math.max(2, Math.ceil(rows.length / 2))) return [];
  const kindCol = [...Array(columns).keys()].find(
    (c) =>
      c !== toolsCol &&
      rows.every((r) => {
        const cell = prose(r.cells[c] ?? '');
        return cell !== '' && !cell.includes(',') && cell.split(' ').length <= 6;
      }),
  );
  if (kindCol === undefined) return [];
  return rows
    .map((r) => ({ kind: plainLabel(r.cells[kindCol] ?? ''), tools: splitTools(r.cells[toolsCol] ?? ''), line: r.line, sourceText: r.text.trim() }))
    .filter((g) => g.kind !== '' && g.tools.length > 0);
}

/** Groups of the same kind (in several tables, or rows) as one group, each tool once. */
export function mergeTools(groups: ToolGroup[]): ToolGroup[] {
  const byKind = new Map<string, ToolGroup>();
  for (const g of groups) {
    const key = g.kind.toLowerCase();
    const existing = byKind.get(key);
    if (existing) {
      for (const t of g.tools) if (!existing.tools.some((e) => e.toLowerCase() === t.toLowerCase())) existing.tools.push(t);
    } else byKind.set(key, { ...g, tools: [...g.tools] });
  }
  return [...byKind.values()];
}
