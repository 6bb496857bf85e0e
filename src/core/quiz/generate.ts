// Turns a lesson's structure into questions. Wrong choices are siblings of the
// same kind (the lesson first, then the course); a question that cannot be
// made well (too few distinct choices, an ambiguous answer) is left out.
import type { Lesson } from '../lesson.js';
import { seededRandom, seedFromText, shuffle } from '../random.js';
import { normaliseAnswer, stableHash } from '../text.js';
import { parseQuizBlock } from './authored.js';
import { extractStructure } from './structure.js';
import type { Item, LessonStructure, Question, ToolGroup } from './types.js';

/** Items and tools from the rest of the course, for lessons with too few of their own. */
export interface CoursePool {
  itemNames: string[];
  outcomes: string[];
  toolKinds: ToolGroup[];
}

const MAX_CHOICES = 4;

// Choices are compared in normal form many times over (every item against its
// siblings and the course): each text is normalised once.
const normalised = new Map<string, string>();
function norm(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) {
    if (normalised.size > 50_000) normalised.clear();
    n = normaliseAnswer(text);
    normalised.set(text, n);
  }
  return n;
}
const quote = (s: string): string => `“${s}”`;
/** "an NPS survey", "a user research tool", "an analytics tool". */
export function aOrAn(phrase: string): string {
  const word = phrase.split(/\s+/)[0] ?? '';
  if (/^[A-Z]{2,}\b/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^u[^aeiou\s][aeiou]/i.test(word)) return 'a';
  if (/^(one|once)\b/i.test(word)) return 'a';
  if (/^(hour|honest|honou?r)/i.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * Picks up to n distinct distractors, none equal to a right answer. Candidates come
 * in tiers, nearest first (same area and kind, then the lesson, then the course):
 * a farther tier is only used when the nearer ones run short, so wrong choices stay
 * of the same kind as the answer and never arguably right.
 */
function distractors(right: readonly string[], tiers: ReadonlyArray<readonly string[]>, n: number, seed: string, enough = Math.min(n, 2)): string[] {
  const taken = new Set(right.map(norm));
  const random = seededRandom(seedFromText(seed));
  const out: string[] = [];
  for (const [index, tier] of tiers.entries()) {
    // Farther tiers only make up a shortfall: three close choices beat four loose ones.
    if (out.length >= n || (index > 0 && out.length >= enough)) break;
    const fresh: string[] = [];
    for (const c of tier) {
      const k = norm(c);
      if (k === '' || taken.has(k)) continue;
      taken.add(k);
      fresh.push(c);
    }
    out.push(...shuffle(fresh, random).slice(0, n - out.length));
  }
  return out;
}

function makeChoices(id: string, right: readonly string[], wrong: readonly string[]): string[] {
  return shuffle([...right, ...wrong], seededRandom(seedFromText(id)));
}

/** The name, hidden where the description gives it away. */
function maskName(description: string, name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 3);
  let out = description;
  const full = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  out = out.replace(full, '___');
  if (words.length === 1) out = out.replace(new RegExp(`\\b${words[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), '___');
  return out;
}

interface Context {
  lesson: Lesson;
  structure: LessonStructure;
  pool: CoursePool | undefined;
}

function qid(prefix: string, lessonId: string, key: string): string {
  return `${prefix}-${stableHash(`${lessonId}|${prefix}|${key.toLowerCase()}`)}`;
}

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

function responsibilityQuestions({ lesson, structure, pool }: Context): Question[] {
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
          explanation: truthful ? `Yes: that is ${item.name}.` : `No: that is ${item.name}, not ${shown}.`,
          source: { line: item.line, text: item.sourceText },
          fact,
        });
      }
    }
  }
  out.push(...areaQuestions({ lesson, structure, pool }));
  return out;
}

function areaQuestions({ lesson, structure }: Context): Question[] {
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

function exampleQuestions({ lesson, structure, pool }: Context): Question[] {
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

function toolQuestions({ lesson, structure, pool }: Context): Question[] {
  const out: Question[] = [];
  const groups = structure.tools;
  const allGroups = groups.length >= 3 ? groups : [...groups, ...(pool?.toolKinds ?? []).filter((p) => !groups.some((g) => norm(g.kind) === norm(p.kind)))];
  const kindsOf = (tool: string): string[] => allGroups.filter((g) => g.tools.some((t) => norm(t) === norm(tool))).map((g) => norm(g.kind));
  for (const group of groups) {
    for (const tool of group.tools) {
      const id = qid('t-kind', lesson.id, tool);
      const owners = kindsOf(tool);
      const kinds = (gs: readonly ToolGroup[]) => gs.map((g) => g.kind).filter((k) => !owners.includes(norm(k)));
      const wrong = distractors([group.kind], [kinds(groups), kinds(allGroups)], MAX_CHOICES - 1, id);
      if (wrong.length < 2) continue;
      out.push({
        id,
        lessonId: lesson.id,
        topic: 'tools',
        kind: 'single',
        prompt: `What kind of tool is ${tool}?`,
        choices: makeChoices(id, [group.kind], wrong),
        answer: group.kind,
        accept: [],
        explanation: `${tool} is listed under ${group.kind} (with ${group.tools.filter((t) => t !== tool).join(', ')}).`,
        source: { line: group.line, text: group.sourceText },
        fact: `${lesson.id}|tool|${tool.toLowerCase()}`,
      });
    }
    const outsiders = allGroups.filter((g) => g !== group).flatMap((g) => g.tools).filter((t) => !kindsOf(t).includes(norm(group.kind)));
    if (group.tools.length >= 2) {
      const id = qid('t-members', lesson.id, group.kind);
      const right = group.tools.slice(0, 3);
      const wrong = distractors(group.tools, [outsiders], 2, id);
      if (wrong.length >= 2) {
        out.push({
          id,
          lessonId: lesson.id,
          topic: 'tools',
          kind: 'multiple',
          prompt: `Which of these are ${group.kind} tools?`,
          choices: makeChoices(id, right, wrong),
          answer: right,
          accept: [],
          explanation: `${group.kind}: ${group.tools.join(', ')}.`,
          source: { line: group.line, text: group.sourceText },
          fact: `${lesson.id}|toolmembers|${group.kind.toLowerCase()}`,
        });
      }
      const oddId = qid('t-odd', lesson.id, group.kind);
      const odd = distractors(group.tools, [outsiders], 1, oddId)[0];
      if (odd && group.tools.length >= 2) {
        const members = group.tools.slice(0, 3);
        out.push({
          id: oddId,
          lessonId: lesson.id,
          topic: 'tools',
          kind: 'single',
          prompt: `Which of these is not ${aOrAn(group.kind)} ${group.kind} tool?`,
          choices: makeChoices(oddId, members, [odd]),
          answer: odd,
          accept: [],
          explanation: `${odd} is not listed under ${group.kind}; ${members.join(', ')} are.`,
          source: { line: group.line, text: group.sourceText },
          fact: `${lesson.id}|odd|${group.kind.toLowerCase()}`,
        });
      }
      const nameId = qid('t-name', lesson.id, group.kind);
      out.push({
        id: nameId,
        lessonId: lesson.id,
        topic: 'tools',
        kind: 'text',
        prompt: `Name ${aOrAn(group.kind)} ${group.kind} tool from the lesson.`,
        choices: [],
        answer: group.tools[0]!,
        accept: group.tools.slice(1),
        explanation: `${group.kind}: ${group.tools.join(', ')}.`,
        source: { line: group.line, text: group.sourceText },
        fact: `${lesson.id}|toolmembers|${group.kind.toLowerCase()}`,
      });
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
export function generateQuestions(lesson: Lesson, pool?: CoursePool, structure = lessonStructure(lesson)): Question[] {
  const ctx: Context = { lesson, structure, pool };
  const authored = structure.quizBlocks.flatMap((b) => parseQuizBlock(b.yaml, b.line, lesson.file, lesson.id));
  const all = [...responsibilityQuestions(ctx), ...exampleQuestions(ctx), ...toolQuestions(ctx), ...authored];
  const seen = new Set<string>();
  return all.filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)));
}

/** Items and tools across lessons, for lessons that have too few of their own. */
export function coursePool(structures: readonly LessonStructure[]): CoursePool {
  return {
    itemNames: structures.flatMap((s) => s.items.map((i) => i.name)),
    outcomes: structures.flatMap((s) => s.items.flatMap((i) => i.outcomes.map((o) => o.text))),
    toolKinds: structures.flatMap((s) => s.tools),
  };
}
