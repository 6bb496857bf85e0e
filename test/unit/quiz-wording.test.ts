// How generated questions are worded, each rule on a small lesson written for
// the test: stems that say what they want, no questions on story or area
// headings, and no clues in the form of a question.
import { describe, expect, it } from 'vitest';
import { clueIn } from '../../src/core/quiz/clues.js';
import { generateQuestions, lessonStructure } from '../../src/core/quiz/generate.js';
import type { Question } from '../../src/core/quiz/types.js';

import { decisionTable, lesson, md, sections, toolTable } from '../helpers/quiz-lessons.js';

describe('stems say what they ask for', () => {
  it('names the item_kind from front matter', () => {
    const questions = generateQuestions(lesson(sections, 'item_kind: growing technique\n'));
    const example = questions.find((q) => q.id.startsWith('e-example') && q.answer === 'Companion planting')!;
    expect(example.prompt).toBe('“Marigolds along the tomato row keep whitefly away.”\nWhich growing technique does this example show?');
    expect(questions.find((q) => q.id.startsWith('r-desc'))!.prompt).toMatch(/^Which growing technique is described here\?/);
    expect(questions.find((q) => q.id.startsWith('r-name'))!.prompt).toMatch(/^Name the growing technique described here: /);
  });

  it('falls back to naming the lesson, never "which of these"', () => {
    const questions = generateQuestions(lesson(sections));
    expect(questions.find((q) => q.id.startsWith('r-desc'))!.prompt).toMatch(/^Which section of “Garden Planning” is described here\?/);
  });

  it('asks for a kind of tool when a list explains each kind of the tool table, and only then', () => {
    const explained = md(toolTable, '', '## What each kind is for', '', '- **Soil tester**: Shows whether lime or sulphur is needed before sowing anything.', '- **Rain gauge**: Shows whether the beds need extra water this week or not.', '- **Hand trowel**: Lifts seedlings with the soil around their roots still whole.');
    const described = generateQuestions(lesson(explained)).filter((q) => q.id.startsWith('r-desc'));
    expect(described.length).toBeGreaterThan(0);
    expect(described.every((q) => q.prompt.startsWith('Which kind of tool is described here?'))).toBe(true);
    const mixed = explained.replace('- **Hand trowel**:', '- **Hoeing**:');
    expect(generateQuestions(lesson(mixed)).filter((q) => q.prompt.startsWith('Which kind of tool is described'))).toEqual([]);
  });

  it('asks for typed answers only when they are at most three words', () => {
    const long = sections.replace('### Succession sowing', '### Sowing a little of a crop often');
    const typed = generateQuestions(lesson(long)).filter((q) => q.kind === 'text');
    expect(typed.map((q) => q.answer).sort()).toEqual(['Companion planting', 'Crop rotation']);
  });
});

describe('no questions on story or area headings, nor on outcomes', () => {
  it('leaves out a story heading and the scenes under it', () => {
    const story = md(sections, '', "### Priya's allotment", '', 'Priya digs over her plot every Saturday morning in spring.', '', '## A week with Sam', '', '### Morning rounds', '', 'He checks the nets and waters the seedlings before work.');
    const names = lessonStructure(lesson(story)).items.map((i) => i.name);
    expect(names).toEqual(['Crop rotation', 'Companion planting', 'Succession sowing']);
  });

  it('keeps an idea named after its author, possessive and all', () => {
    const named = md("## Porter's five forces", '', '- **Rivalry**: How hard existing sellers already compete on price.', '- **New entrants**: How easily a newcomer could start selling the same thing.', '- **Substitutes**: What else buyers could use to get the same job done.');
    expect(lessonStructure(lesson(named)).items.map((i) => i.name)).toEqual(['Rivalry', 'New entrants', 'Substitutes']);
  });

  it('never quizzes a Sources section, even written as bold-label bullets', () => {
    const cited = md(sections, '', '## Sources', '', '- **Crop rotation**: A. Gardener, The Rotating Plot, 1998.', '- **Mulching**: B. Grower, Soil Cover, 2004.', '- **Staking**: C. Planter, Canes and Ties, 2011.');
    expect(lessonStructure(lesson(cited)).items.map((i) => i.area)).toEqual(['Ways to plan a bed', 'Ways to plan a bed', 'Ways to plan a bed']);
  });

  it('never asks which area an item is filed under, nor what outcome it leads to', () => {
    const withOutcomes = sections.replace(/(- \*\*Example\*\*:.*)/g, '$1\n- **Outcome**: A healthier garden with less work.');
    const prompts = generateQuestions(lesson(withOutcomes)).map((q) => q.prompt);
    expect(prompts.filter((p) => /area|belong|outcome|lead to/i.test(p))).toEqual([]);
  });
});

describe('no clues in generated questions', () => {
  const masked = (q: Question) => q.prompt;

  it('masks whole words, and drops the article before a blank', () => {
    const text = md(
      '## Jobs',
      '',
      '### Mulching',
      '',
      'Spreading an mulch layer over bare soil; mulches keep moisture in through a dry summer.',
      '',
      '### Pruning',
      '',
      'Cutting back stems in late winter so the plant puts energy into new growth.',
      '',
      '### Staking',
      '',
      'Tying tall plants to canes so wind does not snap them in a summer storm.',
    );
    const q = generateQuestions(lesson(text)).find((x) => x.id.startsWith('r-desc') && x.answer === 'Mulching')!;
    expect(masked(q)).toContain('Spreading ___ layer');
    expect(masked(q)).toContain('; ___ keep');
    expect(clueIn(q)).toBeUndefined();
  });

  it('leaves out a question whose answer repeats a word of the stem', () => {
    const echo = decisionTable.replace('Seedlings in a shallow box that wash out', 'Seedlings in a tray that wash out easily ');
    const prompts = generateQuestions(lesson(echo)).filter((q) => q.id.startsWith('x-decide')).map((q) => q.prompt);
    expect(prompts).toHaveLength(3);
    expect(prompts.some((p) => p.includes('tray'))).toBe(false);
  });

  it('finds each kind of clue', () => {
    const base = { kind: 'single' as const, answer: 'Crop rotation' };
    expect(clueIn({ ...base, prompt: 'Which is an ___ plan?', choices: ['Crop rotation', 'Mulching', 'Pruning'] })).toMatch(/"a" or "an"/);
    expect(clueIn({ ...base, prompt: 'Which is rot___ing?', choices: ['Crop rotation', 'Mulching', 'Pruning'] })).toMatch(/part of a word/);
    expect(clueIn({ ...base, prompt: 'Which method rotates crops?', choices: ['Crop rotation', 'Mulching', 'Pruning'] })).toMatch(/shares "crop" with the stem/i);
    // A typed answer has nothing to pick from: the same echo is no clue.
    expect(clueIn({ ...base, kind: 'text', prompt: 'Which method rotates crops?', choices: [] })).toBeUndefined();
    expect(clueIn({ ...base, prompt: 'Which method rotates crops?', choices: ['Crop rotation', 'Crop spacing', 'Pruning'] })).toBeUndefined();
    expect(clueIn({ ...base, answer: 'Moving plant families between beds each year', prompt: 'What is it?', choices: ['Moving plant families between beds each year', 'Mulching', 'Pruning'] })).toMatch(/longer/);
    expect(clueIn({ ...base, prompt: 'Which plan?', choices: ['Crop rotation', 'Mulching', '42'] })).toMatch(/another kind/);
  });
});
