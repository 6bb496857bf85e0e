// The generators' rules, each on a small lesson written for the test: what a
// learner would notice if the rule were gone.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/core/lesson.js';
import { isApplicationQuestion, isBrandQuestion } from '../../src/core/quiz/classify.js';
import { clueIn } from '../../src/core/quiz/clues.js';
import { generateQuestions, lessonStructure } from '../../src/core/quiz/generate.js';
import type { Question } from '../../src/core/quiz/types.js';

const lesson = (body: string, front = '') => parseLesson({ file: 't.md', relPath: 't.md', text: `---\ntitle: Garden Planning\n${front}---\n${body}\n` });
const md = (...lines: string[]) => lines.join('\n');

const decisionTable = md(
  '## Choosing a watering method',
  '',
  '| Situation                                  | Method        | Why                          |',
  '|--------------------------------------------|---------------|------------------------------|',
  '| A long row of beans in a dry, windy spot    | Drip line     | Water reaches the roots       |',
  '| Twelve pots on a sunny balcony              | Watering can  | Each pot gets its own measure |',
  '| A new lawn sown from seed in late spring    | Sprinkler     | Even cover over a wide area   |',
  '| Seedlings in a shallow box that wash out   | Bottom tray   | No splash on tender leaves    |',
);

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

const toolTable = md(
  '## Tools',
  '',
  '| Kind of tool | Part of   | Used to                                 | Examples                 |',
  '|--------------|-----------|-----------------------------------------|--------------------------|',
  '| Soil tester  | Measuring | Check how acid the ground is            | Rapitest, Luster Leaf    |',
  '| Rain gauge   | Measuring | Record how wet the week has been        | Stratus, Sunroad         |',
  '| Hand trowel  | Digging   | Lift small plants without harming roots | Burgon, Kent & Stowe     |',
  '| Border spade | Digging   | Turn over a narrow bed between plants   | Fiskars, Spear & Jackson |',
);

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

const sections = md(
  '## Ways to plan a bed',
  '',
  '### Crop rotation',
  '',
  'Moving each family of plants to a different bed every year so pests lose their hosts.',
  '',
  '- **Example**: Beans follow the potatoes, and brassicas follow the beans, in a three-year cycle.',
  '',
  '### Companion planting',
  '',
  'Growing plants side by side because one protects or feeds the other.',
  '',
  '- **Example**: Marigolds along the tomato row keep whitefly away.',
  '',
  '### Succession sowing',
  '',
  'Sowing small amounts of a crop every few weeks for a steady harvest.',
  '',
  '- **Example**: A short row of lettuce every fortnight from April to August.',
);

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
