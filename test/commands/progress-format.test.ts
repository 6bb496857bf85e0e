// The progress file's format: a file as pm-guide 0.1 wrote it (format 1, the
// one pm-guide writes) is read as it is, left as it is until pm-guide next
// saves, and then saved with nothing lost; a file from a newer pm-guide is
// left alone. (Format 2, an earlier packed layout: test/unit/progress-file.test.ts.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIn } from '../helpers/in-process.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

const pm = (progress: string, ...args: string[]) => runIn(['--lessons', course, '--progress', progress, ...args]);
const exported = async (progress: string) => {
  const r = await pm(progress, 'export');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { lessons: Record<string, { reads?: number }>; items: Record<string, unknown>; days: Record<string, number>; current?: string };
};

/** A format 1 file as pm-guide 0.1 wrote it: a real question due, and things this course does not know. */
async function formatOneFile(): Promise<string> {
  const questions = JSON.parse((await runIn(['--lessons', course, 'quiz', 'duties', '--preview', '--json'])).stdout) as Array<{ id: string }>;
  const now = Math.floor(Date.now() / 1000);
  const history = Array.from({ length: 12 }, (_, i) => [now - (30 - i) * 86_400, i % 3 === 0 ? 0 : 1]);
  return `${JSON.stringify({
    version: 1,
    current: 'duties',
    lessons: {
      basics: { readAt: '2026-01-05T10:00:00.000Z', reads: 2 },
      duties: { readAt: '2026-01-05T10:05:00.000Z', reads: 1, bestScore: 1, lastScore: 0.5, quizzedAt: '2026-01-06T08:00:00.000Z' },
      'a-lesson-from-another-course': { readAt: '2025-12-01T09:00:00.000Z', reads: 1 },
    },
    items: {
      [questions[0]!.id]: { lesson: 'duties', topic: 'responsibilities', due: now - 3_600, stability: 3.17262149, difficulty: 5.28219843, reps: 14, lapses: 3, state: 2, learningSteps: 0, last: now - 90_000, history, seen: 14, right: 10 },
      'a-question-from-another-course': { lesson: 'a-lesson-from-another-course', topic: 'examples', due: now + 86_400, stability: 12.5, difficulty: 4, reps: 3, lapses: 0, state: 2, last: now - 86_400, history: [[now - 86_400.5, 1]], seen: 3, right: 3 },
    },
    days: { '2026-01-05': 3, '2026-01-06': 7 },
  })}\n`;
}

describe('a progress file from pm-guide 0.1 (format 1)', () => {
  it('is read as it is, kept until the next save, then saved with nothing lost', async () => {
    const progress = join(tempDir(), 'progress.json');
    const old = await formatOneFile();
    writeFileSync(progress, old);

    // Commands that only read leave the file as it was.
    const before = await exported(progress);
    expect((await pm(progress, 'stats', '--json')).code).toBe(0);
    expect((await pm(progress, 'next')).stdout).toMatch(/^Next: review 1 question due/);
    expect(readFileSync(progress, 'utf8')).toBe(old);

    // Reading a lesson saves, in the same format.
    expect((await runIn(['--lessons', course, '--progress', progress, 'read', 'basics', '--no-pager'], { tty: true })).code).toBe(0);
    expect(JSON.parse(readFileSync(progress, 'utf8')).version).toBe(1);

    // Everything from before is there, exactly, with the one read added.
    const after = await exported(progress);
    const changedDays = Object.keys(after.days).filter((d) => after.days[d] !== before.days[d]);
    expect(changedDays).toHaveLength(1);
    expect(after.days[changedDays[0]!]).toBe((before.days[changedDays[0]!] ?? 0) + 1);
    expect(after.lessons.basics!.reads).toBe(3);
    expect({ ...after, days: before.days, lessons: { ...after.lessons, basics: before.lessons.basics }, current: before.current }).toEqual(before);
    expect(after.current).toBe('basics');
    expect((await pm(progress, 'next')).stdout).toMatch(/^Next: review 1 question due/);
  });

  it('imports as before, and an export is format 1 (an older pm-guide can import it)', async () => {
    const dir = tempDir();
    const old = join(dir, 'old-export.json');
    const text = await formatOneFile();
    writeFileSync(old, text);
    const progress = join(dir, 'progress.json');
    const r = await pm(progress, 'import', old);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Imported from .*old-export\.json: 17 answers, 2 questions new to this machine, 3 lessons read or scored/);
    expect(JSON.parse(readFileSync(progress, 'utf8')).version).toBe(1);
    const again = await exported(progress);
    expect(JSON.parse((await pm(progress, 'export')).stdout).version).toBe(1);
    expect(again.items).toEqual(JSON.parse(text.replace(/"state":2,"last"/, '"state":2,"learningSteps":0,"last"')).items);
  });
});

describe('a progress file from a newer pm-guide', () => {
  it('is refused with the versions named, and left untouched', async () => {
    const progress = join(tempDir(), 'progress.json');
    const newer = '{"version":3,"lessons":{},"lessonIds":[],"items":{},"more":"to come"}\n';
    writeFileSync(progress, newer);
    for (const args of [['next'], ['read', 'basics', '--no-pager']]) {
      const r = await pm(progress, ...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/was written by a newer pm-guide \(progress format 3; this one reads up to 2\); it is left untouched/);
    }
    expect(readFileSync(progress, 'utf8')).toBe(newer);
  });
});
