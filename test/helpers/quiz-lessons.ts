// Small lessons in our own words for the quiz generators' tests: a decision
// table, a tool table and a lesson of sections, with the helpers that build them.
import { parseLesson } from '../../src/core/lesson.js';

export const lesson = (body: string, front = '') => parseLesson({ file: 't.md', relPath: 't.md', text: `---\ntitle: Garden Planning\n${front}---\n${body}\n` });
export const md = (...lines: string[]) => lines.join('\n');

export const decisionTable = md(
  '## Choosing a watering method',
  '',
  '| Situation                                  | Method        | Why                          |',
  '|--------------------------------------------|---------------|------------------------------|',
  '| A long row of beans in a dry, windy spot    | Drip line     | Water reaches the roots       |',
  '| Twelve pots on a sunny balcony              | Watering can  | Each pot gets its own measure |',
  '| A new lawn sown from seed in late spring    | Sprinkler     | Even cover over a wide area   |',
  '| Seedlings in a shallow box that wash out   | Bottom tray   | No splash on tender leaves    |',
);

export const toolTable = md(
  '## Tools',
  '',
  '| Kind of tool | Part of   | Used to                                 | Examples                 |',
  '|--------------|-----------|-----------------------------------------|--------------------------|',
  '| Soil tester  | Measuring | Check how acid the ground is            | Rapitest, Luster Leaf    |',
  '| Rain gauge   | Measuring | Record how wet the week has been        | Stratus, Sunroad         |',
  '| Hand trowel  | Digging   | Lift small plants without harming roots | Burgon, Kent & Stowe     |',
  '| Border spade | Digging   | Turn over a narrow bed between plants   | Fiskars, Spear & Jackson |',
);

export const sections = md(
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
