// A code block for the terminal: every line as written, under a dim "│" rule
// that marks it as code, never wrapped (a wrapped line of YAML or shell is a
// different program). A line wider than the terminal is cut, and the cut is
// marked with "…": the file has the whole line.
import { displayWidth } from './ansi.js';

const GUTTER = '│ ';

/** Cuts a line to `width` columns, marking the cut with "…". */
export function cutLine(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  let out = '';
  let used = 0;
  for (const ch of line) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** The lines of a code block, fitted to `width` columns, each styled with `style` and led by the dim gutter. */
export function renderCodeBlock(code: string, width: number, style: (s: string) => string, dim: (s: string) => string): string {
  const room = Math.max(10, width - GUTTER.length);
  const lines = code.replace(/\t/g, '    ').replace(/\n+$/, '').split('\n');
  return `${lines.map((line) => `${dim(GUTTER)}${style(cutLine(line.trimEnd(), room))}`).join('\n')}\n\n`;
}
