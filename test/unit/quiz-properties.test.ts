// Properties of every generated question, over lessons assembled at random
// from sections, decision tables and tool tables written in plain words. The
// seed is fixed (and printed by fast-check on failure), so a failure repeats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/core/lesson.js';
import { clueIn } from '../../src/core/quiz/clues.js';
import { generateQuestions } from '../../src/core/quiz/generate.js';

const SEED = 20261130;

const word = fc.constantFrom('soil', 'seed', 'water', 'frost', 'compost', 'border', 'shade', 'root', 'leaf', 'harvest', 'mulch', 'slug', 'bed', 'row', 'pot', 'spring', 'autumn', 'light', 'clay', 'sand');
const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const title = phrase(1, 4).map((p) => p.charAt(0).toUpperCase() + p.slice(1));

const section = fc.record({ name: title, description: phrase(5, 14), example: fc.option(phrase(5, 12), { nil: undefined }) });
const decisionRow = fc.record({ situation: phrase(3, 8), answer: title });
const toolRow = fc.record({ kind: title, job: phrase(3, 6), tools: fc.array(title, { minLength: 1, maxLength: 3 }) });

const lessonText = fc.record({ kind: fc.option(fc.constantFrom('garden task', 'planting method'), { nil: undefined }), sections: fc.array(section, { maxLength: 6 }), rows: fc.array(decisionRow, { maxLength: 6 }), tools: fc.array(toolRow, { maxLength: 5 }) }).map(
  ({ kind, sections, rows, tools }) =>
    [
      '---',
      'title: Garden',
      ...(kind ? [`item_kind: ${kind}`] : []),
      '---',
      '## Tasks',
      '',
      ...sections.flatMap((s) => [`### ${s.name}`, '', `${s.description}.`, '', ...(s.example ? [`- **Example**: ${s.example}.`, ''] : [])]),
      '## Choosing',
      '',
      '| Situation | Task | Why |',
      '|---|---|---|',
      ...rows.map((r) => `| ${r.situation} | ${r.answer} | because |`),
      '',
      '## Tools',
      '',
      '| Kind of tool | Used to | Examples |',
      '|---|---|---|',
      ...tools.map((t) => `| ${t.kind} | ${t.job} | ${t.tools.join(', ')} |`),
      '',
    ].join('\n'),
);

describe('every generated question, whatever the lesson', () => {
  it('has one answer among its choices, says what it asks, and gives nothing away by its form', () => {
    const made = new Set<string>();
    fc.assert(
      fc.property(lessonText, (text) => {
        const lesson = parseLesson({ file: 'g.md', relPath: 'g.md', text });
        for (const q of generateQuestions(lesson)) {
          made.add(q.id.replace(/-[^-]+$/, ''));
          expect(clueIn(q)).toBeUndefined();
          expect(q.prompt).not.toMatch(/which of these is described|^name it:|\ban? ___/i);
          if (q.kind === 'single') {
            expect(q.choices.length).toBeGreaterThanOrEqual(3);
            expect(q.choices.filter((c) => c.toLowerCase() === String(q.answer).toLowerCase())).toHaveLength(1);
          }
          if (q.kind === 'text') expect(String(q.answer).split(' ').length).toBeLessThanOrEqual(3);
        }
      }),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    );
    // The lessons were rich enough to exercise every generator.
    expect([...made].sort()).toEqual(['e-example', 'r-desc', 'r-name', 't-kind', 't-members', 'x-decide', 'x-job']);
  });
});
