// What lint says about a page's Jekyll and kramdown markup: one line per kind
// of markup that pm-guide leaves out (not one per line it appears on), and a
// warning or error for each thing that damages the page as shown: a block tag
// that never closes, a fence that never closes, a front matter key given twice.
import { fencedRanges } from './liquid.js';
import { splitFrontMatter, parseFrontMatter } from './front-matter.js';

export interface MarkupFinding {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** Liquid output and tags that need the site's data: counted by kind, with the first line of each. */
const LEFT_OUT: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /\{\{[^\n]*?\}\}/g, what: 'Liquid output ({{ ... }}) is left out: its value comes from the site when it is built' },
  { pattern: /\{%-?\s*(?:for|tablerow)\b/g, what: 'Liquid loops are shown as one line: their output comes from the site when it is built' },
  { pattern: /\{%-?\s*(?:include|include_relative|include_cached)\b/g, what: 'includes are shown as a placeholder: pm-guide does not read the site\'s _includes' },
  { pattern: /\{%-?\s*(?:if|unless|case|assign|capture)\b/g, what: 'Liquid conditions and variables are left out: pm-guide shows every branch' },
];

function leftOut(text: string, file: string, inCode: (offset: number) => boolean): MarkupFinding[] {
  const out: MarkupFinding[] = [];
  for (const { pattern, what } of LEFT_OUT) {
    const hits = [...text.matchAll(pattern)].filter((m) => !inCode(m.index!));
    if (hits.length === 0) continue;
    out.push({ file, line: lineAt(text, hits[0]!.index!), severity: 'warning', message: `${what} (${hits.length} place${hits.length === 1 ? '' : 's'}, the first here)` });
  }
  return out;
}

/** Block tags whose end is missing: everything after them is shown as written. */
function unclosed(text: string, file: string): MarkupFinding[] {
  const out: MarkupFinding[] = [];
  for (const name of ['raw', 'comment', 'highlight', 'capture', 'for']) {
    const opens = [...text.matchAll(new RegExp(`\\{%-?\\s*${name}\\b`, 'g'))];
    const closes = [...text.matchAll(new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g'))];
    if (opens.length > closes.length) {
      const first = opens[closes.length]!;
      out.push({ file, line: lineAt(text, first.index!), severity: 'error', message: `{% ${name} %} is never closed with {% end${name} %}: the rest of the page is shown as written` });
    }
  }
  return out;
}

/** A fence that never closes turns the rest of the page into code. */
function unclosedFence(text: string, file: string): MarkupFinding[] {
  let fence: string | undefined;
  let openLine = 0;
  text.split('\n').forEach((line, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      openLine = i + 1;
    } else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
  });
  return fence === undefined ? [] : [{ file, line: openLine, severity: 'error', message: 'this code fence is never closed: the rest of the page is shown as code' }];
}

function duplicateKeys(text: string, file: string): MarkupFinding[] {
  try {
    const split = splitFrontMatter(text, file);
    if (split.yaml === undefined) return [];
    const fm = parseFrontMatter(split.yaml, file, split.yamlLine);
    return (fm.duplicateKeys ?? []).map((d) => ({ file, line: d.line, severity: 'warning' as const, message: `front matter "${d.key}" is given twice: Jekyll and pm-guide take the last one` }));
  } catch {
    return []; // Front matter that does not parse is reported by lint itself.
  }
}

/** The markup findings for one page's text (the whole file, front matter and all). */
export function markupFindings(text: string, file: string): MarkupFinding[] {
  const clean = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const inCode = fencedRanges(clean);
  return [...duplicateKeys(clean, file), ...unclosed(clean, file), ...unclosedFence(clean, file), ...leftOut(clean, file, inCode)];
}
