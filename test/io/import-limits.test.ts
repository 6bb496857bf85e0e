// Import takes only what the progress store can hold and show: dates a
// calendar holds, no more bytes than a progress file may have (the same limit
// from a file and from standard input, read with a cap), and it never writes
// a file that the next run would refuse.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dict, type Progress } from '../../src/core/progress.js';
import { parseProgressText } from '../../src/core/progress-text.js';
import { MAX_PROGRESS_BYTES, ProgressStore } from '../../src/io/progress-store.js';
import { runIn } from '../helpers/in-process.js';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

const course = join(fixturesDir, 'course');

function item(due: number, lesson = 'duties') {
  return { lesson, topic: 'tools', due, stability: 2, difficulty: 5, reps: 1, lapses: 0, state: 2, learningSteps: 0, last: 1_700_000_000, history: [[1_700_000_000, 1]], seen: 1, right: 1 };
}

function withMine(): { progress: string; before: string } {
  const progress = join(tempDir(), 'progress.json');
  const before = `${JSON.stringify({ version: 1, lessons: { duties: { readAt: '2026-01-02T03:04:05.000Z' } }, items: { 't-mine': item(1_800_000_000) }, days: {} })}\n`;
  writeFileSync(progress, before);
  return { progress, before };
}

/** A valid export padded with spaces after its JSON to just over the limit. */
const oversized = (): string => `${JSON.stringify({ version: 1, lessons: {}, items: { 't-other': item(1_800_000_000) }, days: {} })}${' '.repeat(MAX_PROGRESS_BYTES)}\n`;

describe('import refuses', () => {
  it('a date no calendar holds (due at 1e308): one line, nothing changed, stats still works', async () => {
    const { progress, before } = withMine();
    const incoming = join(tempDir(), 'far.json');
    writeFileSync(incoming, `{"version":1,"lessons":{},"items":{"t-far":${JSON.stringify(item(1e308)).replace('1e+308', '1e308')}},"days":{}}`);
    const r = await runIn(['--lessons', course, '--progress', progress, 'import', incoming]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/items\.t-far\.due: expected a time between 1970 and 9999\); nothing was imported/);
    expect(readFileSync(progress, 'utf8')).toBe(before);
    expect((await runIn(['--lessons', course, '--progress', progress, 'stats'])).code).toBe(0);
  });

  it('a file larger than a progress file may be, without reading it whole', async () => {
    const { progress, before } = withMine();
    const incoming = join(tempDir(), 'huge.json');
    writeFileSync(incoming, oversized());
    const r = await runIn(['--lessons', course, '--progress', progress, 'import', incoming]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.json: is larger than a progress file may be \(64 MB\); nothing was imported/);
    expect(readFileSync(progress, 'utf8')).toBe(before);
  });

  it('standard input larger than that, by the same limit', async () => {
    const { progress, before } = withMine();
    const r = await runIn(['--lessons', course, '--progress', progress, 'import', '-'], { input: oversized() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/standard input: is larger than a progress file may be \(64 MB\); nothing was imported/);
    expect(readFileSync(progress, 'utf8')).toBe(before);
  });
});

describe('the store never writes what the next run would refuse', () => {
  it('progress that would grow past the limit: refused, the file as it was', () => {
    const { progress, before } = withMine();
    const items = dict<Progress['items'][string]>();
    const one = item(1_800_000_000) as Progress['items'][string];
    for (let i = 0; i < 230_000; i++) items[`t-${i}`] = { ...one, history: Array.from({ length: 12 }, (_, k) => [1_700_000_000 + k, 1] as [number, 0 | 1]) };
    const store = new ProgressStore({ file: progress, warn: () => {} });
    expect(() => store.update((p) => ({ ...p, items }))).toThrow(/would grow to \d+ MB, more than a progress file may hold \(64 MB\); nothing was changed/);
    expect(readFileSync(progress, 'utf8')).toBe(before);
  });

  it('progress the validator would refuse (a NaN, a time past 9999): refused, the file as it was', () => {
    const { progress, before } = withMine();
    const store = new ProgressStore({ file: progress, warn: () => {} });
    for (const bad of [{ ...item(1_800_000_000), stability: Number.NaN }, item(1e15)]) {
      expect(() => store.update((p) => ({ ...p, items: { ...p.items, 't-bad': bad as Progress['items'][string] } }))).toThrow(/would not be readable/);
      expect(readFileSync(progress, 'utf8')).toBe(before);
    }
    expect(parseProgressText(before).ok).toBe(true);
  });
});
