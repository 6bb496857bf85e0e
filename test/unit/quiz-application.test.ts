// The generators' rules, each on a small lesson written for the test: what a
// learner would notice if the rule were gone.
import { describe, expect, it } from 'vitest';
import { isApplicationQuestion, isBrandQuestion } from '../../src/core/quiz/classify.js';
import { generateQuestions, lessonStructure } from '../../src/core/quiz/generate.js';

import { decisionTable, lesson, md, toolTable } from '../helpers/quiz-lessons.js';


describe('decision tables become situations to judge', () => {
  const questions = generateQuestions(lesson(decisionTable));
  const decide = questions.filter((q) => q.id.startsWith('x-decide'));

  it('asks, for each row, which choice of the column fits the situation', () => {
    expect(decide).toHaveLength(4);
    const pots = decide.find((q) => q.prompt.includes('Twelve pots'))!;
    expect(pots.prompt).toBe('Situation: Twelve pots on a sunny balcony.\nWhich method fits best?');
    expect(pots.answer).toBe('Watering can');
    expect(pots.explanation).toBe('Watering can: Each pot gets its own measure.');
  });

  it('takes wrong choices only from the same column, each once', () => {
    for (const q of decide) {
      expect(q.choices.length).toBe(4);
      for (const c of q.choices) expect(['Drip line', 'Watering can', 'Sprinkler', 'Bottom tray']).toContain(c);
    }
  });

  it('counts them as application questions', () => expect(decide.every(isApplicationQuestion)).toBe(true));

  it('reads a table as a decision table only when its first header is Situation', () => {
    const other = decisionTable.replace('| Situation  ', '| Case       ');
    expect(generateQuestions(lesson(other)).filter((q) => q.id.startsWith('x-decide'))).toEqual([]);
  });

  it('makes none from a table with fewer than three different answers', () => {
    const two = decisionTable.replace('| Sprinkler     |', '| Drip line     |').replace('| Bottom tray   |', '| Watering can  |');
    expect(generateQuestions(lesson(two)).filter((q) => q.id.startsWith('x-decide'))).toEqual([]);
  });
});


describe('tool tables become jobs to match with a kind of tool', () => {
  const questions = generateQuestions(lesson(toolTable));

  it('asks which kind of tool a job needs, from the Used to column', () => {
    const job = questions.find((q) => q.id.startsWith('x-job') && q.answer === 'Rain gauge')!;
    expect(job.prompt).toBe('A team needs to record how wet the week has been. Which kind of tool fits?');
    expect(isApplicationQuestion(job)).toBe(true);
    expect(isBrandQuestion(job)).toBe(false);
  });

  it('offers wrong kinds of the same family first', () => {
    const job = questions.find((q) => q.id.startsWith('x-job') && q.answer === 'Rain gauge')!;
    expect(job.choices).toContain('Soil tester');
  });

  it('marks brand-to-kind questions so a quiz can cap them, one fact per kind', () => {
    const brand = questions.filter(isBrandQuestion);
    expect(brand.map((q) => q.prompt)).toContain('What kind of tool is Rapitest?');
    expect(brand.every((q) => q.fact.includes('|brand|'))).toBe(true);
    expect(new Set(brand.map((q) => q.fact)).size).toBe(4);
  });

  it('reads the job, family and tools from the header, whatever the column order', () => {
    const groups = lessonStructure(lesson(toolTable)).tools;
    expect(groups[0]).toMatchObject({ kind: 'Soil tester', family: 'Measuring', job: 'check how acid the ground is', tools: ['Rapitest', 'Luster Leaf'] });
  });
});

describe('tables of data yield no questions', () => {
  it('makes nothing of a just-the-docs table of heading sizes', () => {
    const sizes = md(
      '## Typography',
      '',
      '| Heading | Size, weight        |',
      '|---------|---------------------|',
      '| h1      | 32px, 300           |',
      '| h2      | 24px, 400           |',
      '| h3      | 18px, 500           |',
      '| h4      | 16px, 600           |',
    );
    expect(generateQuestions(lesson(sizes))).toEqual([]);
  });

  it('makes nothing of a tool-like header over numbers or code', () => {
    const numbers = md('| Category | Examples |', '|---|---|', '| `font-size` | 12px, 14px |', '| `line-height` | 1.2, 1.5 |', '| Spacing | 4, 8, 16 |');
    expect(lessonStructure(lesson(numbers)).tools).toEqual([]);
  });

  it('asks nothing about numbered sibling headings, example headings or text that points elsewhere', () => {
    const page = md(
      '## Headings',
      '',
      '### Header 1',
      '',
      'The biggest heading on the page, used once for the title of the page.',
      '',
      '### Header 2',
      '',
      'The next heading down, which starts each part of a long page of text.',
      '',
      '### Header 3',
      '',
      'A smaller heading again, for the pieces inside one part of the page.',
      '',
      '### Example: a custom colour',
      '',
      'Set the link colour in your own stylesheet to match the rest of the site.',
      '',
      '### Custom footer',
      '',
      'To add a footer to every page, put the following in the includes folder:',
    );
    expect(generateQuestions(lesson(page))).toEqual([]);
  });

  it('reads brands with digits as names', () => {
    const brands = md('| Kind of tool | Examples |', '|---|---|', '| Reviews | G2, Capterra |', '| Office suite | Microsoft 365, Google Workspace |', '| Passwords | 1Password, Bitwarden |');
    expect(lessonStructure(lesson(brands)).tools.map((t) => t.tools[0])).toEqual(['G2', 'Microsoft 365', '1Password']);
  });

  it('makes nothing of a table with commas but no tool header', () => {
    const commas = md('| Theme | Accounts |', '|---|---|', '| Speed | Acme, Globex, Initech |', '| Price | Umbrella, Hooli |');
    expect(lessonStructure(lesson(commas)).tools).toEqual([]);
  });
});

