// The course is written in our own words: no run of eight words is shared
// with the reference lessons in ../shared/seeds (checked where they exist).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsDir } from '../helpers/run.js';
import { haveSeeds, seedsDir } from '../helpers/seeds.js';

const words = (text: string): string[] => text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(' ').filter(Boolean);
const runs = (ws: string[]): string[] => ws.slice(0, Math.max(0, ws.length - 7)).map((_, i) => ws.slice(i, i + 8).join(' '));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
}

describe.runIf(haveSeeds)('the shipped course', () => {
  it('shares no run of eight words with the reference lessons', () => {
    const seeds = new Set(readdirSync(seedsDir).flatMap((f) => runs(words(readFileSync(join(seedsDir, f), 'utf8')))));
    const shared = markdownFiles(lessonsDir).flatMap((file) => runs(words(readFileSync(file, 'utf8'))).filter((r) => seeds.has(r)).map((r) => `${file}: ${r}`));
    expect(shared).toEqual([]);
  });
});
