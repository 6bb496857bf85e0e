// A lesson as search sees it: its title, headings and prose as plain lines,
// each with its line in the file. Quiz blocks are left out: they hold the answers.
import type { Lesson } from './lesson.js';
import { fold, stripEmoji, stripInlineMarkdown } from './text.js';

export type LineKind = 'title' | 'heading' | 'body';

export interface SearchLine {
  /** Display text: plain prose, no Markdown markup. */
  text: string;
  /** Line in the lesson file (the title counts as line 1, the front matter). */
  line: number;
  kind: LineKind;
}

export interface SearchDoc {
  id: string;
  number: string;
  title: string;
  file: string;
  lines: SearchLine[];
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function plain(markdown: string): string {
  return stripEmoji(stripInlineMarkdown(markdown))
    .replace(/^\s*>+\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/\s*\|\s*/g, ' · ')
    .replace(/^ · | · $/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The lines of a lesson worth searching: its title, headings and prose, with
 * file line numbers. Quiz blocks are left out: they hold the answers.
 */
export function searchDocFromLesson(lesson: Lesson, number: string): SearchDoc {
  const lines: SearchLine[] = [{ text: lesson.title, line: 1, kind: 'title' }];
  let fence: { marker: string; quiz: boolean } | undefined;
  lesson.body.split('\n').forEach((raw, i) => {
    const line = lesson.bodyLine + i;
    const f = FENCE.exec(raw);
    if (fence) {
      if (f && f[1]!.startsWith(fence.marker[0]!) && f[1]!.length >= fence.marker.length && f[2] === '') fence = undefined;
      else if (!fence.quiz && raw.trim() !== '') lines.push({ text: raw.trim(), line, kind: 'body' });
      return;
    }
    if (f) {
      fence = { marker: f[1]!, quiz: f[2]!.toLowerCase() === 'quiz' };
      return;
    }
    if (TABLE_RULE.test(raw) || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(raw)) return;
    const h = HEADING.exec(raw);
    const text = plain(h ? h[2]! : raw.replace(/<[^>\n]*>/g, ''));
    if (text === '') return;
    // The page's own top heading repeats its title: the title line already covers it.
    if (h && h[1] === '#' && fold(text) === fold(lesson.title)) return;
    lines.push({ text, line, kind: h ? 'heading' : 'body' });
  });
  return { id: lesson.id, number, title: lesson.title, file: lesson.file, lines };
}
