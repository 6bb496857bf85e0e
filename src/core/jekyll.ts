// Jekyll-only markup that must never reach the learner as raw noise. Every
// removal keeps the line count, so line numbers in messages and quiz sources
// still point at the right line of the file.
//
// Written as scans rather than regular expressions: a lesson can hold
// thousands of "{%" that never close, or a line of spaces a megabyte long,
// and a backtracking pattern takes time that grows with the square of that.

const blankLines = (text: string): string => text.replace(/[^\n]/g, '');

const LIQUID_NAME = /^\{%-?\s*(\w+)/;

/** Position of the `{% end<name> %}` tag at or after `from`, as [start, end], or undefined. */
function findEndTag(text: string, name: string, from: number): [number, number] | undefined {
  const pattern = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g');
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? [m.index, m.index + m[0].length] : undefined;
}

/**
 * Liquid tags (`{% ... %}`) become blank lines; `{% comment %}` blocks go whole;
 * a `{% raw %}` block keeps its text as written. An opener that never closes is left as text.
 */
function stripLiquidTags(text: string): string {
  let out = '';
  let i = 0;
  // A block whose end tag is missing once is missing for every later opener too: not searched again.
  const unclosed = new Set<string>();
  for (;;) {
    const start = text.indexOf('{%', i);
    if (start === -1) break;
    const close = text.indexOf('%}', start + 2);
    if (close === -1) break; // No tag after this point can close either.
    const end = close + 2;
    const name = LIQUID_NAME.exec(text.slice(start, Math.min(end, start + 40)))?.[1];
    out += text.slice(i, start);
    if ((name === 'comment' || name === 'raw') && !unclosed.has(name)) {
      const endTag = findEndTag(text, name, end);
      if (!endTag) unclosed.add(name);
      else {
        out += name === 'raw' ? blankLines(text.slice(start, end)) + text.slice(end, endTag[0]) + blankLines(text.slice(endTag[0], endTag[1])) : blankLines(text.slice(start, endTag[1]));
        i = endTag[1];
        continue;
      }
    }
    out += blankLines(text.slice(start, end));
    i = end;
  }
  return out + text.slice(i);
}

/** Liquid output (`{{ ... }}`) becomes blank lines. */
function stripLiquidOutput(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('{{', i);
    if (start === -1) break;
    const close = text.indexOf('}}', start + 2);
    if (close === -1) break;
    out += text.slice(i, start) + blankLines(text.slice(start, close + 2));
    i = close + 2;
  }
  return out + text.slice(i);
}

/** Where a kramdown attribute list (`{: .note }`) ends a line: the offset of its start (with the spaces before it), or -1. */
function ialStart(line: string): number {
  const end = line.trimEnd();
  if (!end.endsWith('}')) return -1;
  // The list is "{:" then no "}" until the last one: it starts at the first "{:" after any earlier "}".
  const earlierBrace = end.lastIndexOf('}', end.length - 2);
  const open = end.indexOf('{:', earlierBrace + 1);
  if (open === -1 || open > end.length - 3) return -1;
  let start = open;
  while (start > 0 && (line[start - 1] === ' ' || line[start - 1] === '\t')) start--;
  return start;
}

function stripIals(text: string): string {
  if (!text.includes('{:')) return text;
  return text
    .split('\n')
    .map((line) => {
      const start = ialStart(line);
      return start === -1 ? line : line.slice(0, start);
    })
    .join('\n');
}

const FENCE = /^(`{3,}|~{3,})/;

/** Applies `transform` to the text outside fenced code blocks (an unclosed fence runs to the end). */
function outsideFences(text: string, transform: (chunk: string) => string): string {
  if (!text.includes('```') && !text.includes('~~~')) return transform(text);
  const lines = text.split('\n');
  const parts: string[] = [];
  let chunk: string[] = [];
  let fence: string | undefined;
  const flush = (asCode: boolean): void => {
    if (chunk.length === 0) return;
    const joined = chunk.join('\n');
    parts.push(asCode ? joined : transform(joined));
    chunk = [];
  };
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker) {
      flush(false);
      fence = marker;
      chunk.push(line);
    } else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.slice(marker.length).trim() === '') {
      chunk.push(line);
      flush(true);
      fence = undefined;
    } else chunk.push(line);
  }
  flush(fence !== undefined);
  return parts.join('\n');
}

const NAV_TAGS = new Set(['div', 'nav', 'p', 'footer', 'section']);
const RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;

/**
 * A navigation block of links at the end of a page, as docs themes add it: from
 * the first line that opens the same tag as the one that closes the page, with
 * the rules and blank lines just above it. Offsets of where it starts and of its opening tag.
 */
function trailingHtmlBlock(body: string): { start: number; tag: number } | undefined {
  const trimmed = body.trimEnd();
  const closing = /<\/([a-z]+)>$/i.exec(trimmed.slice(-12));
  const name = closing?.[1]?.toLowerCase();
  if (!name || !NAV_TAGS.has(name)) return undefined;
  const lines = body.split('\n');
  let offset = 0;
  const offsets: number[] = [];
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const opener = new RegExp(`^\\s*<${name}(?![\\w])`, 'i');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!opener.test(line) || body.indexOf('>', offsets[i]!) === -1) continue;
    let first = i;
    while (first > 0 && (lines[first - 1]!.trim() === '' || RULE.test(lines[first - 1]!))) first--;
    const tag = offsets[i]! + line.indexOf('<');
    // The block starts at the end of the line above it (or at the very top).
    return { start: first === 0 ? 0 : offsets[first]! - 1, tag };
  }
  return undefined;
}

export function stripJekyll(body: string): string {
  let text = outsideFences(body, (chunk) => stripIals(stripLiquidOutput(stripLiquidTags(chunk))));
  const nav = trailingHtmlBlock(text);
  if (nav) text = text.slice(0, nav.start) + blankLines(text.slice(nav.start));
  return text;
}

/** Jekyll-only markup left in a body, for lint warnings: [line, what] pairs. */
export function findJekyllMarkup(body: string): Array<{ line: number; what: string }> {
  const found: Array<{ line: number; what: string }> = [];
  const closes = (line: string, open: string, close: string): boolean => {
    const at = line.indexOf(open);
    return at !== -1 && line.indexOf(close, at + 2) !== -1;
  };
  body.split('\n').forEach((line, i) => {
    if (closes(line, '{%', '%}') || closes(line, '{{', '}}')) found.push({ line: i + 1, what: 'Liquid tag' });
    else if (ialStart(line) !== -1) found.push({ line: i + 1, what: 'kramdown attribute list' });
  });
  const nav = trailingHtmlBlock(body);
  if (nav) found.push({ line: body.slice(0, nav.tag).split('\n').length, what: 'HTML navigation block' });
  return found;
}
