import { describe, expect, it } from 'vitest';
import { emptyProgress, recordAnswer } from '../../src/core/progress.js';
import { isCorrect } from '../../src/core/quiz/grade.js';
import { selectQuestions, selectReview } from '../../src/core/quiz/select.js';
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

  it.each([
    ['RICE', 'RICE scoring'],
    ['Kano', 'Kano model'],
    ['csat', 'CSAT surveys'],
    ['consumer', 'Consumer PM'],
    ['stakeholders', 'Aligning stakeholders'],
    ['user story', 'User stories'],
    ['roadmap', 'Roadmaps'],
    ['NPS', 'Net Promoter Score'],
    ['net promoter score', 'NPS'],
    ['1,000', '1000'],
  ])('accepts %j for "%s": the head word, an acronym or its expansion, singular or plural', (typed, answer) => {
    expect(isCorrect(q({ answer, accept: [] }), typed)).toBe(true);
  });

  it.each([
    ['1600', '1000'],
    ['6000', '1000'],
    ['0.5', '0.05'],
    ['0.005', '0.05'],
    ['-35', '35'],
    ['scoring', 'RICE scoring'],
    ['model', 'Kano model'],
  ])('refuses %j for "%s": numbers are never fuzzy, and a generic word names nothing', (typed, answer) => {
    expect(isCorrect(q({ answer, accept: [] }), typed)).toBe(false);
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
    q({ id: `q${i}`, answer: `Answer ${i}`, fact: `f${Math.floor(i / 2)}`, topic: i % 3 === 0 ? 'tools' : i % 3 === 1 ? 'examples' : 'responsibilities' }),
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

  it('never asks two questions with the same answer: the feedback on one would give the other away', () => {
    const same = Array.from({ length: 6 }, (_, i) => q({ id: `s${i}`, fact: `g${i}`, kind: 'single', choices: ['RICE', 'Kano', 'MoSCoW'], answer: i < 4 ? 'RICE' : i === 4 ? 'Kano' : 'MoSCoW' }));
    const chosen = selectQuestions(same, opts());
    expect(chosen.map((c) => c.answer).sort()).toEqual(['Kano', 'MoSCoW', 'RICE']);
  });

  it('asks at most one brand-to-kind question unless tools are asked for', () => {
    const brands = Array.from({ length: 8 }, (_, i) => q({ id: `b${i}`, fact: `b${i}`, answer: `Kind ${i}`, topic: 'tools', brand: true }));
    expect(selectQuestions([...brands, ...pool], opts()).filter((c) => c.brand)).toHaveLength(1);
    expect(selectQuestions([...brands, ...pool], opts({ topics: ['tools'] })).filter((c) => c.brand).length).toBeGreaterThan(1);
  });

  it('shows the choices in a new order on each attempt, the same again for the same seed', () => {
    const one = [q({ id: 'c', kind: 'single', choices: ['Alpha', 'Bravo', 'Charlie', 'Delta'], answer: 'Alpha' })];
    const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => selectQuestions(one, opts({ random: seededRandom(seed) }))[0]!.choices.join()));
    expect(orders.size).toBeGreaterThan(1);
    expect(selectQuestions(one, opts({ random: seededRandom(3) }))[0]!.choices).toEqual(selectQuestions(one, opts({ random: seededRandom(3) }))[0]!.choices);
  });

  it('reviews by the same rules: due only, most overdue first, one per fact, ten by default', () => {
    let progress = emptyProgress();
    for (let i = 0; i < 30; i++) progress = recordAnswer(progress, { questionId: `q${i}`, lessonId: 'l', topic: 'tools', correct: false, at: new Date(now.getTime() - (40 - i) * 86_400_000) }, fsrsScheduler);
    const chosen = selectReview(pool, opts({ progress }));
    expect(chosen).toHaveLength(10);
    expect(new Set(chosen.map((c) => c.fact)).size).toBe(10);
    expect(chosen[0]!.id).toBe('q0');
  });

  it('asks what you missed first', () => {
    const progress = recordAnswer(emptyProgress(), { questionId: 'q29', lessonId: 'l', topic: 'responsibilities', correct: false, at: new Date(now.getTime() - 2 * 86_400_000) }, fsrsScheduler);
    const chosen = selectQuestions(pool, opts({ count: 1, progress }));
    expect(chosen[0]!.id).toBe('q29');
  });
});
