import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/core/merge.js';
import { HISTORY_LIMIT, dayKey, emptyProgress, markRead, recordAnswer, recordQuizScore, type Progress } from '../../src/core/progress.js';
import { readProgressData } from '../../src/core/progress-schema.js';
import { fsrsScheduler } from '../../src/core/schedule.js';

const t0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const answer = (p: Progress, q: string, correct: boolean, minute: number) =>
  recordAnswer(p, { questionId: q, lessonId: 'intro', topic: 'tools', correct, at: at(minute) }, fsrsScheduler);
const merge = (a: Progress, b: Progress) => mergeProgress(a, b).progress;

describe('mergeProgress', () => {
  it('keeps the answers of both machines after a shared start', () => {
    let shared = answer(emptyProgress(), 'q1', true, 0);
    shared = answer(shared, 'q1', false, 10);
    const laptop = answer(shared, 'q1', true, 100);
    const desktop = answer(answer(shared, 'q1', true, 50), 'q2', false, 60);
    const merged = merge(laptop, desktop);
    expect(merged.items.q1!.history.map(([t]) => (t * 1000 - t0) / 60_000)).toEqual([0, 10, 50, 100]);
    expect(merged.items.q1).toMatchObject({ seen: 4, right: 3 });
    expect(merged.items.q2).toMatchObject({ seen: 1, right: 0 });
    // The schedule comes from the most recent review (the laptop's, at minute 100).
    expect(merged.items.q1!.last).toBe(laptop.items.q1!.last);
    expect(merged.items.q1!.due).toBe(laptop.items.q1!.due);
    expect(mergeProgress(laptop, desktop).summary).toMatchObject({ questionsAdded: 1, answersAdded: 2 });
  });

  it('takes the earliest read, the most reads, the best score, and the latest quiz result', () => {
    let mine = markRead(emptyProgress(), 'intro', at(100));
    mine = recordQuizScore(mine, 'intro', 0.9, at(110));
    let theirs = markRead(emptyProgress(), 'intro', at(5));
    theirs = markRead(theirs, 'intro', at(6));
    theirs = markRead(theirs, 'intro', at(7));
    theirs = recordQuizScore(theirs, 'intro', 0.6, at(200));
    expect(merge(mine, theirs).lessons.intro).toEqual({
      readAt: at(5).toISOString(),
      reads: 3,
      bestScore: 0.9,
      lastScore: 0.6,
      quizzedAt: at(200).toISOString(),
    });
  });

  it('keeps the larger count of each day and the lesson you are on here', () => {
    const mine = markRead(emptyProgress(), 'here', at(0));
    const theirs = markRead(markRead(markRead(emptyProgress(), 'there', at(1)), 'there', at(2)), 'other', at(60 * 24 * 3));
    const merged = merge(mine, theirs);
    // Day 0: one read here, two there; the larger count is kept, since the same study may be in both files.
    expect({ ...merged.days }).toEqual({ [dayKey(at(0))]: 2, [dayKey(at(60 * 24 * 3))]: 1 });
    expect(merged.current).toBe('here');
    expect(merge(emptyProgress(), theirs).current).toBe('other');
  });

  it('keeps histories bounded and the result valid progress', () => {
    let a = emptyProgress();
    let b = emptyProgress();
    for (let i = 0; i < 20; i++) a = answer(a, 'q', i % 2 === 0, i);
    for (let i = 0; i < 20; i++) b = answer(b, 'q', true, 1000 + i);
    const merged = merge(a, b);
    expect(merged.items.q!.history).toHaveLength(HISTORY_LIMIT);
    expect(merged.items.q!.history.every(([t]) => t >= at(1000).getTime() / 1000)).toBe(true);
    expect(readProgressData(JSON.parse(JSON.stringify(merged))).ok).toBe(true);
  });

  it('treats "__proto__" as a plain lesson id', () => {
    const merged = merge(emptyProgress(), markRead(emptyProgress(), '__proto__', at(0)));
    expect(Object.keys(merged.lessons)).toEqual(['__proto__']);
  });
});

// Two machines that share a start, then answer on their own, at distinct times.
// Up to 30 answers each, so histories are often cut short (HISTORY_LIMIT) on one side or both.
const answers = fc.array(fc.tuple(fc.constantFrom('q1', 'q2', 'q3'), fc.boolean()), { maxLength: 30 });
const scenario = fc.record({ shared: answers, mine: answers, theirs: answers });

function play(s: { shared: Array<[string, boolean]>; mine: Array<[string, boolean]>; theirs: Array<[string, boolean]> }) {
  let shared = emptyProgress();
  s.shared.forEach(([q, ok], i) => (shared = answer(shared, q, ok, i)));
  let mine = shared;
  s.mine.forEach(([q, ok], i) => (mine = answer(mine, q, ok, 100 + i * 2)));
  let theirs = shared;
  s.theirs.forEach(([q, ok], i) => (theirs = answer(theirs, q, ok, 101 + i * 2)));
  return { shared, mine, theirs };
}

const count = (list: Array<[string, boolean]>, q: string) => list.filter(([x]) => x === q).length;

describe('mergeProgress, for any two machines', () => {
  it('changes nothing when the same file is imported again', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { mine, theirs } = play(s);
        const once = merge(mine, theirs);
        expect(merge(once, theirs)).toEqual(once);
        expect(merge(once, once)).toEqual(once);
      }),
    );
  });

  it('never counts an answer twice, and counts every one while histories are whole', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { mine, theirs } = play(s);
        const merged = merge(mine, theirs);
        for (const q of ['q1', 'q2', 'q3']) {
          const truth = count(s.shared, q) + count(s.mine, q) + count(s.theirs, q);
          const seen = merged.items[q]?.seen ?? 0;
          expect(seen).toBeLessThanOrEqual(truth);
          expect(seen).toBeGreaterThanOrEqual(Math.max(mine.items[q]?.seen ?? 0, theirs.items[q]?.seen ?? 0));
          if (truth <= HISTORY_LIMIT) expect(seen).toBe(truth);
        }
      }),
    );
  });

  it('gives both machines the same history, counts and schedule, whichever imports the other', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { mine, theirs } = play(s);
        const here = merge(mine, theirs);
        const there = merge(theirs, mine);
        for (const q of Object.keys(here.items)) {
          expect(here.items[q]!.history).toEqual(there.items[q]!.history);
          expect(here.items[q]!.due).toBe(there.items[q]!.due);
          expect(here.items[q]!.seen).toBe(there.items[q]!.seen);
        }
      }),
    );
  });
});
