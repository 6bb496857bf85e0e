// Renders a lesson's Markdown for the terminal with marked + marked-terminal,
// fitted to the width, with pm-guide's fixes on top: bold and code inside list
// items, links that show their real target, HTML reduced to its text, quiz
// blocks hidden, and no escape codes at all when colour is off.
import { Marked, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { neutraliseTerminal } from '../core/text.js';
import { stripAnsi, wrapLines } from './ansi.js';
import { c } from './theme.js';
import { loadHighlighter } from './highlight-shim.js';

export interface RenderOptions {
  width: number;
  color: boolean;
}

const MAX_TABLE_ROWS = 200;
const MAX_NESTING = 20;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => entities[e] ?? '');
}

/** Drops ```quiz blocks (they are questions, not reading) and limits pathological nesting. */
export function prepareMarkdown(body: string, title: string): string {
  let text = body.replace(/^(`{3,}|~{3,})[ \t]*quiz[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, '');
  // Hundreds of nested quotes or lists make marked recurse until it fails; nobody writes more than a few.
  text = text.replace(/^((?:[ \t]*>){20,})/gm, (m) => '>'.repeat(MAX_NESTING) + ' '.repeat(Math.max(0, m.length - MAX_NESTING)));
  text = text.replace(/^[ \t]{80,}/gm, (m) => m.slice(0, 80));
  if (!/^\s*#\s/m.test(text.split('\n').find((l) => l.trim() !== '') ?? '')) text = `# ${title}\n\n${text}`;
  return text;
}

export function needsHighlighter(markdown: string): boolean {
  return /^(`{3,}|~{3,})[ \t]*(?!quiz)\w/m.test(markdown);
}

function createMarked(options: RenderOptions): Marked {
  const marked = new Marked();
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
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const href = neutraliseTerminal(token.href);
        const plainText = stripAnsi(text).trim();
        if (plainText === href || plainText === href.replace(/^mailto:/, '')) return c.blue.underline(href);
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

function limitTables(markdown: string): string {
  // marked-terminal lays tables out cell by cell: thousands of rows take it many seconds.
  const lines = markdown.split('\n');
  const out: string[] = [];
  let run = 0;
  let dropped = 0;
  for (const line of lines) {
    if (/^\s*\|/.test(line)) {
      run++;
      if (run > MAX_TABLE_ROWS + 2) {
        dropped++;
        continue;
      }
    } else {
      if (dropped > 0) out.push('', `*(${dropped} more table rows not shown)*`);
      run = 0;
      dropped = 0;
    }
    out.push(line);
  }
  if (dropped > 0) out.push('', `*(${dropped} more table rows not shown)*`);
  return out.join('\n');
}

/** Renders lesson Markdown to terminal text. Never lets lesson content emit escape codes. */
export async function renderMarkdown(markdown: string, options: RenderOptions): Promise<string> {
  const source = limitTables(neutraliseTerminal(markdown));
  if (options.color && needsHighlighter(source)) await loadHighlighter();
  const width = Math.max(20, Math.min(options.width, 100));
  let out: string;
  try {
    out = createMarked({ ...options, width }).parse(source, { async: false }) as string;
  } catch {
    // A structure marked cannot handle (it recursed too deep): show the text as it is.
    out = source;
  }
  out = out.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\s+$/, '');
  out = wrapLines(out, width);
  return options.color ? out : stripAnsi(out);
}
