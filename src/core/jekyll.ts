// Jekyll-only markup that must never reach the learner as raw noise. Every
// removal keeps the line count, so line numbers in messages and quiz sources
// still point at the right line of the file.
//
// Written as scans rather than regular expressions: a lesson can hold
// thousands of "{%" that never close, or a line of spaces a megabyte long,
// and a backtracking pattern takes time that grows with the square of that.

// Jekyll-only markup, resolved as Jekyll and kramdown would before the page is
// shown: Liquid (src/core/liquid.ts), kramdown's attribute lists and header
// ids removed, callouts given their label, the table-of-contents marker
// marked (the page's sections are listed there when it is shown), and the navigation block
// some sites put at the end of a page. Every change keeps the line count, so
// line numbers in messages and quiz sources still point at the right line.
// What kramdown renders differently from CommonMark (HTML blocks, footnotes,
// definition lists...) is turned into Markdown when a page is shown:
// src/core/kramdown.ts.
import { TOC_MARK } from './kramdown.js';
import { resolveLiquid } from './liquid.js';
import { defaultSiteConfig, type SiteConfig } from './site.js';

const blankLines = (text: string): string => text.replace(/[^\n]/g, '');

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

/** A line that is nothing but attribute lists (`{: .note }`, `{:toc}`, `{::options ... /}`). */
const IAL_LINE = /^[ \t]*(?:\{:[^}\n]*\}[ \t]*)+$/;
/** An attribute list or a header id inside a line: `{: .btn }`, `{:.x}`, `{#id}`, `{: #id}`, kramdown's `{::...}` and `{:/}`. */
const INLINE_IAL = /[ \t]*\{(?::[^}\n]*|#[\w:.-]+)\}/g;
const TOC_ITEM = /^[ \t]*(?:[*+-]|1\.)[ \t]+TOC[ \t]*$/i;

/** Removes attribute lists and header ids from a line, outside its `code spans`. */
function dropInlineIals(line: string): string {
  if (!line.includes('{:') && !line.includes('{#')) return line;
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(INLINE_IAL, '')))
    .join('');
}

/** The classes an attribute-list line names: `{: .note .fs-5 }` gives note and fs-5. */
const classesOf = (line: string): string[] => [...line.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);

/** The callout a line of attribute lists makes: its label (possibly none) and whether its content opens with its own title. */
function calloutOf(line: string, site: SiteConfig): { label: string | undefined; titled: boolean } | undefined {
  for (const name of classesOf(line)) {
    if (site.callouts.has(name)) return { label: site.callouts.get(name), titled: false };
    const base = name.replace(/-title$/, '');
    if (base !== name && site.callouts.has(base)) return { label: site.callouts.get(base), titled: true };
  }
  return undefined;
}

/** Marks the block starting at `lines[at]` as a callout: a block quote that opens with its label (or its own title, in bold). */
function markCallout(lines: string[], at: number, callout: { label: string | undefined; titled: boolean }): void {
  const line = lines[at]!;
  const quoted = /^[ \t]*>[ \t]?/.exec(line);
  const rest = quoted ? line.slice(quoted[0].length) : line.trimStart();
  if (callout.titled && quoted && rest.trim() !== '') lines[at] = `> **${rest.trim()}**`;
  else if (callout.label) lines[at] = `> **${callout.label}:** ${rest}`;
  else lines[at] = `> ${rest}`;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Attribute lists, header ids, callouts and the TOC marker, line by line outside fenced code. */
function resolveKramdownMarks(text: string, site: SiteConfig): string {
  if (!text.includes('{:') && !text.includes('{#')) return text;
  const lines = text.split('\n');
  const inFence: boolean[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      inFence.push(true);
    } else if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      inFence.push(true);
    } else inFence.push(false);
  }
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i]!.trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inFence[i]) continue;
    if (!IAL_LINE.test(line)) {
      lines[i] = dropInlineIals(line);
      continue;
    }
    // The TOC marker: a one-item list "1. TOC" (or "* TOC") with {:toc} under it; drawn when the page is shown.
    if (/\{:\s*(?:\.no_toc\s*)?toc\s*\}/.test(line)) {
      if (i > 0 && TOC_ITEM.test(lines[i - 1]!)) lines[i - 1] = TOC_MARK;
      lines[i] = '';
      continue;
    }
    lines[i] = '';
    const callout = calloutOf(line, site);
    if (!callout) continue;
    // An attribute list right under a block belongs to that block; otherwise to the block after it.
    let target: number | undefined;
    if (!blank(i - 1) && !inFence[i - 1]) {
      target = i - 1;
      while (!blank(target - 1) && !inFence[target - 1]) target--;
    } else if (!blank(i + 1) && !inFence[i + 1]) target = i + 1;
    // (A heading is not made a callout: the theme styles callouts as boxes of text.)
    if (target !== undefined && !IAL_LINE.test(lines[target]!) && !/^ {0,3}#/.test(lines[target]!)) markCallout(lines, target, callout);
  }
  return lines.join('\n');
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

export function stripJekyll(body: string, site: SiteConfig = defaultSiteConfig()): string {
  let text = resolveKramdownMarks(resolveLiquid(body), site);
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
