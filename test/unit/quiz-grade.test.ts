import { describe, expect, it } from 'vitest';
import { emptyProgress, recordAnswer } from '../../src/core/progress.js';
import { isCorrect } from '../../src/core/quiz/grade.js';
import { selectQuestions } from '../../src/core/quiz/select.js';
import type { Question } from '../../src/core/quiz/types.js';
import { seededRandom } from '../../src/core/random.js';
import { fsrsScheduler } from '../../src/core/schedule.js';

const q = (over: Partial<Question>): Question => ({
  id: 'x',
  lessonId: 'l',
  topic: 'responsibilities',
  kind: 'text',
  prompt: 'p',
  choices: [],
  answer: 'Data-Driven Decisions',
  accept: [],
  explanation: '',
  source: { line: 1, text: '' },
  fact: 'x',
  ...over,
});

describe('typed answers', () => {
  const question = q({ accept: ['data driven'] });
  it.each([
    ['data-driven decisions', true],
    ['  DATA DRIVEN DECISIONS!! 📊', true],
    ['Data-Driven Decisons', true],
    ['the data-driven decisions', true],
    ['data driven', true],
    ['decisions', false],
    ['', false],
    ['Data-Driven Dcisons about', false],
  ])('%j is %s', (typed, right) => expect(isCorrect(question, typed)).toBe(right));

  it('counts two swapped letters as one typo', () => {
    expect(isCorrect(q({ answer: 'Roadmap' }), 'raodmap')).toBe(true);
    expect(isCorrect(q({ answer: 'Roadmap' }), 'raodmpa')).toBe(false);
  });

  it('demands short answers exactly', () => {
    expect(isCorrect(q({ answer: 'NPS' }), 'nps')).toBe(true);
    expect(isCorrect(q({ answer: 'NPS' }), 'npx')).toBe(false);
  });
});

describe('choices', () => {
  it('needs exactly the right set for multiple choice', () => {
    const multi = q({ kind: 'multiple', choices: ['A', 'B', 'C'], answer: ['A', 'B'] });
    expect(isCorrect(multi, ['B', 'A'])).toBe(true);
    expect(isCorrect(multi, ['A'])).toBe(false);
    expect(isCorrect(multi, ['A', 'B', 'C'])).toBe(false);
  });
});

describe('selecting a quiz', () => {
  const pool = Array.from({ length: 30 }, (_, i) =>
    q({ id: `q${i}`, fact: `f${Math.floor(i / 2)}`, topic: i % 3 === 0 ? 'tools' : i % 3 === 1 ? 'examples' : 'responsibilities' }),
  );
  const now = new Date('2026-05-01T10:00:00Z');
  const opts = (over = {}) => ({ topics: [], count: 10, random: seededRandom(7), progress: emptyProgress(), now, ...over });

  it('asks at most one question per fact, and the count asked for', () => {
    const chosen = selectQuestions(pool, opts());
    expect(chosen).toHaveLength(10);
    expect(new Set(chosen.map((c) => c.fact)).size).toBe(10);
  });

  it('is reproducible with a seed and differs with another', () => {
    const a = selectQuestions(pool, opts()).map((c) => c.id);
    expect(selectQuestions(pool, opts()).map((c) => c.id)).toEqual(a);
    expect(selectQuestions(pool, opts({ random: seededRandom(8) })).map((c) => c.id)).not.toEqual(a);
  });

  it('filters by topic', () => {
    expect(selectQuestions(pool, opts({ topics: ['tools'] })).every((c) => c.topic === 'tools')).toBe(true);
  });

  it('asks what you missed first', () => {
    const progress = recordAnswer(emptyProgress(), { questionId: 'q29', lessonId: 'l', topic: 'responsibilities', correct: false, at: new Date(now.getTime() - 3_600_000) }, fsrsScheduler);
    const chosen = selectQuestions(pool, opts({ count: 1, progress }));
    expect(chosen[0]!.id).toBe('q29');
  });
});
