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

const passage = { where: '1.1 Duties of a Gardener › Duties', text: 'Soil Care: Feeding the ground with compost every autumn.' };

describe('feedback after an answer', () => {
  it('names the lesson and section, and quotes the passage once when the explanation already says it', () => {
    const out = formatFeedback(question({}), 'wrong', passage, { width: 100 });
    expect(out).toContain('✗ Not quite. The answer: Soil Care');
    expect(out.match(/Feeding the ground/g)).toHaveLength(1);
    expect(out).toMatch(/^ {2}1\.1 Duties of a Gardener › Duties$/m);
    expect(out).not.toMatch(/\.md|:12|\|/);
  });

  it('quotes the passage when the explanation says something else, and says when the question comes back', () => {
    const out = formatFeedback(question({ explanation: 'Compost is the gardener’s first job.' }), 'wrong', passage, { width: 100 });
    expect(out).toContain('Compost is the gardener’s first job.');
    expect(out).toContain('1.1 Duties of a Gardener › Duties: Soil Care: Feeding the ground with compost every autumn.');
    expect(out).toContain('It comes back at the end of this quiz, and again tomorrow.');
  });

  it('says what a partly right multi-select missed and what it ticked wrongly', () => {
    const multi = question({ kind: 'multiple', choices: ['Spade', 'Rake', 'Kettle', 'Hoe'], answer: ['Spade', 'Rake', 'Hoe'] });
    const out = formatFeedback(multi, 'wrong', passage, { width: 100, diff: { missed: ['Hoe'], wrong: ['Kettle'] } });
    expect(out).toContain('Missed: Hoe.');
    expect(out).toContain('Not among them: Kettle.');
  });

  it('wraps to the width it is given', () => {
    const out = formatFeedback(question({ explanation: `${'A long explanation '.repeat(8)}end.` }), 'wrong', passage, { width: 40 });
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });
});
