// Renders a lesson's Markdown for the terminal with marked + marked-terminal,
// fitted to the width, with pm-guide's fixes on top: bold and code inside list
// items, links that show their real target, HTML reduced to its text, quiz
// blocks hidden, and no escape codes at all when colour is off.
import { Marked, type MarkedExtension, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { neutraliseEntities, neutraliseTerminal, onlyOwnStyling } from '../core/text.js';
import { stripAnsi, wrapLines } from './ansi.js';
import { c } from './theme.js';
import { INLINE_SCAN_PER_CHAR, limitMarkdown } from './render-limits.js';
import { kramdownToMarkdown } from '../core/kramdown.js';
import { renderCodeBlock } from './code-block.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  width: number;
  color: boolean;
}

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
  let text = kramdownToMarkdown(body).replace(/^(`{3,}|~{3,})[ \t]*quiz[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, '');
  if (!/^\s*#\s/m.test(text.split('\n').find((l) => l.trim() !== '') ?? '')) text = `# ${title}\n\n${text}`;
  return text;
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
      reflowText: false,
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
      // marked-terminal's default (chalk.reset) doubles every reset code inside an item at each level of nesting.
      listitem: (text: string) => text,
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
        // A link within the page, or to the site's own top, says nothing a terminal reader can follow.
        if (href === '' || href === '/' || href === '.' || href.startsWith('#')) return text;
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
      // A rule as wide as the text (marked-terminal's own takes the width of process.stdout when it does not reflow).
      hr() {
        return `${c.dim('-'.repeat(options.width - 1))}\n\n`;
      },
      // Code as written: never wrapped, a line too wide cut with a visible "…".
      code(token: Tokens.Code) {
        return renderCodeBlock(token.text, options.width, c.yellow, c.dim);
      },
      // Tables fitted to the width: cells wrapped, or the rows as records.
      table(token: Tokens.Table) {
        const cell = (t: Tokens.TableCell): string => stripAnsi(this.parser.parseInline(t.tokens)).replace(/\s+/g, ' ').trim();
        const rows = [token.header.map(cell), ...token.rows.map((r) => r.map(cell))];
        return renderTable(rows, options.width, { head: options.color ? c.cyan.bold : (s) => s, border: options.color ? c.gray : (s) => s });
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
