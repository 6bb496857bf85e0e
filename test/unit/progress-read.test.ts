// readProgress reads a valid progress file without loading zod; it must give
// exactly what the zod schema gives (same keys, same order, same defaults,
// null-prototype records), and accept nothing the schema refuses.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TOPICS, emptyProgress, markRead, recordAnswer, recordQuizScore } from '../../src/core/progress.js';
import { ITEM_PROGRESS_KEYS, LESSON_PROGRESS_KEYS, PROGRESS_KEYS, progressSchema, progressSchemas, readProgress } from '../../src/core/progress-schema.js';
import { fsrsScheduler } from '../../src/core/schedule.js';

function same(data: unknown): void {
  const bySchema = progressSchemas().progress.safeParse(data);
  const fast = readProgress(data);
  if (!bySchema.success) {
    expect(fast).toBeUndefined();
    return;
  }
  // Parsed JSON that the schema accepts, the fast reader accepts too (zod stays unloaded).
  expect(fast).toBeDefined();
  expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema.data));
  // (Not toStrictEqual: it compares a record's own "constructor" key as if it were the class.)
  expect(isDeepStrictEqual(fast, bySchema.data)).toBe(true);
  expect(Object.getPrototypeOf(fast!.lessons)).toBeNull();
  expect(Object.getPrototypeOf(fast!.items)).toBeNull();
  expect(Object.getPrototypeOf(fast!.days)).toBeNull();
}

describe('readProgress', () => {
  it('knows every key of the schema, in its order', () => {
    const { progress, lessonProgress, itemProgress } = progressSchemas();
    expect(Object.keys(progress.shape)).toEqual([...PROGRESS_KEYS]);
    expect(Object.keys(lessonProgress.shape)).toEqual([...LESSON_PROGRESS_KEYS]);
    expect(Object.keys(itemProgress.shape)).toEqual([...ITEM_PROGRESS_KEYS]);
  });

  it('reads real progress as the schema does', () => {
    const at = new Date('2026-03-02T09:00:00Z');
    let p = markRead(emptyProgress(), 'intro', at);
    p = recordQuizScore(p, 'intro', 0.75, at);
    for (let i = 0; i < 30; i++) {
      p = recordAnswer(p, { questionId: `q${i % 7}`, lessonId: 'intro', topic: TOPICS[i % 3]!, correct: i % 4 !== 0, at: new Date(at.getTime() + i * 3_600_000) }, fsrsScheduler);
    }
    const data = JSON.parse(JSON.stringify(p)) as unknown;
    same(data);
    expect(isDeepStrictEqual(progressSchema.parse(data), progressSchemas().progress.parse(data))).toBe(true);
  });

  it('keeps "__proto__" and "constructor" as plain keys, and fills the defaults', () => {
    same(JSON.parse('{"version":1,"lessons":{"__proto__":{"reads":2},"constructor":{}},"items":{"__proto__":{"lesson":"a","topic":"tools","due":1,"stability":0,"difficulty":5,"reps":1,"lapses":0,"state":2,"last":1,"history":[[1,1]],"seen":1,"right":1}}}'));
    same(JSON.parse('{"version":1,"current":"a","lessons":{},"items":{},"days":{"2026-01-01":3},"extra":true}'));
  });

  it('agrees with the schema on arbitrary data, valid or not', () => {
    const junk = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: a as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk });
    const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }), fc.constant(2 ** 60), fc.constant(-0));
    // Mostly valid values, so that whole records are often valid, with each kind of mistake now and then.
    const often = <T>(valid: fc.Arbitrary<T>, ...invalid: unknown[]) =>
      fc.oneof({ weight: 12, arbitrary: valid as fc.Arbitrary<unknown> }, ...invalid.map((v) => ({ weight: 1, arbitrary: fc.constant(v) })));
    const count = often(fc.nat(), -1, 1.5, 2 ** 60);
    const date = often(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), 'not a date', '2026-01-01');
    const score = often(fc.double({ min: 0, max: 1, noNaN: true }), 1.5, -0.1);
    const stability = often(fc.double({ min: 0, max: 1e6, noNaN: true }), -1);
    const lesson = fc.record(
      { readAt: maybe(date), reads: maybe(count), bestScore: maybe(score), lastScore: maybe(score), quizzedAt: maybe(date), extra: junk },
      { requiredKeys: [] },
    );
    const history = fc.array(fc.oneof({ weight: 6, arbitrary: fc.tuple(num, fc.constantFrom(0, 1)) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk }), { maxLength: 3 });
    const item = fc.record(
      {
        lesson: maybe(fc.string()),
        topic: maybe(often(fc.constantFrom(...TOPICS), 'other')),
        due: maybe(num),
        stability: maybe(stability),
        difficulty: maybe(num),
        reps: maybe(count),
        lapses: maybe(count),
        state: maybe(often(fc.integer({ min: 0, max: 3 }), -1, 4, 2.5)),
        learningSteps: maybe(count),
        last: maybe(num),
        history: maybe(history),
        seen: maybe(count),
        right: maybe(count),
        extra: junk,
      },
      { requiredKeys: ['lesson', 'topic', 'due', 'stability', 'difficulty', 'reps', 'lapses', 'state', 'last', 'history', 'seen', 'right'] },
    );
    const key = fc.oneof(fc.string(), fc.constantFrom('constructor', 'toString', '1', '0'));
    const progress = fc.record(
      {
        version: fc.oneof({ weight: 8, arbitrary: fc.constant(1) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk }),
        current: maybe(fc.string()),
        lessons: maybe(fc.dictionary(key, lesson, { maxKeys: 4 })),
        items: maybe(fc.dictionary(key, item, { maxKeys: 4 })),
        days: maybe(fc.dictionary(key, maybe(count), { maxKeys: 3 })),
        other: junk,
      },
      { requiredKeys: ['version', 'lessons', 'items'] },
    );
    fc.assert(
      fc.property(progress, (p) => same(JSON.parse(JSON.stringify(p)) as unknown)),
      { numRuns: 2000 },
    );
  });
});
