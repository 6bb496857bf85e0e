// Text clean-up shared by loading, rendering and the quiz: repair of real-world
// encoding damage, removal of anything that could drive a terminal, and the
// normalisation used to compare answers.
import { repairMojibake } from './mojibake.js';

// Escape sequences are removed whole, so no half of one ("]0;title") is left behind.
// ESC [ ... final byte (CSI), ESC ] ... BEL or ST (OSC), ESC P/X/^/_ ... ST (DCS, SOS, PM, APC),
// ESC + intermediate bytes + one char (charset switches and the like),
// and the same in their 8-bit C1 forms. A string sequence that is never closed ends at the end of its line,
// so one stray ESC ] cannot swallow the rest of a lesson.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[\]PX^_][^\n]*?(?:\u0007|\u001b\\|\u009c|(?=\n)|$)|\u009b[0-?]*[ -/]*[@-~]?|[\u0090\u0098\u009d\u009e\u009f][^\n]*?(?:\u0007|\u001b\\|\u009c|(?=\n)|$)|\u001b[ -/]*[\s\S]?/g;
// C0 controls other than tab and newline, DEL, C1 controls, and the Unicode
// bidirectional overrides and isolates that can make text read differently from what it is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u061c]/g;

/**
 * Makes text from a lesson (or any outside source) safe to print: nothing in it
 * can move the cursor, clear the screen, set the title, write the clipboard or
 * reorder what is shown. Tabs become spaces; newlines stay.
 */
export function neutraliseTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(/\t/g, '    ');
}

/** Same as neutraliseTerminal, for text that must stay on one line (titles, choices, file names). */
export function neutraliseLine(text: string): string {
  return neutraliseTerminal(text).replace(/[\r\n]+/g, ' ');
}

/** Code points that must not come out of a character reference: controls (but newline), bidi controls, non-characters. */
function unsafeCodePoint(code: number): boolean {
  return (
    !Number.isFinite(code) ||
    code > 0x10ffff ||
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x061c
  );
}

/**
 * Removes HTML numeric character references that would turn into a control
 * when the Markdown is rendered (`&#x1b;[2J`, `&#155;`, `&#8238;`): the
 * renderer decodes them after the source text was cleaned.
 */
export function neutraliseEntities(text: string): string {
  if (!text.includes('&#')) return text;
  return text.replace(/&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,16}));/g, (ref: string, hex: string | undefined, dec: string | undefined) =>
    unsafeCodePoint(hex !== undefined ? parseInt(hex, 16) : Number(dec)) ? '' : ref,
  );
}

const SGR = /\u001b\[[0-9;]*m/y;

/**
 * For text pm-guide has rendered: keeps SGR styling (colour, bold, underline),
 * the only kind of sequence pm-guide emits itself, and removes every other
 * escape sequence and control but the newline.
 */
export function onlyOwnStyling(text: string): string {
  if (!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u061c]/.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const next = text.indexOf('\u001b', i);
    const chunk = next === -1 ? text.slice(i) : text.slice(i, next);
    out += neutraliseTerminal(chunk);
    if (next === -1) break;
    SGR.lastIndex = next;
    const sgr = SGR.exec(text);
    if (sgr) {
      out += sgr[0];
      i = next + sgr[0].length;
      continue;
    }
    // Any other sequence: neutralise from the ESC to the next ESC (or the end), which drops it whole.
    const following = text.indexOf('\u001b', next + 1);
    const end = following === -1 ? text.length : following;
    out += neutraliseTerminal(text.slice(next, end));
    i = end;
  }
  return out;
}

/**
 * Turns a lesson file's raw text into clean text: byte-order mark dropped, CRLF
 * and lone CR turned into LF, mojibake repaired, terminal controls removed.
 */
export function cleanSourceText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return neutraliseTerminal(repairMojibake(noBom.replace(/\r\n?/g, '\n')));
}

const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{fe0e}\u{fe0f}\u{200d}\u{20e3}\u{e0020}-\u{e007f}]/gu;

export function stripEmoji(text: string): string {
  return text.replace(EMOJI, '');
}

/** Plain prose from Markdown: no markup, no emoji, one line. */
export function prose(text: string): string {
  return stripEmoji(stripInlineMarkdown(text)).replace(/\s+/g, ' ').trim();
}

/**
 * `![text](target)` (images) or `[text](target)` (links) replaced by their text. A scan, not a
 * regular expression: "[" after "[" with no "]" would make a pattern look to the end each time.
 */
function stripLinks(text: string, images: boolean): string {
  if (!text.includes('](')) return text;
  let out = '';
  let from = 0;
  let pos = 0;
  for (;;) {
    const open = text.indexOf(images ? '![' : '[', pos);
    if (open === -1) break;
    const textStart = open + (images ? 2 : 1);
    const close = text.indexOf(']', textStart);
    if (close === -1) break; // No "]" left: no more links.
    if (text[close + 1] !== '(' || (!images && close === textStart)) {
      // Every "[" before this "]" meets the same "]": none of them starts a link.
      pos = close === textStart ? textStart : close + 1;
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end === -1) break; // No ")" left: no more links.
    out += text.slice(from, open) + text.slice(textStart, close);
    from = pos = end + 1;
  }
  return out + text.slice(from);
}

/** HTML tags on one line (`<b>`, `<a href="...">`) removed. */
function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  let out = '';
  let from = 0;
  let pos = 0;
  for (;;) {
    const open = text.indexOf('<', pos);
    if (open === -1) break;
    const close = text.indexOf('>', open + 1);
    if (close === -1) break;
    const newline = text.indexOf('\n', open + 1);
    if (newline !== -1 && newline < close) {
      pos = newline + 1; // A tag does not span lines: no "<" before this newline starts one.
      continue;
    }
    if (close === open + 1) {
      pos = open + 1;
      continue;
    }
    out += text.slice(from, open);
    from = pos = close + 1;
  }
  return out + text.slice(from);
}

/** Removes inline Markdown markup (emphasis, code, links, images, HTML tags), keeping the words. */
export function stripInlineMarkdown(text: string): string {
  return stripTags(stripLinks(stripLinks(text, true), false))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}

/** Clean display text for a heading, label or choice: no markup, emoji or numbering. */
export function plainLabel(text: string): string {
  return stripEmoji(stripInlineMarkdown(text))
    .replace(/^\s*(?:step\s+)?\d+(?:\.\d+)*[.):]?\s+/i, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
}

/** Lower case, accents dropped ("Café" and "cafe" compare equal). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Normal form for comparing typed answers: case, accents, punctuation, emoji and spacing ignored. */
export function normaliseAnswer(text: string): string {
  return fold(stripEmoji(text))
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Edit distance between two words, as typos are counted: an insertion, a
 * deletion, a substitution, or a swap of two neighbours ("raodmap") is one
 * edit (optimal string alignment). Bounded: returns max + 1 as soon as the
 * distance must exceed max.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** A short, stable, non-cryptographic hash (cyrb53) as base-36 text. */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Converts an offset in text to a 1-based line number. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** kebab-case slug for ids. */
export function slugify(text: string): string {
  return fold(stripEmoji(text))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
