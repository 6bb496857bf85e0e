// Questions on a lesson's tool tables: what kind a named tool is, which tools
// belong to a kind (multi-select), which one does not, and naming one.
import { MAX_CHOICES, aOrAn, distractors, makeChoices, norm, qid } from './choices.js';
import type { GenerationContext, Question, ToolGroup } from './types.js';

export function toolQuestions({ lesson, structure, pool }: GenerationContext): Question[] {
  const out: Question[] = [];
  const groups = structure.tools;
  const allGroups = groups.length >= 3 ? groups : [...groups, ...(pool?.toolKinds ?? []).filter((p) => !groups.some((g) => norm(g.kind) === norm(p.kind)))];
  // Which kinds list each tool, built once: asked for every tool of every group, a scan each time grew with the square of the pool.
  const kindsByTool = new Map<string, string[]>();
  for (const g of allGroups) {
    for (const t of new Set(g.tools.map(norm))) {
      const kinds = kindsByTool.get(t);
      if (kinds) kinds.push(norm(g.kind));
      else kindsByTool.set(t, [norm(g.kind)]);
    }
  }
  const kindsOf = (tool: string): string[] => kindsByTool.get(norm(tool)) ?? [];
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
