import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lesson.js';
import { excerpt, queryTerms, search, searchDocFromLesson, type SearchDoc } from '../../src/core/search.js';

function lesson(id: string, title: string, body: string): Lesson {
  return { id, title, parent: undefined, grandParent: undefined, navOrder: undefined, isModule: false, file: `${id}.md`, body, bodyLine: 6, titleInFrontMatter: true };
}

// A small course about running a bakery: each lesson uses "oven" differently.
const lessons = [
  lesson('ovens', 'Choosing an Oven', '# Choosing an Oven\n\nDeck, rack and convection models differ in how they bake.\n'),
  lesson('mornings', 'Early Mornings', '# Early Mornings\n\n## Lighting the oven\n\nThe first job of the day is heating up.\n\n## Shaping dough\n\nLoaves are shaped while it warms.\n'),
  lesson('pricing', 'Pricing Bread', '# Pricing Bread\n\nCount flour, labour and the gas the oven burns.\nA sourdough loaf sells for more than a tin loaf.\n'),
  lesson(
    'suppliers',
    'Flour Suppliers',
    '# Flour Suppliers\n\n| Kind | Mills |\n|---|---|\n| Organic | Stoneground, Riverside |\n\n```quiz\n- question: Which mill is organic?\n  answer: Stoneground Secret\n```\n',
  ),
];
const docs: SearchDoc[] = lessons.map((l, i) => searchDocFromLesson(l, `1.${i + 1}`));
const ids = (query: string) => search(docs, query).hits.map((h) => h.id);

describe('search ranking', () => {
  it('puts a title match first, then a heading, then a mention in the text', () => {
    expect(ids('oven')).toEqual(['ovens', 'mornings', 'pricing']);
  });

  it('ranks lessons that hold every word above those holding only some', () => {
    const result = search(docs, 'oven gas');
    expect(result.hits[0]!.id).toBe('pricing');
    expect(result.hits[0]!.matched).toEqual(['oven', 'gas']);
    expect(result.hits.slice(1).every((h) => h.matched.length === 1)).toBe(true);
  });

  it('matches plurals, the start of a word, case and accents', () => {
    expect(ids('ovens')).toContain('mornings');
    expect(ids('sour')).toEqual(['pricing']);
    expect(ids('SUPPLIERS')).toEqual(['suppliers']);
    expect(ids('lābour')).toEqual(['pricing']);
  });

  it('drops words like "the" and "of" unless nothing else is left', () => {
    expect(queryTerms('the price of bread')).toEqual(['price', 'bread']);
    expect(queryTerms('the of')).toEqual(['the', 'of']);
  });

  it('does not search quiz blocks, which hold the answers', () => {
    expect(ids('secret')).toEqual([]);
    expect(ids('stoneground')).toEqual(['suppliers']);
  });

  it('gives the best line with its file line number and the matching word', () => {
    const hit = search(docs, 'lighting').hits[0]!;
    expect(hit.match).toMatchObject({ text: 'Lighting the oven', kind: 'heading', line: 8 });
    expect(hit.match.spans).toEqual([[0, 8]]);
    const both = search(docs, 'sourdough loaf').hits[0]!.match;
    expect(both.text).toBe('A sourdough loaf sells for more than a tin loaf.');
    expect(both.spans.map(([s, e]) => both.text.slice(s, e))).toEqual(['sourdough', 'loaf', 'loaf']);
  });
});

describe('typo tolerance', () => {
  it('finds words one or two edits away, swaps included, and says what it read them as', () => {
    const result = search(docs, 'sourdoguh');
    expect(result.hits.map((h) => h.id)).toEqual(['pricing']);
    expect(result.corrections).toEqual({ sourdoguh: ['sourdough'] });
    expect(ids('convectoin')).toEqual(['ovens']);
    expect(ids('ovn')).toEqual([]); // three letters: too short to guess at
  });

  it('never fuzzes a word the course holds: "loaf" does not also match "loaves"', () => {
    expect(search(docs, 'loaf').corrections).toEqual({});
    expect(ids('loaf')).toEqual(['pricing']);
  });

  it('finds nothing for words far from anything in the course', () => {
    expect(search(docs, 'spreadsheet').hits).toEqual([]);
  });

});

describe('excerpt', () => {
  it('cuts a long line around the first match and keeps the spans on the same words', () => {
    const text = `${'word '.repeat(30)}the needle is here ${'more '.repeat(30)}`.trim();
    const start = text.indexOf('needle');
    const cut = excerpt({ text, spans: [[start, start + 6]] }, 40);
    expect(cut.text.length).toBeLessThanOrEqual(40);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    const [s, e] = cut.spans[0]!;
    expect(cut.text.slice(s, e)).toBe('needle');
  });

  it('leaves a short line alone', () => {
    expect(excerpt({ text: 'short line', spans: [[0, 5]] }, 40)).toEqual({ text: 'short line', spans: [[0, 5]] });
  });
});
