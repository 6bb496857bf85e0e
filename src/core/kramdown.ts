// What kramdown (Jekyll's Markdown) reads differently from CommonMark, turned
// into the Markdown that marked reads the same way, when a page is shown:
//
// - an HTML block ends at its closing tag, not at a blank line, so a fence or
//   a heading right after `</div>` is Markdown again; and `markdown="1"` asks
//   for the block's content to be read as Markdown. Lines that are nothing but
//   block tags become blank lines, so what they hold is read as Markdown.
// - `<img alt=...>` is an image like `![alt](src)`, shown the same way.
// - footnotes: `[^name]` markers are numbered and the notes listed at the end.
// - definition lists (`Term` then `: definition`), task lists (`- [ ]`),
//   abbreviation definitions (`*[HTML]: ...`, dropped), and math (`$$...$$`),
//   shown as written, braces and all.
//
// Fenced code is left exactly as written. Pure text in, text out.
import { fencedRanges } from './liquid.js';

/** Tags kramdown treats as blocks: a line holding only these is structure, not text. */
const BLOCK_TAGS =
  'address|article|aside|blockquote|body|center|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|html|li|main|menu|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';
/** Inline tags alone on a line would open a raw HTML block in CommonMark; kramdown reads the Markdown around them. */
const INLINE_TAGS = 'a|abbr|b|big|cite|em|font|i|kbd|label|mark|small|span|strong|sub|sup|u';
const TAG_ONLY_LINE = new RegExp(`^[ \\t]*(?:</?(?:${BLOCK_TAGS}|${INLINE_TAGS})(?:\\s[^<>]*)?/?>[ \\t]*)+$`, 'i');

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const attr = (tag: string, name: string): string | undefined => {
  const m = ATTRIBUTE(name).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/** `<img src alt>` as a Markdown image, which the renderer shows as a placeholder with its description. */
function htmlImages(line: string): string {
  if (!/<img\b/i.test(line)) return line;
  return line.replace(/<img\b[^>]*>/gi, (tag) => {
    const alt = (attr(tag, 'alt') ?? attr(tag, 'title') ?? '').replace(/[[\]]/g, '');
    return `![${alt}](${(attr(tag, 'src') ?? '').replace(/[()\s]/g, '')})`;
  });
}

/** Applies `fn` to each line outside fenced code, with the line's index; fn may return several lines or none. */
function mapProse(text: string, fn: (line: string, index: number, lines: string[]) => string | string[]): string {
  const lines = text.split('\n');
  const inCode = fencedRanges(text);
  const out: string[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const code = inCode(offset);
    offset += line.length + 1;
    if (code) out.push(line);
    else {
      const r = fn(line, i, lines);
      if (Array.isArray(r)) out.push(...r);
      else out.push(r);
    }
  });
  return out.join('\n');
}

const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;

/** Footnotes: markers become [1], [2] in the order they first appear; the notes follow the page under a rule. */
function footnotes(text: string): string {
  if (!text.includes('[^')) return text;
  const notes = new Map<string, string[]>();
  let current: string[] | undefined;
  let body = mapProse(text, (line) => {
    const def = FOOTNOTE_DEF.exec(line);
    if (def) {
      current = [def[2]!.trim()];
      notes.set(def[1]!, current);
      return [];
    }
    // A note goes on over indented lines (and blank lines between them).
    if (current && (/^(?: {4}|\t)/.test(line) || (line.trim() === '' && current.length > 0))) {
      current.push(line.trim());
      return [];
    }
    current = undefined;
    return line;
  });
  const numbers = new Map<string, number>();
  body = mapProse(body, (line) =>
    line.replace(/\[\^([^\]\s]+)\]/g, (whole, name: string) => {
      if (!notes.has(name)) return whole;
      if (!numbers.has(name)) numbers.set(name, numbers.size + 1);
      return `\\[${numbers.get(name)}\\]`;
    }),
  );
  if (numbers.size === 0) return body;
  const listed = [...numbers].map(([name, n]) => `\\[${n}\\] ${notes.get(name)!.join(' ').replace(/\s+/g, ' ').trim()}`);
  return `${body.trimEnd()}\n\n---\n\n${listed.join('\n\n')}\n`;
}

const DEFINITION = /^ {0,3}:[ \t]+(.*)$/;
const STRUCTURE = /^[ \t]*(?:[#>|*+-]|\d+[.)]|`{3}|~{3}|<)/;

/** Definition lists: the term in bold on a line of its own, each definition on the lines under it. */
function definitionLists(text: string): string {
  if (!/^ {0,3}:[ \t]/m.test(text)) return text;
  return mapProse(text, (line, i, lines) => {
    const def = DEFINITION.exec(line);
    if (def) {
      const next = lines[i + 1];
      const more = next !== undefined && DEFINITION.test(next);
      return `${def[1]}${more ? '\\' : ''}`;
    }
    const next = lines[i + 1];
    if (next !== undefined && DEFINITION.test(next) && line.trim() !== '' && !STRUCTURE.test(line)) return `**${line.trim()}**\\`;
    return line;
  });
}

/** Task list items keep their boxes as text: `- [ ] item` is shown as "[ ] item", `- [x]` as "[x]". */
const taskItem = (line: string): string => line.replace(/^([ \t]*(?:[*+-]|\d+[.)])[ \t]+)\[([ xX])\][ \t]+/, (_, lead: string, mark: string) => `${lead}\\[${mark === ' ' ? ' ' : 'x'}\\] `);

/** Math, shown as written: `$$...$$` in a line becomes code; a `$$` block, a fenced block. */
function math(text: string): string {
  if (!text.includes('$$')) return text;
  let inBlock = false;
  return mapProse(text, (line) => {
    if (/^[ \t]*\$\$[ \t]*$/.test(line)) {
      inBlock = !inBlock;
      return inBlock ? '```math' : '```';
    }
    if (inBlock) return line;
    return line
      .split(/(`+[^`]*`+)/)
      .map((part, k) => (k % 2 === 1 ? part : part.replace(/\$\$([^$\n]+?)\$\$/g, (_, tex: string) => `\`${tex.includes('`') ? tex.replace(/`/g, "'") : tex}\``)))
      .join('');
  });
}

/** Where src/core/jekyll.ts found kramdown's table-of-contents marker (`1. TOC` and `{:toc}`). */
export const TOC_MARK = '<!-- pm-guide: table of contents -->';

/** The page's sections (## and ###) as a list, where the page asked for its table of contents. */
function tableOfContents(text: string): string {
  if (!text.includes(TOC_MARK)) return text;
  // Headings above the marker are the page's title and the TOC's own heading, which sites mark no_toc.
  const entries: string[] = [];
  let seenMark = false;
  mapProse(text, (line) => {
    if (line.trim() === TOC_MARK) seenMark = true;
    const m = /^(#{2,3})[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (m && seenMark) entries.push(`${m[1] === '###' ? '  ' : ''}- ${m[2]}`);
    return line;
  });
  let drawn = false;
  return mapProse(text, (line) => {
    if (line.trim() !== TOC_MARK) return line;
    if (drawn || entries.length === 0) return '';
    drawn = true;
    return ['', ...entries, ''];
  });
}

/** Everything above, in the order kramdown's reading needs it. */
export function kramdownToMarkdown(markdown: string): string {
  let text = tableOfContents(markdown);
  text = mapProse(text, (line) => {
    if (TAG_ONLY_LINE.test(line)) return '';
    if (/^\*\[[^\]]+\]:/.test(line)) return []; // An abbreviation's definition: kramdown shows it only as a tooltip.
    return taskItem(htmlImages(line));
  });
  text = math(text);
  text = footnotes(text);
  return definitionLists(text);
}
