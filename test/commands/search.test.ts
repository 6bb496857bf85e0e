// pm-guide search: ranked results with the lesson's number and id and the line
// that matches, tolerant of typos, as text and as JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIn } from '../helpers/in-process.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, hasEscapes } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

interface Result {
  rank: number;
  number: string;
  id: string;
  title: string;
  file: string;
  line: number;
  kind: string;
  text: string;
  spans: Array<[number, number]>;
}

async function searchJson(...terms: string[]): Promise<{ terms: string[]; corrections: Record<string, string[]>; results: Result[] }> {
  const r = await runIn(['--lessons', course, 'search', ...terms, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('pm-guide search', () => {
  it('ranks a heading above a table row above a passing mention, and shows where each matched', async () => {
    const r = await runIn(['--lessons', course, 'search', 'watering']);
    expect(r.code).toBe(0);
    expect(hasEscapes(r.stdout)).toBe(false);
    const lines = r.stdout.split('\n');
    const hits = lines.filter((l) => /^\d+\.\d/.test(l));
    expect(hits.map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['1.1', 'Duties of a Gardener', 'duties'],
      ['1.2', 'Areas and Tools', 'areas-and-tools'],
      ['2.1', 'The Gardening Year', 'seasons'],
    ]);
    expect(lines[lines.indexOf(hits[0]!) + 1]).toMatch(/^\s+line \d+: Watering Wisely$/);
    expect(r.stdout).toContain('pm-guide read 1.1 opens the first one.');
  });

  it('puts lessons holding every word first', async () => {
    const { results } = await searchJson('slug', 'rain');
    expect(results[0]).toMatchObject({ id: 'areas-and-tools' });
    expect(results[0]!.text).toMatch(/Slug Patrol: Going out after rain/);
  });

  it('forgives typos, and says which word it searched for instead', async () => {
    const typo = await runIn(['--lessons', course, 'search', 'secatuers']);
    expect(typo.code).toBe(0);
    expect(typo.stdout).toContain('"secatuers" is not in the course: showing matches for "secateurs"');
    expect(typo.stdout).toMatch(/^1\.2 +Areas and Tools/m);
    expect((await searchJson('mulhc')).results.map((r) => r.id)).toEqual((await searchJson('mulch')).results.map((r) => r.id));
    expect((await searchJson('mulhc')).corrections).toEqual({ mulhc: ['mulch'] });
  });

  it('--json gives each result its rank, number, id and the file line that matched', async () => {
    const { results } = await searchJson('compost');
    expect(results.length).toBeGreaterThan(0);
    for (const [i, result] of results.entries()) {
      expect(result.rank).toBe(i + 1);
      const fileLine = readFileSync(result.file, 'utf8').split('\n')[result.line - 1]!;
      expect(fileLine.toLowerCase()).toContain('compost');
      for (const [s, e] of result.spans) expect(result.text.slice(s, e).toLowerCase()).toMatch(/^compost/);
    }
  });

  it('highlights the matching words when colour is on', async () => {
    const r = await runIn(['--lessons', course, '--color', 'search', 'torch']);
    expect(r.stdout).toMatch(/\u001b\[1m\u001b\[33mtorch\u001b\[39m\u001b\[22m/);
  });

  it('never shows quiz answers, and says so plainly when nothing matches', async () => {
    // "afternoons" appears only in a quiz block of the fixture course.
    const r = await runIn(['--lessons', course, 'search', 'afternoons']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No lesson mentions "afternoons".');
    expect((await searchJson('afternoons')).results).toEqual([]);
  });

  it('needs something to search for', async () => {
    const r = await runIn(['--lessons', course, 'search']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
