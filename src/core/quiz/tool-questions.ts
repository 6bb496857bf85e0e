// Questions on a lesson's tool tables. The kinds matter and the brands are
// only examples, so the question that teaches is the job: "a team needs to
// track work from idea to release: which kind of tool fits?" (from a `Used
// to` column). Brand-to-kind questions ("What kind of tool is Jira?") are
// kept few, one fact per kind, and marked `brand` so a quiz can cap them.
import { MAX_CHOICES, distractors, makeChoices, norm, qid } from './choices.js';
import { jobStem } from './stems.js';
import type { GenerationContext, Question, ToolGroup } from './types.js';

/** Each kind's family, as any table in `groups` gives it: looked up once per kind, not searched per comparison. */
function familiesOf(groups: readonly ToolGroup[]): Map<string, string> {
  const families = new Map<string, string>();
  for (const g of groups) if (g.family && !families.has(norm(g.kind))) families.set(norm(g.kind), norm(g.family));
  return families;
}

/** Whether two kinds are one inside the other ("Project tracking" is part of "Project management"): never right and wrong side by side. */
function related(a: ToolGroup, b: ToolGroup, families: ReadonlyMap<string, string>): boolean {
  const fa = a.family ? norm(a.family) : families.get(norm(a.kind));
  const fb = b.family ? norm(b.family) : families.get(norm(b.kind));
  return (fa !== undefined && fa === norm(b.kind)) || (fb !== undefined && fb === norm(a.kind));
}

/** Other kinds in tiers: the same family first, then the lesson, then the course; none that also owns a tool or contains the kind. */
function otherKinds(group: ToolGroup, lessonGroups: readonly ToolGroup[], all: readonly ToolGroup[], excluded: (g: ToolGroup) => boolean): string[][] {
  const families = familiesOf(all);
  const fit = (gs: readonly ToolGroup[]) => gs.filter((g) => norm(g.kind) !== norm(group.kind) && !related(g, group, families) && !excluded(g)).map((g) => g.kind);
  const sameFamily = group.family ? all.filter((g) => g.family !== undefined && norm(g.family) === norm(group.family!)) : [];
  return [fit(sameFamily), fit(lessonGroups), fit(all)];
}

function jobQuestion(lessonId: string, group: ToolGroup, lessonGroups: readonly ToolGroup[], all: readonly ToolGroup[]): Question[] {
  if (!group.job) return [];
  const id = qid('x-job', lessonId, group.kind);
  // A kind whose stated job is the same would be a second right answer.
  const wrong = distractors([group.kind], otherKinds(group, lessonGroups, all, (g) => g.job !== undefined && norm(g.job) === norm(group.job!)), MAX_CHOICES - 1, id);
  if (wrong.length < 2) return [];
  return [
    {
      id,
      lessonId,
      topic: 'tools',
      kind: 'single',
      prompt: jobStem(group.job),
      choices: makeChoices(id, [group.kind], wrong),
      answer: group.kind,
      accept: [],
      explanation: `${group.kind} tools are used to ${group.job} (for example ${group.tools.slice(0, 3).join(', ')}).`,
      source: { line: group.line, text: group.sourceText },
      fact: `${lessonId}|job|${group.kind.toLowerCase()}`,
    },
  ];
}

function brandQuestions(lessonId: string, group: ToolGroup, lessonGroups: readonly ToolGroup[], all: readonly ToolGroup[]): Question[] {
  const owns = (g: ToolGroup, tool: string): boolean => g.tools.some((t) => norm(t) === norm(tool));
  const base = { lessonId, topic: 'tools' as const, accept: [], source: { line: group.line, text: group.sourceText }, fact: `${lessonId}|brand|${group.kind.toLowerCase()}`, brand: true };
  const out: Question[] = [];
  // The first tool of a row is the one its author thought best known: one brand question per kind is enough.
  const tool = group.tools[0]!;
  const id = qid('t-kind', lessonId, tool);
  const wrong = distractors([group.kind], otherKinds(group, lessonGroups, all, (g) => owns(g, tool)), MAX_CHOICES - 1, id);
  if (wrong.length >= 2) {
    const others = group.tools.slice(1);
    const explanation = `${tool} is listed under ${group.kind}${others.length > 0 ? `, with ${others.join(', ')}` : ''}.`;
    out.push({ ...base, id, kind: 'single', prompt: `What kind of tool is ${tool}?`, choices: makeChoices(id, [group.kind], wrong), answer: group.kind, explanation });
  }
  if (group.tools.length >= 2) {
    const mid = qid('t-members', lessonId, group.kind);
    const families = familiesOf(all);
    const outsiders = all.filter((g) => norm(g.kind) !== norm(group.kind) && !related(g, group, families)).flatMap((g) => g.tools).filter((t) => !owns(group, t));
    const right = group.tools.slice(0, 3);
    const wrongTools = distractors(group.tools, [outsiders], 2, mid);
    if (wrongTools.length >= 2) {
      out.push({ ...base, id: mid, kind: 'multiple', prompt: `Which of these are ${group.kind} tools?`, choices: makeChoices(mid, right, wrongTools), answer: right, explanation: `${group.kind}: ${group.tools.join(', ')}.` });
    }
  }
  return out;
}

export function toolQuestions({ lesson, structure, pool }: GenerationContext): Question[] {
  const groups = structure.tools;
  const fromCourse = (pool?.toolKinds ?? []).filter((p) => !groups.some((g) => norm(g.kind) === norm(p.kind)));
  const all = [...groups, ...fromCourse];
  return groups.flatMap((g) => [...jobQuestion(lesson.id, g, groups, all), ...brandQuestions(lesson.id, g, groups, all)]);
}
