// Questions on a lesson's items (`###` sections and bold-label bullets): which
// one a description fits (recall, chosen or typed), and which one an example
// shows (applying the idea to a case). No true/false "this describes X": a
// coin toss on a quoted sentence teaches little. Wrong choices are the item's siblings in the lesson,
// of the same kind: a stem that asks for a "prioritisation framework" offers
// only frameworks. Nothing is asked about the `##` area an item is filed
// under, or about its outcome: those test how the author filed things.
import { MAX_CHOICES, distractors, makeChoices, qid } from './choices.js';
import { BLANK, blankShare, maskName } from './clues.js';
import { MAX_TYPED_WORDS, describedStem, exampleStem, itemNoun, nameStem } from './stems.js';
import type { GenerationContext, Item, Question } from './types.js';

/** More of a description hidden than this, and it no longer describes anything. */
const MAX_BLANK_SHARE = 0.25;

/** Siblings of an item in tiers, nearest first: same area and kind, then the same kind elsewhere in the lesson. */
function siblingNames(item: Item, items: readonly Item[]): string[][] {
  const others = items.filter((o) => o !== item && o.kind === item.kind);
  return [others.filter((o) => o.area === item.area).map((o) => o.name), others.filter((o) => o.area !== item.area).map((o) => o.name)];
}

/** Whether the item sits in a list whose every entry is a kind of tool from the lesson's tool table. */
function explainsTools(ctx: GenerationContext, item: Item): boolean {
  const kinds = new Set(ctx.structure.tools.map((t) => t.kind.toLowerCase()));
  const list = ctx.structure.items.filter((i) => i.area === item.area && i.kind === item.kind);
  return list.length >= 2 && list.every((i) => kinds.has(i.name.toLowerCase()));
}

/** More blanks than this and a learner is solving a puzzle, not recalling an idea. */
const MAX_BLANKS = 2;
/** Text that points elsewhere ("the following", "below", a closing colon) describes nothing on its own. */
const POINTS_ELSEWHERE = /\b(the following|as follows|below|above)\b|:$/i;

/** A description or example with the item's name hidden, or undefined when too little is left to ask about. */
function masked(text: string, name: string): string | undefined {
  if (POINTS_ELSEWHERE.test(text.trim())) return undefined;
  const out = maskName(text, name);
  const words = out.replace(/_{3}/g, '').trim().split(/\s+/).length;
  const blanks = out.split(BLANK).length - 1;
  return words >= 4 && blanks <= MAX_BLANKS && blankShare(out) <= MAX_BLANK_SHARE ? out : undefined;
}

/** Items named only by a number among siblings ("Header 3", "Header 6"): the number is not an idea to learn. */
function numbered(item: Item, items: readonly Item[]): boolean {
  const bare = (n: string): string => n.replace(/\d+/g, '#').toLowerCase();
  return /\d/.test(item.name) && items.some((o) => o !== item && o.area === item.area && bare(o.name) === bare(item.name));
}

function describedQuestions(ctx: GenerationContext, item: Item, items: readonly Item[]): Question[] {
  const { lesson } = ctx;
  const described = masked(item.description, item.name);
  if (!described) return [];
  const noun = itemNoun(lesson, item, explainsTools(ctx, item));
  const fact = `${lesson.id}|item|${item.name.toLowerCase()}`;
  const base = { lessonId: lesson.id, topic: 'responsibilities' as const, accept: [], explanation: `${item.name}: ${item.description}`, source: { line: item.line, text: item.sourceText }, fact };
  const id = qid('r-desc', lesson.id, item.name);
  const wrong = distractors([item.name], siblingNames(item, items), MAX_CHOICES - 1, id);
  if (wrong.length < 2) return [];
  const out: Question[] = [{ ...base, id, kind: 'single', prompt: describedStem(noun, described), choices: makeChoices(id, [item.name], wrong), answer: item.name }];
  if (item.name.split(' ').length <= MAX_TYPED_WORDS && item.name.length >= 4) {
    const tid = qid('r-name', lesson.id, item.name);
    out.push({ ...base, id: tid, kind: 'text', prompt: nameStem(noun, described), choices: [], answer: item.name, accept: alternativeNames(item.name) });
  }
  return out;
}

function exampleQuestion(ctx: GenerationContext, item: Item, items: readonly Item[]): Question[] {
  const { lesson } = ctx;
  const example = item.examples[0];
  const shown = example && masked(example.text, item.name);
  if (!example || !shown) return [];
  const id = qid('e-example', lesson.id, item.name);
  const wrong = distractors([item.name], siblingNames(item, items), MAX_CHOICES - 1, id);
  if (wrong.length < 2) return [];
  return [
    {
      id,
      lessonId: lesson.id,
      topic: 'examples',
      kind: 'single',
      prompt: exampleStem(itemNoun(lesson, item, explainsTools(ctx, item)), shown),
      choices: makeChoices(id, [item.name], wrong),
      answer: item.name,
      accept: [],
      explanation: `It is an example of ${item.name}: ${item.description}`,
      source: { line: example.line, text: `Example: ${example.text}` },
      fact: `${lesson.id}|example|${item.name.toLowerCase()}`,
    },
  ];
}

export function itemQuestions(ctx: GenerationContext): Question[] {
  const items = ctx.structure.items.filter((item, _, all) => !numbered(item, all));
  return [...items.flatMap((item) => describedQuestions(ctx, item, items)), ...items.flatMap((item) => exampleQuestion(ctx, item, items))];
}

/** "Minimum viable product (MVP)" also accepts "Minimum viable product" and "MVP". */
function alternativeNames(name: string): string[] {
  const alts = new Set<string>();
  const noParen = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (noParen !== name) alts.add(noParen);
  const paren = /\(([^)]+)\)/.exec(name)?.[1];
  if (paren) alts.add(paren);
  return [...alts];
}
