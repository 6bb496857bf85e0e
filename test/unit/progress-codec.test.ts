// The progress file's compact layout (format 2): everything recorded survives
// a save and a load, files in format 1 read as before, and the zod-free reader
// accepts exactly what the schema accepts, with the same result.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  COMPACT_VERSION,
  decodeCompact,
  encodeProgress,
  parseProgressData,
  progressFileText,
} from '../../src/core/progress-codec.js';
import { compactProgressSchema } from '../../src/core/progress-codec-schema.js';
import { packHistory, unpackHistory } from '../../src/core/packed-history.js';
import { TOPICS, dict, emptyProgress, markRead, recordAnswer, recordQuizScore, type Progress } from '../../src/core/progress.js';
import { progressSchema } from '../../src/core/progress-schema.js';
import { fsrsScheduler } from '../../src/core/schedule.js';

const at = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;

/** Progress as a learner makes it: lessons read and scored, answers over weeks, some wrong. */
function studied(answers = 300, questions = 17): Progress {
  let p = markRead(emptyProgress(), 'intro', at);
  p = markRead(p, 'roadmaps', at);
  p = recordQuizScore(p, 'intro', 0.75, at);
  for (let i = 0; i < answers; i++) {
    const lesson = i % 3 === 0 ? 'roadmaps' : 'intro';
    p = recordAnswer(p, { questionId: `q${i % questions}`, lessonId: lesson, topic: TOPICS[i % 3]!, correct: i % 4 !== 0, at: new Date(at.getTime() + i * 7 * HOUR) }, fsrsScheduler);
  }
  return p;
}

/** Progress as format 1 gives it back (records in the schema's key order). */
const loadedV1 = (p: Progress): Progress => progressSchema.parse(JSON.parse(JSON.stringify(p)));

/** What saving then loading gives. */
function reload(p: Progress): Progress {
  const result = parseProgressData(JSON.parse(progressFileText(p)));
  if (!result.success) throw new Error(result.error.message);
  return result.data;
}

describe('the compact progress file', () => {
  it('keeps everything: a save and a load give the same progress, history and schedule included', () => {
    const p = studied();
    const back = reload(p);
    expect(JSON.stringify(back)).toBe(JSON.stringify(loadedV1(p)));
    expect(back).toEqual(p);
    // Reviews scheduled from the loaded copy are the ones the original would get.
    const next = (q: Progress) => recordAnswer(q, { questionId: 'q3', lessonId: 'intro', topic: 'tools', correct: false, at: new Date(at.getTime() + 400 * 7 * HOUR) }, fsrsScheduler);
    expect(JSON.stringify(next(back))).toBe(JSON.stringify(next(loadedV1(p))));
  });

  it('is well under half the size of format 1, and writes each lesson id once', () => {
    const p = studied(5_000, 400);
    const compact = progressFileText(p);
    expect(compact.length).toBeLessThan(JSON.stringify(p).length / 2);
    expect(compact.split('"roadmaps"')).toHaveLength(4); // current, lessons and lessonIds: not once per question.
    expect(JSON.parse(compact).version).toBe(COMPACT_VERSION);
  });

  it('saves again what it loaded without changing a byte, and saves a changed item as changed', () => {
    const text = progressFileText(reload(studied()));
    const loaded = reload(studied());
    expect(progressFileText(loaded)).toBe(text);
    const changed = recordAnswer(loaded, { questionId: 'q5', lessonId: 'intro', topic: 'tools', correct: true, at: new Date(at.getTime() + 500 * 7 * HOUR) }, fsrsScheduler);
    const again = reload(changed);
    expect(again.items.q5!.history.at(-1)).toEqual([Math.floor(at.getTime() / 1000) + 500 * 7 * 3600, 1]);
    expect(again.items.q5!.seen).toBe(loaded.items.q5!.seen + 1);
    expect(progressFileText(changed)).toBe(`${JSON.stringify(encodeProgress(changed))}\n`);
  });

  it('saves each item as it is now, whatever was saved before (text reused only when nothing changed)', () => {
    const p = reload(studied(100, 6));
    progressFileText(p);
    // The first question gone: every other lesson moves up in lessonIds.
    const [first, ...rest] = Object.keys(p.items);
    const without: Progress = { ...p, items: dict(rest.map((id) => [id, p.items[id]!] as const)) };
    // And one question moved to a lesson of its own under the id of another, one under two ids.
    const moved: Progress = {
      ...without,
      items: dict([...Object.entries(without.items), [first!, { ...p.items[rest[0]!]!, lesson: 'elsewhere' }] as const, ['alias', p.items[rest[1]!]!] as const]),
    };
    for (const q of [without, moved, p]) {
      expect(progressFileText(q)).toBe(`${JSON.stringify(encodeProgress(q))}\n`);
      expect(JSON.stringify(reload(q))).toBe(JSON.stringify(q));
    }
  });

  it('reads a format 1 file as before, unknown lessons and odd ids included', () => {
    const p = studied();
    const odd = JSON.stringify({ ...p.items.q1, lesson: 'a-lesson-this-course-lacks' });
    const v1 = JSON.stringify(p).replace('"items":{', `"items":{"__proto__":${odd},`);
    const result = parseProgressData(JSON.parse(v1));
    if (!result.success) throw new Error(result.error.message);
    expect(result.data.items['__proto__']!.lesson).toBe('a-lesson-this-course-lacks');
    expect(Object.keys(result.data.items)).toHaveLength(Object.keys(p.items).length + 1);
    expect(JSON.stringify(reload(result.data))).toBe(JSON.stringify(result.data));
  });

  it('gives answers read from a file that behave as any list of answers does', () => {
    const p = studied();
    const loaded = reload(p);
    const fresh = () => reload(p).items.q4!.history; // Not looked at before each check.
    const expected = loadedV1(p).items.q4!.history;
    expect(Array.isArray(fresh())).toBe(true);
    expect(fresh().length).toBe(expected.length);
    expect(fresh().at(-1)).toEqual(expected.at(-1));
    expect([...fresh()]).toEqual(expected);
    expect(fresh().slice(-5).map(([, r]) => r === 1)).toEqual(expected.slice(-5).map(([, r]) => r === 1));
    expect(Object.keys(fresh())).toEqual(Object.keys(expected));
    expect(JSON.stringify(fresh())).toBe(JSON.stringify(expected));
    expect(isDeepStrictEqual(fresh(), expected)).toBe(true);
    expect(isDeepStrictEqual(loaded, loadedV1(p))).toBe(true);
    expect(fresh()[0]).toEqual(expected[0]);
    expect(0 in fresh()).toBe(true);
  });

  it('packs histories exactly, and keeps those it cannot pack as pairs', () => {
    const histories: Array<Array<[number, 0 | 1]>> = [
      [],
      [[1_790_000_000, 1]],
      [[1_790_000_000, 0], [1_790_000_000, 1], [1_789_000_000, 1], [0, 0], [-5, 1]], // Ties, clocks set back, 1970 and before.
      [[2 ** 45, 1], [-(2 ** 45), 0]],
    ];
    for (const h of histories) {
      const packed = packHistory(h);
      expect(typeof packed).toBe('string');
      expect(unpackHistory(packed as string)).toEqual(h);
    }
    for (const h of [[[1.5, 1]], [[2 ** 53 + 2, 0]], [[0, 1], [2 ** 52, 1]]] as Array<Array<[number, 0 | 1]>>) {
      expect(packHistory(h)).toEqual(h);
    }
    expect(unpackHistory('1,2,')).toBeUndefined();
    expect(unpackHistory('ABC')).toBeUndefined();
    expect(unpackHistory('12345678901')).toBeUndefined(); // 11 digits: beyond what decodes exactly.
    expect(unpackHistory('1,12345678901')).toBeUndefined();
  });

  it('round-trips any history the schema allows', () => {
    const time = fc.oneof(fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(Number.MIN_SAFE_INTEGER));
    fc.assert(
      fc.property(fc.array(fc.tuple(time, fc.constantFrom<0 | 1>(0, 1)), { maxLength: 20 }), (h) => {
        const stored = JSON.parse(JSON.stringify(packHistory(h))) as unknown;
        const back = typeof stored === 'string' ? unpackHistory(stored) : stored;
        expect(JSON.stringify(back)).toBe(JSON.stringify(h));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Whether the schema accepts the data, after checking the fast reader agrees. */
function same(data: unknown): boolean {
  const bySchema = compactProgressSchema().safeParse(data);
  const fast = decodeCompact(data);
  if (!bySchema.success) {
    expect(fast).toBeUndefined();
    return false;
  }
  expect(fast).toBeDefined();
  expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema.data));
  expect(isDeepStrictEqual(fast, bySchema.data)).toBe(true);
  expect(Object.getPrototypeOf(fast!.items)).toBeNull();
  expect(Object.getPrototypeOf(fast!.lessons)).toBeNull();
  expect(Object.getPrototypeOf(fast!.days)).toBeNull();
  return true;
}

describe('decodeCompact', () => {
  it('reads real progress as the schema does', () => {
    const data = JSON.parse(progressFileText(studied())) as unknown;
    same(data);
    expect(decodeCompact(data)).toBeDefined();
  });

  it('agrees with the schema on arbitrary data, valid or not', () => {
    const junk = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const often = <T>(valid: fc.Arbitrary<T>, ...invalid: unknown[]) =>
      fc.oneof({ weight: 30, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk }, ...invalid.map((v) => ({ weight: 1, arbitrary: fc.constant(v) })));
    const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }), fc.constant(2 ** 60), fc.constant(-0));
    const count = fc.oneof(fc.nat(), fc.constant(-0), fc.constant(Number.MAX_SAFE_INTEGER));
    const history = fc.oneof(
      fc.array(fc.tuple(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom<0 | 1>(0, 1)), { maxLength: 4 }).map(packHistory) as fc.Arbitrary<unknown>,
      fc.array(fc.tuple(num, fc.constantFrom<0 | 1>(0, 1)), { maxLength: 3 }) as fc.Arbitrary<unknown>,
    );
    // A valid item, or one with a single mistake in one place: each kind of mistake, where the rest is right.
    const item = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: TOPICS.length - 1 }),
      num,
      fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(-0)),
      num,
      count,
      count,
      fc.integer({ min: 0, max: 3 }),
      count,
      num,
      history,
      count,
      count,
    );
    const badCount = [-1, 1.5, 2 ** 60, '1', null];
    const mistakes: unknown[][] = [
      [-1, 0.5, 3, 99, '0', null],
      [-1, TOPICS.length, 1.5, 'tools'],
      ['1', null],
      [-1, -0.001, '1'],
      [null, '5'],
      badCount,
      badCount,
      [-1, 4, 2.5],
      badCount,
      [null],
      ['1,,2', ',', 'A', '1,12345678901', '12345678901', [[1, 2]], [[1]], [1, 1], 5, null],
      badCount,
      badCount,
    ];
    const mistaken = fc
      .tuple(item, fc.integer({ min: 0, max: mistakes.length - 1 }), fc.nat())
      .map(([a, at, pick]) => a.map((v, i) => (i === at ? mistakes[i]![pick % mistakes[i]!.length] : v)));
    const anyItem = fc.oneof(
      { weight: 6, arbitrary: item as fc.Arbitrary<unknown> },
      { weight: 4, arbitrary: mistaken as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: item.map((a) => a.slice(0, 12)) },
      { weight: 1, arbitrary: item.map((a) => [...a, 0]) },
      { weight: 1, arbitrary: junk },
    );
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', '0'));
    const lesson = fc.record({ readAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), reads: count }, { requiredKeys: [] });
    const progress = fc.record(
      {
        version: often(fc.constant(COMPACT_VERSION), 1, 3),
        current: often(fc.string()),
        lessons: often(fc.dictionary(key, lesson, { maxKeys: 3 })),
        lessonIds: often(fc.array(fc.string(), { minLength: 3, maxLength: 4 }), [], ['a'], ['a', 'b', null]),
        items: often(fc.dictionary(key, anyItem, { maxKeys: 3 })),
        days: often(fc.dictionary(key, count, { maxKeys: 3 }), { d: -1 }),
        other: junk,
      },
      { requiredKeys: ['version', 'lessons', 'lessonIds', 'items'] },
    );
    let valid = 0;
    fc.assert(
      fc.property(progress, (p) => {
        if (same(JSON.parse(JSON.stringify(p)) as unknown)) valid++;
      }),
      { numRuns: 5000 },
    );
    expect(valid).toBeGreaterThan(1500); // Enough whole files valid that agreeing on them means something.
  });

  it('is what the progress schema gives for format 1 data', () => {
    const v1 = JSON.parse(JSON.stringify(studied())) as unknown;
    const result = parseProgressData(v1);
    expect(result.success && isDeepStrictEqual(result.data, progressSchema.parse(v1))).toBe(true);
    expect(encodeProgress(studied()).version).toBe(2);
  });
});
