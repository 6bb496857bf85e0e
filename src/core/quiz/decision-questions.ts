// Questions from decision tables: each row's situation, and which choice of the
// table's column fits it. Wrong choices are the other answers of the same
// column, so every choice is a real option a learner might reach for.
import { MAX_CHOICES, distractors, makeChoices, qid } from './choices.js';
import { kindPhrase } from './decision-table.js';
import { decisionStem } from './stems.js';
import type { DecisionTable, GenerationContext, Question } from './types.js';

function rowQuestions(lessonId: string, table: DecisionTable): Question[] {
  const column = table.rows.map((r) => r.answer);
  const kind = kindPhrase(table.kind);
  return table.rows.flatMap((row) => {
    const id = qid('x-decide', lessonId, row.situation);
    const wrong = distractors([row.answer], [column], MAX_CHOICES - 1, id);
    if (wrong.length < 2) return [];
    return [
      {
        id,
        lessonId,
        topic: 'examples' as const,
        kind: 'single' as const,
        prompt: decisionStem(kind, row.situation),
        choices: makeChoices(id, [row.answer], wrong),
        answer: row.answer,
        accept: [],
        explanation: row.why ? `${row.answer}: ${row.why}.`.replace(/\.\.$/, '.') : `${row.answer} fits this situation.`,
        source: { line: row.line, text: row.sourceText },
        fact: `${lessonId}|decide|${row.situation.toLowerCase()}`,
      },
    ];
  });
}

export function decisionQuestions({ lesson, structure }: GenerationContext): Question[] {
  return structure.decisions.flatMap((t) => rowQuestions(lesson.id, t));
}
