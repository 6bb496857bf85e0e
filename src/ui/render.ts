// Renders a lesson's Markdown for the terminal with marked + marked-terminal,
// fitted to the width, with pm-guide's fixes on top: bold and code inside list
// items, links that show their real target, HTML reduced to its text, quiz
// blocks hidden, and no escape codes at all when colour is off.
import { Marked, type MarkedExtension, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { neutraliseEntities, neutraliseTerminal, onlyOwnStyling } from '../core/text.js';
import { stripAnsi, wrapLines } from './ansi.js';
import { c } from './theme.js';
import { loadHighlighter } from './highlight-shim.js';

export interface RenderOptions {
  width: number;
  color: boolean;
}

// Limits that keep rendering fast whatever a lesson holds. marked and
// marked-terminal are quick on real lessons, but some shapes cost them time
// that grows with the square of their size (or recursion that overflows the
// stack): thousands of table cells, hundreds of nested lists or quotes, long
// runs of unmatched emphasis marks. No lesson a person writes comes near these.
const MAX_TABLE_ROWS = 200;
const MAX_TABLE_COLUMNS = 16;
/** Table cells in one lesson, all tables together: marked-terminal lays out about ten thousand a second. */
const MAX_TABLE_CELLS = 4000;
const MAX_NESTING = 16;
/** Characters marked's inline lexer may look at, per character of the lesson (at least 20 million), before the rest is left as plain text. */
const INLINE_SCAN_PER_CHAR = 100;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Removes the spans from `open` to `close` (inclusive), in one pass; an unclosed span runs to the end. */
function removeSpans(text: string, open: string, close: string, caseless = false): string {
  const hay = caseless ? text.toLowerCase() : text;
  let out = '';
  let i = 0;
  for (;;) {
    const start = hay.indexOf(open, i);
    if (start === -1) return out + text.slice(i);
    out += text.slice(i, start);
    const end = hay.indexOf(close, start + open.length);
    if (end === -1) return out;
    i = end + close.length;
  }
}

/** Drops tags, keeping the text between them. Linear: an unclosed "<" is kept as text. */
function dropTags(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('<', i);
    if (start === -1) return out + text.slice(i);
    const end = text.indexOf('>', start + 1);
    if (end === -1) return out + text.slice(i);
    out += text.slice(i, start);
    i = end + 1;
  }
}

function htmlToText(html: string): string {
  let text = html.replace(/<br\s*\/?>/gi, '\n');
  text = removeSpans(text, '<!--', '-->');
  text = removeSpans(removeSpans(text, '<script', '</script>', true), '<style', '</style>', true);
  return dropTags(text).replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => entities[e] ?? '');
}

/** Drops ```quiz blocks (they are questions, not reading) and puts the title on top when the body has none. */
export function prepareMarkdown(body: string, title: string): string {
  let text = body.replace(/^(`{3,}|~{3,})[ \t]*quiz[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, '');
  if (!/^\s*#\s/m.test(text.split('\n').find((l) => l.trim() !== '') ?? '')) text = `# ${title}\n\n${text}`;
  return text;
}

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

export function needsHighlighter(markdown: string): boolean {
  return /^(`{3,}|~{3,})[ \t]*(?!quiz)\w/m.test(markdown);
}

/** Link text that reads as a web address: a scheme, "www.", or a lower-case host name with a dot. */
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[:/?#]\S*)?$/i;

function hostOf(address: string): string {
  return address
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^mailto:/i, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./i, '')
    .toLowerCase();
}

function createMarked(options: RenderOptions, sourceLength: number): Marked {
  const marked = new Marked();
  // marked lexes inline text by trying each kind of token at the current
  // place, and several of them (emphasis, e-mail autolinks) look ahead to the
  // end of the paragraph: on a long run of marks that never match, that makes
  // time grow with the square of the paragraph. Escapes are tried first at
  // every place, so they count what is looked at; past the budget, the rest
  // of the lesson is plain text, shown as written.
  const budget = Math.max(20_000_000, INLINE_SCAN_PER_CHAR * sourceLength);
  let scanned = 0;
  // marked's types want an escape token back; a text token is what its inline lexer takes for plain words.
  const tokenizer = {
    escape: (src: string) => {
      scanned += src.length;
      return scanned > budget ? { type: 'text', raw: src, text: src } : false;
    },
  } as unknown as MarkedExtension['tokenizer'];
  marked.use({ tokenizer });
  marked.use(
    markedTerminal({
      width: options.width,
      reflowText: true,
      showSectionPrefix: false,
      tab: 2,
      emoji: false,
      firstHeading: c.bold.magenta,
      heading: c.bold.cyan,
      strong: c.bold,
      em: c.italic,
      codespan: c.yellow,
      code: c.yellow,
      blockquote: c.italic,
      del: c.strikethrough,
      link: c.blue,
      href: c.blue.underline,
      hr: c.dim,
      tableOptions: { style: { head: options.color ? ['cyan', 'bold'] : [], border: options.color ? ['grey'] : [] } },
    }) as never,
  );
  marked.use({
    renderer: {
      // marked-terminal prints the raw text of tight list items, leaving **bold** as asterisks.
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        // A soft line break inside a list item is a space; wrapLines re-wraps it with the item's indent.
        return token.text.replace(/\n[ \t]*/g, ' ');
      },
      // Always show where a link goes: the text alone could claim to be another address.
      // Text that is itself an address on another host is not shown at all, only the real target.
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const href = neutraliseTerminal(token.href);
        const plainText = stripAnsi(text).trim();
        if (plainText === href || plainText === href.replace(/^mailto:/, '')) return c.blue.underline(href);
        if (ADDRESS.test(plainText) && hostOf(plainText) !== hostOf(href)) return c.blue.underline(href);
        return `${c.blue(text)} ${c.dim('<')}${c.blue.underline(href)}${c.dim('>')}`;
      },
      // Levels told apart: the title, then sections, then sub-sections.
      heading(token: Tokens.Heading) {
        const text = this.parser.parseInline(token.tokens);
        const style = token.depth === 1 ? c.bold.magenta : token.depth === 2 ? c.bold.cyan.underline : token.depth === 3 ? c.bold.cyan : c.bold;
        return `${style(text)}\n\n`;
      },
      image(token: Tokens.Image) {
        return c.dim(`[image: ${token.text || 'no description'}] <${neutraliseTerminal(token.href)}>`);
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        return htmlToText(token.text);
      },
    },
  });
  return marked;
}

/** Renders lesson Markdown to terminal text. Never lets lesson content emit escape codes. */
export async function renderMarkdown(markdown: string, options: RenderOptions): Promise<string> {
  // Controls are removed before parsing, and character references that would decode into one
  // (&#x1b;, &#155;, &#8238;) too; what comes out is filtered once more, keeping only styling.
  const source = limitMarkdown(neutraliseEntities(neutraliseTerminal(markdown)));
  if (options.color && needsHighlighter(source)) await loadHighlighter();
  const width = Math.max(20, Math.min(options.width, 100));
  let out: string;
  try {
    out = createMarked({ ...options, width }, source.length).parse(source, { async: false }) as string;
  } catch {
    // A structure marked cannot handle (it recursed too deep): show the text as it is.
    out = source;
  }
  out = out.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd();
  out = onlyOwnStyling(wrapLines(out, width));
  return options.color ? out : stripAnsi(out);
}
