// Jekyll-only markup that must never reach the learner as raw noise. Every
// removal keeps the line count, so line numbers in messages and quiz sources
// still point at the right line of the file.

const blankLines = (text: string): string => text.replace(/[^\n]/g, '');

const LIQUID_COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g;
const LIQUID_RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;
const LIQUID_TAG = /\{%[\s\S]*?%\}/g;
const LIQUID_OUTPUT = /\{\{[\s\S]*?\}\}/g;
const KRAMDOWN_IAL_LINE = /^[ \t]*\{:[^}\n]*\}[ \t]*$/gm;
const KRAMDOWN_IAL_TRAILING = /[ \t]*\{:[^}\n]*\}[ \t]*$/gm;
// A navigation block of links at the end of a page, as docs themes add it.
const TRAILING_HTML_BLOCK = /(?:^|\n)(?:[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*\n|\s)*<(div|nav|p|footer|section)\b[^>]*>[\s\S]*<\/\1>\s*$/i;

function outsideFences(text: string, transform: (chunk: string) => string): string {
  // Split into fenced code blocks (kept as they are) and everything else.
  const parts = text.split(/(^(?:`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^(?:`{3,}|~{3,})[ \t]*$|(?![\s\S])))/m);
  return parts.map((part, i) => (i % 2 === 1 ? part : transform(part))).join('');
}

export function stripJekyll(body: string): string {
  let text = outsideFences(body, (chunk) =>
    chunk
      .replace(LIQUID_COMMENT, blankLines)
      .replace(LIQUID_RAW, '$1')
      .replace(LIQUID_TAG, blankLines)
      .replace(LIQUID_OUTPUT, blankLines)
      .replace(KRAMDOWN_IAL_LINE, '')
      .replace(KRAMDOWN_IAL_TRAILING, ''),
  );
  text = text.replace(TRAILING_HTML_BLOCK, (m) => blankLines(m));
  return text;
}

/** Jekyll-only markup left in a body, for lint warnings: [line, what] pairs. */
export function findJekyllMarkup(body: string): Array<{ line: number; what: string }> {
  const found: Array<{ line: number; what: string }> = [];
  body.split('\n').forEach((line, i) => {
    if (/\{%.*%\}|\{\{.*\}\}/.test(line)) found.push({ line: i + 1, what: 'Liquid tag' });
    else if (/^\s*\{:[^}]*\}\s*$/.test(line) || /\{:[^}]*\}\s*$/.test(line)) found.push({ line: i + 1, what: 'kramdown attribute list' });
  });
  const nav = TRAILING_HTML_BLOCK.exec(body);
  if (nav) {
    const offset = nav.index + nav[0].indexOf('<');
    found.push({ line: body.slice(0, offset).split('\n').length, what: 'HTML navigation block' });
  }
  return found;
}
