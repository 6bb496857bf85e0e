// Turns a lesson's structure into questions. Wrong choices are siblings of the
// same kind (the lesson first, then the course); a question that cannot be
// made well (too few distinct choices, an ambiguous answer) is left out.
import type { Lesson } from '../lesson.js';
import { seededRandom, seedFromText, shuffle } from '../random.js';
import { parseQuizBlock } from './authored.js';
import { MAX_CHOICES, distractors, makeChoices, maskName, norm, qid, quote, spreadSample } from './choices.js';
import { extractStructure } from './structure.js';
import { toolQuestions } from './tool-questions.js';
import type { CoursePool, GenerationContext, Item, LessonStructure, Question } from './types.js';

export type { CoursePool } from './types.js';

/** Siblings of an item in tiers, nearest first: same area and kind, same kind elsewhere, the rest of the lesson, the course. */
function siblingNames(item: Item, items: readonly Item[], pool: CoursePool | undefined): string[][] {
  const others = items.filter((o) => o !== item);
  return [
    others.filter((o) => o.area === item.area && o.kind === item.kind).map((o) => o.name),
    others.filter((o) => o.area !== item.area && o.kind === item.kind).map((o) => o.name),
    others.filter((o) => o.kind !== item.kind).map((o) => o.name),
    pool?.itemNames ?? [],
  ];
}

function responsibilityQuestions({ lesson, structure, pool }: GenerationContext): Question[] {
  const out: Question[] = [];
  const items = structure.items;
  for (const item of items) {
    const fact = `${lesson.id}|item|${item.name.toLowerCase()}`;
    const siblings = siblingNames(item, items, pool);
    const described = item.description.split(' ').length >= 4 ? maskName(item.description, item.name) : undefined;
    if (described && described.replace(/_/g, '').trim().split(' ').length >= 3) {
      const id = qid('r-desc', lesson.id, item.name);
      const wrong = distractors([item.name], siblings, MAX_CHOICES - 1, id);
      if (wrong.length >= 2) {
        out.push({
          id,
          lessonId: lesson.id,
          topic: 'responsibilities',
          kind: 'single',
          prompt: `Which of these is described here?\n${quote(described)}`,
          choices: makeChoices(id, [item.name], wrong),
          answer: item.name,
          accept: [],
          explanation: `${item.name}: ${item.description}`,
          source: { line: item.line, text: item.sourceText },
          fact,
        });
      }
      if (item.name.split(' ').length <= 3 && item.name.length >= 4) {
        const tid = qid('r-name', lesson.id, item.name);
        out.push({
          id: tid,
          lessonId: lesson.id,
          topic: 'responsibilities',
          kind: 'text',
          prompt: `Name it: ${quote(described)}`,
          choices: [],
          answer: item.name,
          accept: alternativeNames(item.name),
          explanation: `${item.name}: ${item.description}`,
          source: { line: item.line, text: item.sourceText },
          fact,
        });
      }
      const other = distractors([item.name], siblings, 1, `${id}|tf`)[0];
      if (other) {
        const fid = qid('r-tf', lesson.id, item.name);
        const truthful = seededRandom(seedFromText(fid))() < 0.5;
        const shown = truthful ? item.name : other;
        out.push({
          id: fid,
          lessonId: lesson.id,
          topic: 'responsibilities',
          kind: 'boolean',
          prompt: `True or false: this describes ${quote(shown)}.\n${quote(described)}`,
          choices: ['True', 'False'],
          answer: truthful ? 'True' : 'False',
          accept: [],
          // Said the same way whichever answer was given: it follows "Right." as well as "Wrong.".
          explanation: truthful ? `It describes ${item.name}.` : `It describes ${item.name}, not ${shown}.`,
          source: { line: item.line, text: item.sourceText },
          fact,
        });
      }
    }
  }
  out.push(...areaQuestions({ lesson, structure, pool }));
  return out;
}

function areaQuestions({ lesson, structure }: GenerationContext): Question[] {
  const out: Question[] = [];
  // Areas are compared among items of one kind: bullets with bullets, sections with sections.
  for (const kind of ['bullet', 'section'] as const) {
    const items = structure.items.filter((i) => i.kind === kind && i.area !== undefined);
    const areas = [...new Set(items.map((i) => i.area!))];
    if (areas.length < 2) continue;
    const nameCount = new Map<string, number>();
    for (const i of items) nameCount.set(norm(i.name), (nameCount.get(norm(i.name)) ?? 0) + 1);
    if (areas.length >= 3) {
      for (const item of items) {
        if (nameCount.get(norm(item.name))! > 1) continue;
        const id = qid('r-area', lesson.id, `${item.name}`);
        const wrong = distractors([item.area!], [areas], MAX_CHOICES - 1, id);
        if (wrong.length < 2) continue;
        out.push({
          id,
          lessonId: lesson.id,
          topic: 'responsibilities',
          kind: 'single',
          prompt: `Which area does ${quote(item.name)} belong to?`,
          choices: makeChoices(id, [item.area!], wrong),
          answer: item.area!,
          accept: [],
          explanation: `${item.name} sits under ${item.area}.`,
          source: { line: item.line, text: item.sourceText },
          fact: `${lesson.id}|area|${item.name.toLowerCase()}`,
        });
      }
    }
    for (const area of areas) {
      const members = items.filter((i) => i.area === area).map((i) => i.name);
      const others = items.filter((i) => i.area !== area).map((i) => i.name);
      if (members.length < 2 || others.length < 2) continue;
      const id = qid('r-members', lesson.id, area);
      const right = shuffle(members, seededRandom(seedFromText(id))).slice(0, 3);
      const wrong = distractors(members, [others], 2, id);
      if (wrong.length < 2) continue;
      const first = items.find((i) => i.area === area)!;
      out.push({
        id,
        lessonId: lesson.id,
        topic: 'responsibilities',
        kind: 'multiple',
        prompt: `Which of these belong to ${quote(area)}?`,
        choices: makeChoices(id, right, wrong),
        answer: right,
        accept: [],
        explanation: `${area}: ${members.join(', ')}.`,
        source: { line: first.line, text: first.sourceText },
        fact: `${lesson.id}|members|${area.toLowerCase()}`,
      });
    }
  }
  return out;
}

function exampleQuestions({ lesson, structure, pool }: GenerationContext): Question[] {
  const out: Question[] = [];
  const items = structure.items;
  const withOutcomes = items.filter((i) => i.outcomes.length > 0);
  for (const item of items) {
    const example = item.examples[0];
    if (example) {
      const id = qid('e-example', lesson.id, item.name);
      const wrong = distractors([item.name], siblingNames(item, items, pool), MAX_CHOICES - 1, id);
      if (wrong.length >= 2) {
        out.push({
          id,
          lessonId: lesson.id,
          topic: 'examples',
          kind: 'single',
          prompt: `Which does this example illustrate?\n${quote(maskName(example.text, item.name))}`,
          choices: makeChoices(id, [item.name], wrong),
          answer: item.name,
          accept: [],
          explanation: `It is an example of ${item.name}.`,
          source: { line: example.line, text: `Example: ${example.text}` },
          fact: `${lesson.id}|example|${item.name.toLowerCase()}`,
        });
      }
    }
    const outcome = item.outcomes[0];
    if (outcome) {
      const id = qid('e-outcome', lesson.id, item.name);
      const others = withOutcomes.filter((o) => o !== item).map((o) => o.outcomes[0]!.text);
      const wrong = distractors([outcome.text], [others, pool?.outcomes ?? []], MAX_CHOICES - 1, id);
      if (wrong.length >= 2) {
        out.push({
          id,
          lessonId: lesson.id,
          topic: 'examples',
          kind: 'single',
          prompt: `What outcome does ${quote(item.name)} lead to?`,
          choices: makeChoices(id, [outcome.text], wrong),
          answer: outcome.text,
          accept: [],
          explanation: `${item.name} leads to: ${outcome.text}`,
          source: { line: outcome.line, text: `Outcome: ${outcome.text}` },
          fact: `${lesson.id}|outcome|${item.name.toLowerCase()}`,
        });
      }
    }
  }
  return out;
}

/** "Setting the Vision" also accepts "the vision"-less forms: the name without a leading article or parenthetical. */
function alternativeNames(name: string): string[] {
  const alts = new Set<string>();
  const noParen = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (noParen !== name) alts.add(noParen);
  const paren = /\(([^)]+)\)/.exec(name)?.[1];
  if (paren) alts.add(paren);
  return [...alts];
}

export function lessonStructure(lesson: Lesson): LessonStructure {
  return extractStructure(lesson.body, lesson.bodyLine);
}

/** Every question a lesson yields, structure-derived first, then authored. Throws InvalidLessonError for a bad quiz block. */
export function generateQuestions(lesson: Lesson, pool?: CoursePool, structure = lessonStructure(lesson), parseBlock = parseQuizBlock): Question[] {
  const ctx: GenerationContext = { lesson, structure, pool };
  const authored = structure.quizBlocks.flatMap((b) => parseBlock(b.yaml, b.line, lesson.file, lesson.id));
  const all = [...responsibilityQuestions(ctx), ...exampleQuestions(ctx), ...toolQuestions(ctx), ...authored];
  const seen = new Set<string>();
  return all.filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)));
}

/** Whether a lesson has anything a question can be made of: every question comes from an item, a tool table or a quiz block of its own. */
export function hasQuizMaterial(s: LessonStructure): boolean {
  return s.items.length > 0 || s.tools.length > 0 || s.quizBlocks.length > 0;
}

/** How much of the course the pool holds, at most: far more than the shipped course has, and a fixed cost per question. */
const POOL_ITEMS = 1_000;
const POOL_TOOL_KINDS = 200;

/** Items and tools across lessons, for lessons that have too few of their own. */
export function coursePool(structures: readonly LessonStructure[]): CoursePool {
  return {
    itemNames: spreadSample(structures.flatMap((s) => s.items.map((i) => i.name)), POOL_ITEMS),
    outcomes: spreadSample(structures.flatMap((s) => s.items.flatMap((i) => i.outcomes.map((o) => o.text))), POOL_ITEMS),
    toolKinds: spreadSample(structures.flatMap((s) => s.tools), POOL_TOOL_KINDS),
  };
}
