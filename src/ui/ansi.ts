// Measuring and wrapping text that carries pm-guide's own ANSI styling.

// SGR styling and OSC 8 links: the only sequences pm-guide itself emits.
const ANSI = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;
const ZERO = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}]/u;

/** Columns a string takes on screen (wide CJK and emoji count two). */
export function displayWidth(text: string): number {
  const plain = stripAnsi(text);
  // ASCII is one column a character (nothing in it is wide or zero-width): no need to look at each.
  if (/^[\x00-\x7f]*$/.test(plain)) return plain.length;
  let width = 0;
  for (const ch of plain) {
    if (ZERO.test(ch)) continue;
    width += WIDE.test(ch) && ch.codePointAt(0)! > 0x2000 && !/[\u2000-\u2bff]/.test(ch) ? 2 : 1;
  }
  return width;
}

const BOX = /^[\s]*[┌├└│╭╰─]/;

/**
 * Wraps every line wider than `width` at spaces, continuing with the line's own
 * indent (plus the width of a bullet, for list items). Table lines are left alone.
 */
export function wrapLines(text: string, width: number): string {
  if (width < 10) return text;
  return text
    .split('\n')
    .map((line) => (displayWidth(line) <= width || BOX.test(stripAnsi(line)) ? line : wrapLine(line, width)))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  const plain = stripAnsi(line);
  const lead = /^(\s*)((?:[*•◦▪-]|\d+\.)\s+)?/.exec(plain)!;
  const indent = ' '.repeat(Math.min(lead[1]!.length + (lead[2]?.length ?? 0), Math.floor(width / 2)));
  const tokens = line.split(/( +)/);
  const out: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const token of tokens) {
    const w = displayWidth(token);
    if (/^ +$/.test(token)) {
      if (currentWidth + w <= width) {
        current += token;
        currentWidth += w;
      }
      continue;
    }
    if (currentWidth + w > width && currentWidth > indent.length) {
      out.push(current.replace(/ +$/, ''));
      current = indent + token;
      currentWidth = indent.length + w;
    } else {
      current += token;
      currentWidth += w;
    }
  }
  out.push(current);
  return out.join('\n');
}

/** Cuts text to a display width, with an ellipsis; text that is cut loses its styling. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of stripAnsi(text)) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}
