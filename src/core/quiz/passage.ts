// Where an answer lives in its lesson, for feedback that teaches: the lesson's
// number and title and the headings above the passage ("1.2 Core
// responsibilities › Tools of the trade"), and the passage itself in plain
// words: a table row as "kind: tools", a bullet without its markup, and for
// an authored question the opening of the section its author named.
import type { CourseNode } from '../course.js';
import { plainLabel, prose } from '../text.js';
import { headingOf, paragraphAfter } from './structure.js';
import { splitRow } from './tool-table.js';
import type { Question } from './types.js';

export interface Passage {
  /** "1.2 Core responsibilities › Tools of the trade" */
  where: string;
  /** The sentence or row, in plain words; empty when there is nothing more to show than the explanation. */
  text: string;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const MAX_TEXT = 240;

interface Heading {
  depth: number;
  text: string;
  index: number;
}

/** The section headings of a body (the `#` title aside: the lesson's title says it), outside code. */
function headingsOf(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (FENCE.test(line)) fenced = !fenced;
    const h = fenced ? undefined : headingOf(line);
    if (h && h.depth >= 2) out.push({ depth: h.depth, text: plainLabel(h.text), index });
  });
  return out;
}

/** The headings above a body line, outermost first. */
function trailAt(headings: readonly Heading[], index: number): string[] {
  const trail: Heading[] = [];
  for (const h of headings) {
    if (h.index > index) break;
    while (trail.length > 0 && trail[trail.length - 1]!.depth >= h.depth) trail.pop();
    trail.push(h);
  }
  return trail.map((h) => h.text);
}

/** A source line as plain words: "| Analytics | Mixpanel |" as "Analytics: Mixpanel", "- **Label**: text" as "Label: text". */
export function plainLine(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) {
    const cells = splitRow(trimmed).map(prose).filter((c) => c !== '');
    return cells.length > 1 ? `${cells[0]}: ${cells.slice(1).join('; ')}` : (cells[0] ?? '');
  }
  return prose(trimmed.replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/^#+\s+/, ''));
}

/** The first paragraph after a heading, in plain words. */
const openingOf = (lines: readonly string[], heading: Heading): string => plainLine(paragraphAfter(lines, heading.index).join(' '));

const cut = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT).replace(/\s+\S*$/, '')}…` : text);

export function passageFor(node: CourseNode, question: Question): Passage {
  const lesson = node.lesson;
  const lines = lesson.body.split('\n');
  const headings = headingsOf(lines);
  const title = `${node.number} ${lesson.title}`;
  const named = question.section === undefined ? undefined : headings.find((h) => h.text.toLowerCase() === plainLabel(question.section!).toLowerCase());
  if (named) return { where: [title, ...trailAt(headings, named.index)].join(' › '), text: cut(openingOf(lines, named)) };
  const index = question.source.line - lesson.bodyLine;
  if (question.id.startsWith('a-') || index < 0 || index >= lines.length) return { where: title, text: '' };
  // A decision table's row is the question and its explanation already: only where it is.
  if (question.id.startsWith('x-decide-')) return { where: [title, ...trailAt(headings, index)].join(' › '), text: '' };
  return { where: [title, ...trailAt(headings, index)].join(' › '), text: cut(plainLine(lines[index]!)) };
}
