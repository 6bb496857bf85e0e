// Liquid, resolved the way Jekyll resolves it before kramdown sees the page,
// as far as that is possible without the site's data: `raw` keeps its text
// as written, `comment` and `capture` output nothing, `highlight` becomes a
// fenced code block, `link` becomes the page's path, `include` a visible
// placeholder, a loop a one-line note (its output comes from data pm-guide
// does not have), and any other tag or `{{ output }}` nothing. Every change
// keeps the line count, so line numbers in messages still point at the file.
//
// Jekyll runs Liquid over the whole page, code blocks included (that is what
// `raw` is for); pm-guide resolves `raw`, `comment` and `highlight`
// everywhere, but leaves other tags inside fenced code as written, since
// Markdown written for other tools shows such tags as examples.
//
// Written as scans: a page can hold thousands of "{%" that never close, and a
// backtracking pattern would take time that grows with the square of that.

/** Stands for "{" inside a `raw` block until Liquid is done, so no later step reads it as a tag. */
const HELD_BRACE = '\uE000';

const blankLines = (text: string): string => text.replace(/[^\n]/g, '');

interface Tag {
  start: number;
  end: number;
  name: string;
  /** The words after the tag's name. */
  args: string;
}

const TAG_BODY = /^\{%-?\s*(\w+)\s*([\s\S]*?)\s*-?%\}$/;

/** The next `{% ... %}` tag at or after `from`, or undefined. */
function nextTag(text: string, from: number): Tag | undefined {
  for (let start = text.indexOf('{%', from); start !== -1; start = text.indexOf('{%', start + 2)) {
    const close = text.indexOf('%}', start + 2);
    if (close === -1) return undefined; // No tag after this point can close either.
    const m = TAG_BODY.exec(text.slice(start, close + 2));
    if (m) return { start, end: close + 2, name: m[1]!.toLowerCase(), args: m[2]! };
  }
  return undefined;
}

/** The `{% end<name> %}` that closes a block opened before `from`, counting nested blocks of the same name. */
function findEnd(text: string, name: string, from: number): Tag | undefined {
  let depth = 0;
  for (let tag = nextTag(text, from); tag; tag = nextTag(text, tag.end)) {
    if (tag.name === name) depth++;
    else if (tag.name === `end${name}`) {
      if (depth === 0) return tag;
      depth--;
    }
  }
  return undefined;
}

/** `raw` blocks: the tags go, the text between them is held as written (its braces hidden from later steps). */
function holdRaw(text: string): string {
  if (!text.includes('raw')) return text;
  let out = '';
  let i = 0;
  for (let tag = nextTag(text, 0); tag; tag = nextTag(text, i)) {
    if (tag.name !== 'raw') {
      out += text.slice(i, tag.end);
      i = tag.end;
      continue;
    }
    // `raw` does not nest: the first endraw closes it.
    const close = /\{%-?\s*endraw\s*-?%\}/.exec(text.slice(tag.end));
    if (!close) break;
    const endStart = tag.end + close.index;
    out += text.slice(i, tag.start) + blankLines(text.slice(tag.start, tag.end)) + text.slice(tag.end, endStart).replaceAll('{', HELD_BRACE) + blankLines(close[0]);
    i = endStart + close[0].length;
  }
  return out + text.slice(i);
}

/** The words of a tag's arguments that name a file or path: the first, without quotes. */
const firstWord = (args: string): string => (/^["']?([^\s"']+)/.exec(args)?.[1] ?? '').slice(0, 200);

/** What a tag outside a block becomes, as text (newlines in it stand for the tag's own). */
function replaceTag(tag: Tag, source: string): string {
  const original = source.slice(tag.start, tag.end);
  const keepLines = blankLines(original);
  switch (tag.name) {
    case 'link':
    case 'post_url':
      return firstWord(tag.args) + keepLines;
    case 'include':
    case 'include_relative':
    case 'include_cached':
      return `\\[included: ${firstWord(tag.args) || 'a part of the site'}\\]${keepLines}`;
    default:
      return keepLines;
  }
}

/** Blocks whose output comes from the site's data: drawn as one line that says so. */
const GENERATED = new Set(['for', 'tablerow']);
/** Blocks that output nothing. */
const SILENT = new Set(['comment', 'capture']);

/**
 * Resolves block tags over the whole text (comments, captures, loops, highlight),
 * and single tags only where `inCode(offset)` is false.
 */
function resolveTags(text: string, inCode: (offset: number) => boolean): string {
  let out = '';
  let i = 0;
  // A block whose end tag is missing once is missing for every later opener too: not searched again.
  const unclosed = new Set<string>();
  for (let tag = nextTag(text, 0); tag; tag = nextTag(text, i)) {
    out += text.slice(i, tag.start);
    const isBlock = SILENT.has(tag.name) || GENERATED.has(tag.name) || tag.name === 'highlight';
    const end = isBlock && !unclosed.has(tag.name) ? findEnd(text, tag.name, tag.end) : undefined;
    if (isBlock && !end) unclosed.add(tag.name);
    if (end && tag.name === 'highlight') {
      // A fence of its own: the code between the tags, as written, on lines of its own.
      const lang = firstWord(tag.args);
      const code = text.slice(tag.end, end.start).replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '');
      const before = out.length === 0 || out.endsWith('\n') ? '' : '\n';
      out += `${before}\`\`\`${lang}\n${code}\n\`\`\``;
      i = end.end;
      continue;
    }
    if (end) {
      const span = text.slice(tag.start, end.end);
      out += GENERATED.has(tag.name) ? `*(a list that the site builds from its data)*${blankLines(span)}` : blankLines(span);
      i = end.end;
      continue;
    }
    out += inCode(tag.start) ? text.slice(tag.start, tag.end) : replaceTag(tag, text);
    i = tag.end;
  }
  return out + text.slice(i);
}

/** `{{ output }}` outside code: nothing (its value comes from the site's data). */
function dropOutput(text: string, inCode: (offset: number) => boolean): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('{{', i);
    if (start === -1) break;
    const close = text.indexOf('}}', start + 2);
    if (close === -1) break;
    out += text.slice(i, start) + (inCode(start) ? text.slice(start, close + 2) : blankLines(text.slice(start, close + 2)));
    i = close + 2;
  }
  return out + text.slice(i);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** A function telling whether an offset of `text` lies inside a fenced code block (an unclosed fence runs to the end). */
export function fencedRanges(text: string): (offset: number) => boolean {
  const ranges: Array<[number, number]> = [];
  let fence: string | undefined;
  let openAt = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      openAt = offset;
    } else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      ranges.push([openAt, offset + line.length]);
      fence = undefined;
    }
    offset += line.length + 1;
  }
  if (fence !== undefined) ranges.push([openAt, offset]);
  // Ranges are in order and apart: a binary search finds the one that could hold an offset.
  return (at) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = ranges[mid]!;
      if (at < a) hi = mid - 1;
      else if (at > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** A page's text with its Liquid resolved (see the top of this file). */
export function resolveLiquid(text: string): string {
  if (!text.includes('{%') && !text.includes('{{')) return text;
  let out = holdRaw(text);
  out = resolveTags(out, fencedRanges(out));
  out = dropOutput(out, fencedRanges(out));
  return out.replaceAll(HELD_BRACE, '{');
}
