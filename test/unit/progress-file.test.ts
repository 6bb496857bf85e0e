// The progress file: one layout, read by one validator that says where a file
// is wrong; an earlier pm-guide's packed layout (format 2) read once and
// written back in the one layout; values no calendar holds refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TOPICS, emptyProgress, markRead, recordAnswer, recordQuizScore, type Progress } from '../../src/core/progress.js';
import { readProgressData } from '../../src/core/progress-schema.js';
import { fsrsScheduler } from '../../src/core/schedule.js';
import { parseProgressText, progressFileText } from '../../src/core/progress-text.js';
import { ProgressStore } from '../../src/io/progress-store.js';

const at = new Date('2026-03-02T09:00:00Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-guide-progress-'));
  dirs.push(dir);
  return join(dir, 'progress.json');
};

function studied(): Progress {
  let p = markRead(emptyProgress(), 'intro', at);
  p = recordQuizScore(p, 'intro', 0.75, at);
  for (let i = 0; i < 40; i++) {
    p = recordAnswer(p, { questionId: `q${i % 7}`, lessonId: 'intro', topic: TOPICS[i % 3]!, correct: i % 4 !== 0, at: new Date(at.getTime() + i * 3_600_000) }, fsrsScheduler);
  }
  return p;
}

describe('the progress file', () => {
  it('keeps everything through a save and a load', () => {
    const p = studied();
    const read = parseProgressText(progressFileText(p));
    expect(read.ok && read.progress).toEqual(JSON.parse(JSON.stringify(p)));
  });

  it('says which value is wrong, and why', () => {
    const data = JSON.parse(progressFileText(studied()));
    data.items.q3.due = 'soon';
    expect(readProgressData(data)).toEqual({ ok: false, reason: 'items.q3.due: expected a time between 1970 and 9999' });
    data.items.q3.due = 1e308;
    expect(readProgressData(data)).toMatchObject({ ok: false, reason: expect.stringContaining('items.q3.due') });
    const lessons = JSON.parse(progressFileText(studied()));
    lessons.lessons.intro.readAt = '+275760-09-13T00:00:00.000Z';
    expect(readProgressData(lessons)).toMatchObject({ ok: false, reason: expect.stringContaining('lessons.intro.readAt') });
  });

  it('keeps "__proto__" and "constructor" as plain keys', () => {
    const text = '{"version":1,"lessons":{"__proto__":{"reads":1},"constructor":{"reads":2}},"items":{},"days":{}}';
    const read = parseProgressText(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(Object.keys(read.progress.lessons)).toEqual(['__proto__', 'constructor']);
  });

  it('reads the packed layout of an earlier pm-guide, then saves it in the readable one with nothing lost', () => {
    const file = tempFile();
    // Two answers: right at 1,000,000 s (4 x 1,000,000 + 1), wrong 60 s later (4 x 60 + 0).
    const packed = `${(4 * 1_000_000 + 1).toString(36)},${(4 * 60).toString(36)}`;
    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        current: 'intro',
        lessons: { intro: { readAt: '2026-01-05T10:00:00.000Z', reads: 1 } },
        lessonIds: ['intro', 'roadmaps'],
        items: { q1: [1, 2, 1_900_000_000, 3.5, 5.2, 2, 1, 2, 0, 1_000_060, packed, 2, 1] },
        days: { '2026-01-05': 2 },
      }),
    );
    const store = new ProgressStore({ file, warn: (m) => expect.fail(m) });
    expect(store.load().items.q1).toEqual({
      lesson: 'roadmaps',
      topic: 'examples',
      due: 1_900_000_000,
      stability: 3.5,
      difficulty: 5.2,
      reps: 2,
      lapses: 1,
      state: 2,
      learningSteps: 0,
      last: 1_000_060,
      history: [
        [1_000_000, 1],
        [1_000_060, 0],
      ],
      seen: 2,
      right: 1,
    });
    store.update((p) => markRead(p, 'roadmaps', at));
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.items.q1.history).toEqual([
      [1_000_000, 1],
      [1_000_060, 0],
    ]);
    expect(Object.keys(saved.lessons)).toEqual(['intro', 'roadmaps']);
  });

  it('refuses a file from a newer pm-guide and leaves it as it was', () => {
    const file = tempFile();
    writeFileSync(file, '{"version":3,"lessons":{}}');
    const store = new ProgressStore({ file, warn: () => {} });
    expect(() => store.load()).toThrow(/newer pm-guide \(progress format 3/);
    expect(readFileSync(file, 'utf8')).toBe('{"version":3,"lessons":{}}');
  });
});
