// What a learner reads after each answer: right or wrong, the answer, and the
// lesson line it comes from, without saying the same sentence twice.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/quiz/types.js';
import { formatFeedback } from '../../src/ui/quiz-view.js';

const question = (over: Partial<Question>): Question => ({
  id: 'q',
  lessonId: 'duties',
  topic: 'responsibilities',
  kind: 'single',
  prompt: 'Which duty is this?',
  choices: ['Soil Care', 'Watering'],
  answer: 'Soil Care',
  accept: [],
  explanation: 'Soil Care: Feeding the ground with compost every autumn.',
  source: { line: 12, text: '- **Soil Care**: Feeding the ground with compost every autumn.' },
  fact: 'f',
  ...over,
});

describe('feedback after an answer', () => {
  it('names the source line once when the explanation already quotes it', () => {
    const out = formatFeedback(question({}), false, 'duties.md', 100);
    expect(out).toContain('✗ Not quite. The answer: Soil Care');
    expect(out.match(/Feeding the ground/g)).toHaveLength(1);
    expect(out).toMatch(/duties\.md:12$/m);
  });

  it('quotes the source line when the explanation says something else', () => {
    const out = formatFeedback(question({ explanation: 'Compost is the gardener’s first job.' }), false, 'duties.md', 100);
    expect(out).toContain('Compost is the gardener’s first job.');
    expect(out).toContain('duties.md:12: Soil Care: Feeding the ground with compost every autumn.');
  });

  it('wraps to the width it is given', () => {
    const out = formatFeedback(question({ explanation: `${'A long explanation '.repeat(8)}end.` }), false, 'duties.md', 40);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });
});
