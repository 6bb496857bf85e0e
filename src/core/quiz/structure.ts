// Reads the knowledge a lesson holds from its own structure: responsibilities
// (`###` sections and bold-label bullets, grouped by the heading above them),
// their examples and outcomes, tool tables, and authored ```quiz blocks.
// Line-based, so every fact keeps the file line it came from.
import { plainLabel, prose } from '../text.js';
import { readDecisionTable } from './decision-table.js';
import { SEPARATOR, mergeTools, readToolTable, splitRow, type TableRow } from './tool-table.js';
import type { DecisionTable, Item, LessonStructure, ToolGroup } from './types.js';

const FENCE = /^(\s*)(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const HEADING = /^(#{1,6})[ \t]+(\S.*)$/;
const BULLET = /^(\s*)(?:[-*+]|\d+[.)])[ \t]+(.*)$/;
// "**Label**: text", "**Label:** text", "**Label** - text", "**Label** — text"
const BOLD_LABEL = /^(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*(?:[:：]|[-–—](?=\s))?[ \t]*(.*)$/;
const EXAMPLE_LABEL = /^(examples?|for example|e\.g\.?|scenario|case)$/i;
const OUTCOME_LABEL = /^(outcomes?|results?|impact|why it matters)$/i;
/** Headings that wrap up or frame a lesson rather than name something in it. */
const NOT_AN_ITEM =
  /^(conclusion|summary|recap|in summary|key takeaways?|takeaways?|check yourself|quiz|self[- ]check|further reading|references|sources|resources|next steps?|introduction|overview|what you will learn|tools of the trade|tools)$|^(examples?|for example)\b/i;
/** Areas that cite rather than teach: nothing under them is quizzed, however it is written. */
const NOT_TAUGHT = /^(sources|references|further reading|bibliography|notes and sources)$/i;
/**
 * A story heading ("Priya's day", "A week with Sam") tells a tale, it does not
 * name an idea: a question whose answer is "Priya's day" tests nothing. A
 * possessive of a capitalised word, or a day or week with someone, marks one.
 * "A day in the life" is not one: the sections under it name kinds of work.
 */
/** An idea named after its author ("Porter's five forces", "Maslow's hierarchy") is not a story. */
const NAMED_IDEA = /\b(model|framework|law|forces|hierarchy|matrix|canvas|method|principle|razor|curve|triangle|pyramid|theory|test|rule)s?\b/i;
export function isStoryHeading(name: string): boolean {
  if (NAMED_IDEA.test(name)) return false;
  return /\b[A-Z][a-z]+['’]s\b/.test(name) || /\b(a|one) (day|week|morning|month) (with|at)\b/i.test(name);
}

// Bounds on what one lesson contributes, so that a huge or machine-made file
// cannot make quiz generation slow (it compares items with one another):
// far more than any lesson a person writes.
const MAX_ITEMS = 200;
const MAX_TOOL_GROUPS = 100;
const MAX_TABLE_ROWS = 200;
const MAX_TABLE_COLUMNS = 8;
/** Text gathered for one description, example or outcome; questions use the first sentence or two. */
const MAX_GATHERED = 1000;

/** A heading's depth and text, without a closing run of "#" (which must follow a space, as in CommonMark). */
export function headingOf(line: string): { depth: number; text: string } | undefined {
  const m = HEADING.exec(line);
  if (!m) return undefined;
  let text = m[2]!.trimEnd();
  const hashes = /(?:^|[ \t])#+$/.exec(text.length > 200 ? text.slice(-200) : text);
  if (hashes) text = text.slice(0, text.length - hashes[0].length).trimEnd();
  return text === '' ? undefined : { depth: m[1]!.length, text };
}

/**
 * The lines of the first paragraph after line `index` (blank lines before it
 * skipped), up to a blank line, a heading or a code fence: what a section says
 * of itself under its heading.
 */
export function paragraphAfter(lines: readonly string[], index: number): string[] {
  const para: string[] = [];
  for (const line of lines.slice(index + 1)) {
    if (headingOf(line) || FENCE.test(line)) break;
    if (line.trim() === '') {
      if (para.length > 0) break;
      continue;
    }
    para.push(line);
  }
  return para;
}

/** The first one or two sentences, at most ~240 characters, cut at a word. */
export function firstSentences(text: string, max = 240): string {
  // A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket), then space and a capital.
  const sentences = text.split(/(?<=[.!?]["'”’)\]]*)\s+(?=[A-Z0-9“"‘'(])/).filter((s) => s.trim() !== '');
  if (sentences.length === 0) return '';
  let out = sentences[0]!.trim();
  if (out.length < 90 && sentences[1]) out = `${out} ${sentences[1].trim()}`;
  if (out.length > max) out = `${out.slice(0, max).replace(/\s+\S*$/, '')}…`;
  return out;
}


export function extractStructure(body: string, bodyLine: number): LessonStructure {
  const lines = body.split('\n');
  const items: Item[] = [];
  const tools: ToolGroup[] = [];
  const quizBlocks: LessonStructure['quizBlocks'] = [];

  let area: string | undefined;
  /** Under a story heading ("A day in the life"), `###` headings are scenes of the story, not ideas; under "Sources", citations. */
  let storyArea = false;
  let section: Item | undefined;
  let sectionHeading: string | undefined;
  let collectingDescription = false;
  let lastBullet: { item: Item; indent: number } | undefined;
  const decisions: DecisionTable[] = [];
  let table: TableRow[] = [];
  let header: string[] | undefined;
  let fence: { marker: string; lang: string; start: number; lines: string[] } | undefined;
  /** Appends a wrapped line to the bullet text read last. */
  let continuation: ((more: string) => void) | undefined;

  const fileLine = (i: number): number => bodyLine + i;
  const flushTable = (): void => {
    // Tool tables are short and narrow; a big table is data, not a list of tools.
    if (table.length > 0 && table.length <= MAX_TABLE_ROWS && table.every((r) => r.cells.length <= MAX_TABLE_COLUMNS) && tools.length < MAX_TOOL_GROUPS) {
      tools.push(...readToolTable({ header, rows: table }));
      const decision = readDecisionTable({ header, rows: table });
      if (decision) decisions.push(decision);
    }
    table = [];
    header = undefined;
  };
  const flushSection = (): void => {
    if (section) section.description = firstSentences(section.description);
    section = undefined;
    collectingDescription = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;

    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[2]!.startsWith(fence.marker[0]!) && close[2]!.length >= fence.marker.length && close[3] === '') {
        if (fence.lang === 'quiz') quizBlocks.push({ yaml: fence.lines.join('\n'), line: fileLine(fence.start + 1) });
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      flushTable();
      continuation = undefined;
      collectingDescription = false;
      fence = { marker: open[2]!, lang: open[3]!.toLowerCase(), start: i, lines: [] };
      continue;
    }

    if (/^\s*\|/.test(line)) {
      if (SEPARATOR.test(line)) {
        // The row before the separator is the header: it says what the columns hold.
        header = table.length === 1 ? table[0]!.cells : undefined;
        table = [];
      } else if (table.length <= MAX_TABLE_ROWS) table.push({ cells: splitRow(line).slice(0, MAX_TABLE_COLUMNS + 1), line: fileLine(i), text: line });
      collectingDescription = false;
      continue;
    }
    flushTable();

    const heading = headingOf(line);
    if (heading) {
      const depth = heading.depth;
      const name = plainLabel(heading.text);
      flushSection();
      lastBullet = undefined;
      continuation = undefined;
      if (depth <= 2) {
        area = depth === 1 ? undefined : name;
        storyArea = depth === 2 && (isStoryHeading(name) || NOT_TAUGHT.test(name));
        sectionHeading = undefined;
      } else {
        sectionHeading = name;
        if (name !== '' && !NOT_AN_ITEM.test(name) && !storyArea && !isStoryHeading(name) && items.length < MAX_ITEMS) {
          section = { name, description: '', area, kind: 'section', line: fileLine(i), sourceText: line.trim(), examples: [], outcomes: [] };
          items.push(section);
          collectingDescription = true;
        }
      }
      continue;
    }

    const bullet = BULLET.exec(line);
    const content = bullet ? bullet[2]! : line.trim();
    const label = BOLD_LABEL.exec(content);
    if (label && (bullet || /^(\*\*|__)/.test(line.trim()))) {
      collectingDescription = false;
      const name = plainLabel(label[1]!);
      const rest = prose(label[2]!);
      const indent = bullet ? bullet[1]!.replace(/\t/g, '    ').length : 0;
      const target = lastBullet && indent > lastBullet.indent ? lastBullet.item : (section ?? lastBullet?.item);
      const isExample = EXAMPLE_LABEL.test(name);
      if (isExample || OUTCOME_LABEL.test(name)) {
        if (target && rest) {
          const entry = { text: rest, line: fileLine(i) };
          (isExample ? target.examples : target.outcomes).push(entry);
          continuation = (more) => {
            if (entry.text.length < MAX_GATHERED) entry.text = `${entry.text} ${more}`;
          };
        }
        continue;
      }
      const inStory = storyArea || (sectionHeading !== undefined && isStoryHeading(sectionHeading));
      if (bullet && !inStory && rest !== '' && name !== '' && name.split(' ').length <= 8 && !NOT_AN_ITEM.test(name) && items.length < MAX_ITEMS) {
        const item: Item = {
          name,
          description: firstSentences(rest),
          area: sectionHeading ?? area,
          kind: 'bullet',
          line: fileLine(i),
          sourceText: line.trim(),
          examples: [],
          outcomes: [],
        };
        items.push(item);
        lastBullet = { item, indent };
        let full = rest;
        continuation = (more) => {
          if (full.length >= MAX_GATHERED) return;
          full = `${full} ${more}`;
          item.description = firstSentences(full);
        };
      }
      continue;
    }

    if (line.trim() === '') {
      if (section && section.description !== '') collectingDescription = false;
      continuation = undefined;
      continue;
    }
    // A wrapped bullet: an indented line that continues the text of the bullet above it.
    if (continuation && !bullet && /^\s+\S/.test(line) && !headingOf(line.trim())) {
      continuation(prose(line));
      continue;
    }
    continuation = undefined;
    if (collectingDescription && section && !bullet && !/^\s*(>|<|---|\*\*\*)/.test(line)) {
      if (section.description.length < MAX_GATHERED) section.description = `${section.description} ${prose(line)}`.trim();
    } else {
      collectingDescription = false;
    }
  }
  flushTable();
  flushSection();
  return { items: dedupeItems(items), tools: mergeTools(tools), decisions, quizBlocks };
}

/** The same name twice would make two right answers: keep the first. */
function dedupeItems(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
