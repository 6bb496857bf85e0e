import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidLessonError } from '../../src/core/errors.js';
import { parseLesson } from '../../src/core/lesson.js';
import { aOrAn } from '../../src/core/quiz/choices.js';
import { generateQuestions, lessonStructure } from '../../src/core/quiz/generate.js';
import { firstSentences } from '../../src/core/quiz/structure.js';
import type { Question } from '../../src/core/quiz/types.js';
import { normaliseAnswer } from '../../src/core/text.js';
import { haveSeeds, readSeed } from '../helpers/seeds.js';
import { fixturesDir } from '../helpers/run.js';

const fixture = (rel: string) => {
  const file = join(fixturesDir, 'course', rel);
  return parseLesson({ file, relPath: rel, text: readFileSync(file, 'utf8') });
};

/** The rules every generated question keeps, whatever the lesson. */
function expectWellFormed(questions: Question[]): void {
  const ids = new Set<string>();
  for (const q of questions) {
    expect(ids.has(q.id), `duplicate id ${q.id}`).toBe(false);
    ids.add(q.id);
    const norm = q.choices.map(normaliseAnswer);
    expect(new Set(norm).size, `duplicate choice in ${q.prompt}`).toBe(norm.length);
    for (const c of [...q.choices, q.prompt]) expect(c).not.toMatch(/\*\*|ðŸ|\u001b/);
    if (q.kind === 'single') {
      expect(q.choices.length).toBeGreaterThanOrEqual(3);
      expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
    }
    if (q.kind === 'multiple') {
      const answers = q.answer as string[];
      expect(answers.every((a) => q.choices.includes(a))).toBe(true);
      expect(q.choices.length).toBeGreaterThan(answers.length);
    }
    if (q.kind === 'boolean') expect(q.choices).toEqual(['True', 'False']);
    // Feedback shows the explanation after "Right." or "Wrong.": it states the fact, it does not answer yes or no.
    if (q.id.startsWith('r-tf')) expect(q.explanation).toMatch(/^It describes /);
  }
}

describe('questions from a lesson written in numbered sections (fixture)', () => {
  const lesson = fixture('01-basics/01-duties.md');
  const structure = lessonStructure(lesson);
  const questions = generateQuestions(lesson);

  it('finds each section with its example and outcome, numbering and emoji stripped', () => {
    expect(structure.items.map((i) => [i.name, i.examples.length, i.outcomes.length])).toEqual([
      ['Planning the Beds', 1, 1],
      ['Watering Wisely', 1, 1],
      ['Feeding the Soil', 1, 1],
      ['Keeping Records', 1, 1],
    ]);
    expect(structure.items[0]!.area).toBe('Main Duties');
  });

  it('asks which responsibility an example illustrates and what outcome each leads to', () => {
    const example = questions.find((q) => q.id.startsWith('e-example') && q.answer === 'Watering Wisely')!;
    expect(example.prompt).toContain('drip line');
    expect(example.source.line).toBe(28);
    const outcome = questions.find((q) => q.id.startsWith('e-outcome') && q.prompt.includes('Keeping Records'))!;
    expect(outcome.answer).toBe('Better choices next year, based on what really happened.');
    expect(outcome.choices).toHaveLength(4);
  });

  it('keeps every question well formed', () => expectWellFormed(questions));
});

describe('questions from bold-label bullets, a tool table and a quiz block (fixture)', () => {
  const lesson = fixture('01-basics/02-tools.md');
  const structure = lessonStructure(lesson);
  const questions = generateQuestions(lesson);

  it('groups bullets by their area and reads the tool table whatever its headers', () => {
    expect(structure.items.filter((i) => i.area === 'Protecting').map((i) => i.name)).toEqual(['Netting', 'Weeding', 'Slug Patrol']);
    expect(structure.tools.map((t) => [t.kind, t.tools.length])).toEqual([
      ['Digging', 3],
      ['Cutting', 3],
      ['Watering', 3],
      ['Moving', 3],
    ]);
  });

  it('asks which area a responsibility belongs to, and the reverse as multi-select', () => {
    const area = questions.find((q) => q.id.startsWith('r-area') && q.prompt.includes('Slug Patrol'))!;
    expect(area.answer).toBe('Protecting');
    expect(area.choices.sort()).toEqual(['Growing', 'Harvesting', 'Protecting']);
    const members = questions.find((q) => q.kind === 'multiple' && q.prompt.includes('“Harvesting”'))!;
    expect((members.answer as string[]).sort()).toEqual(['Picking', 'Saving Seed', 'Storing']);
  });

  it('asks tool kind, kind members (multi-select) and the odd one out', () => {
    const kind = questions.find((q) => q.prompt === 'What kind of tool is Secateurs?')!;
    expect(kind.answer).toBe('Cutting');
    const members = questions.find((q) => q.prompt.startsWith('Which of these are Watering tools'))!;
    expect((members.answer as string[]).sort()).toEqual(['Hose', 'Sprinkler', 'Watering Can']);
    const odd = questions.find((q) => q.prompt === 'Which of these is not a Moving tool?')!;
    expect(['Wheelbarrow', 'Trug', 'Bucket']).not.toContain(odd.answer);
    expect(odd.choices).toContain(odd.answer);
  });

  it('adds the authored questions of every kind, pointing at their line', () => {
    const authored = questions.filter((q) => q.id.startsWith('a-'));
    expect(authored.map((q) => q.kind)).toEqual(['single', 'multiple', 'text', 'boolean']);
    expect(authored[3]!.answer).toBe('False');
    expect(authored[0]!.source.line).toBe(41);
  });

  it('keeps every question well formed', () => expectWellFormed(questions));
});

describe('stable ids', () => {
  it('keeps ids when an unrelated line of the lesson changes', () => {
    const lesson = fixture('01-basics/02-tools.md');
    const edited = { ...lesson, body: lesson.body.replace('The work of a garden', 'Everything in a garden').replace('# Areas', '\n\n# Areas') };
    const before = generateQuestions(lesson).map((q) => q.id).sort();
    const after = generateQuestions(edited).map((q) => q.id).sort();
    expect(after).toEqual(before);
  });
});

describe('malformed quiz blocks', () => {
  const withBlock = (yaml: string) =>
    parseLesson({ file: 'bad.md', relPath: 'bad.md', text: `---\ntitle: Bad\n---\n# Bad\n\nText.\n\n\`\`\`quiz\n${yaml}\n\`\`\`\n` });
  it.each([
    ['an answer not among the choices', '- question: Pick one\n  choices: [A, B]\n  answer: C', 9, /not one of the choices/],
    ['a missing answer', '- question: What?\n  choices: [A, B]\n- question: Second', 9, /answer/],
    ['an unknown key', '- question: Q\n  answer: yes\n  hint: nope', 9, /unknown key "hint"/],
    ['YAML that does not parse', '- question: [oops\n  answer: A', 10, /not valid YAML/],
    ['the second question broken', '- question: Fine\n  answer: true\n- question: Broken\n  choices: [A, A]\n  answer: A', 11, /same/],
  ])('reports %s with the file and line', (_what, yaml, line, message) => {
    let error: unknown;
    try {
      generateQuestions(withBlock(yaml));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidLessonError);
    expect((error as InvalidLessonError).file).toBe('bad.md');
    expect((error as InvalidLessonError).line).toBe(line);
    expect((error as InvalidLessonError).problem).toMatch(message);
  });
});

describe('small text rules', () => {
  it.each([
    ['Analytics', 'an'],
    ['NPS survey', 'an'],
    ['User Research', 'a'],
    ['Project Management', 'a'],
    ['UX', 'a'],
  ])('%s takes "%s"', (phrase, article) => expect(aOrAn(phrase)).toBe(article));

  it('cuts descriptions at sentence ends, including after a quoted question', () => {
    expect(firstSentences('Ask "why now?" before building. Then decide. Then ship it later on.')).toBe('Ask "why now?" before building. Then decide.');
  });

  it('joins a wrapped bullet into one description', () => {
    const lesson = parseLesson({
      file: 'w.md',
      relPath: 'w.md',
      text: '---\ntitle: W\n---\n## Area\n\n- **First**: Starts on one line\n  and goes on here.\n- **Second**: Short one.\n- **Third**: Another one.\n',
    });
    expect(lessonStructure(lesson).items[0]!.description).toBe('Starts on one line and goes on here.');
  });
});

describe.runIf(haveSeeds)('the reference seeds', () => {
  it('000: six responsibilities, each with its example and outcome, mojibake repaired', () => {
    const lesson = parseLesson({ file: '000.txt', relPath: '000.txt', text: readSeed('000_4348e7e7ffd4f11a.txt') });
    expect(lesson.title).toBe('Core Responsibilities');
    const { items } = lessonStructure(lesson);
    expect(items.map((i) => i.name)).toEqual([
      'Setting Product Vision and Strategy',
      'Gathering and Prioritizing Requirements',
      'Collaborating with Cross-Functional Teams',
      'Managing Product Roadmaps and Timelines',
      'Analyzing and Leveraging Data',
      'Communicating with Stakeholders',
    ]);
    for (const item of items) {
      expect(item.examples).toHaveLength(1);
      expect(item.outcomes).toHaveLength(1);
    }
    expect(items[0]!.examples[0]!.text).toMatch(/fitness tracking/);
    expect(items[5]!.outcomes[0]!.text).toBe('Stakeholder alignment and support for the product’s direction.');
    const questions = generateQuestions(lesson);
    expect(questions.filter((q) => q.topic === 'examples')).toHaveLength(12);
    expectWellFormed(questions);
  });

  it('001: twelve bold-label responsibilities in four areas, four kinds of tool with three tools each', () => {
    const lesson = parseLesson({ file: '001.txt', relPath: '001.txt', text: readSeed('001_e722478c7e9ee6e3.txt') });
    const { items, tools } = lessonStructure(lesson);
    const byArea = new Map<string, string[]>();
    for (const i of items) byArea.set(i.area!, [...(byArea.get(i.area!) ?? []), i.name]);
    expect(Object.fromEntries(byArea)).toEqual({
      'Product Vision and Strategy': ['Setting the Vision', 'Roadmapping', 'Prioritization'],
      Execution: ['Collaboration', 'Project Management', 'Iteration'],
      'User Research and Feedback': ['User Research', 'Feedback Loops', 'Data-Driven Decisions'],
      'Balancing Act': ['Stakeholder Management', 'Resource Allocation', 'Risk Management'],
    });
    expect(Object.fromEntries(tools.map((t) => [t.kind, t.tools]))).toEqual({
      'Project Management': ['Jira', 'Trello', 'Asana'],
      Communication: ['Slack', 'Microsoft Teams', 'Zoom'],
      'User Research': ['SurveyMonkey', 'UserTesting', 'Hotjar'],
      Analytics: ['Google Analytics', 'Mixpanel', 'Amplitude'],
    });
    const questions = generateQuestions(lesson);
    expect(new Set(questions.map((q) => q.topic))).toEqual(new Set(['responsibilities', 'tools']));
    expectWellFormed(questions);
  });
});

describe('wrong choices stay of the same kind', () => {
  it('does not offer a bullet name as a wrong choice for a section when the sections suffice', () => {
    const text = [
      '---', 'title: Mixed', '---', '## Duties', '',
      '### Planning the beds', '', 'Choosing where each crop grows this year.', '', '- **Example**: A four-bed rotation plan.',
      '### Watering wisely', '', 'Giving water at the roots in the morning.', '', '- **Example**: A drip line on a timer.',
      '### Feeding the soil', '', 'Adding compost so the ground stays rich.', '', '- **Example**: Leaf mould every autumn.',
      '### Keeping records', '', 'Writing down what was sown and when.', '', '- **Example**: A notebook of sowing dates.',
      '## Tips', '', '- **Plan the beds early**: Sketch the beds before the seed catalogues arrive.',
      '- **Water less often**: Soak deeply once rather than sprinkling daily.', '- **Mulch everything**: Cover bare soil to keep it moist.', '',
    ].join('\n');
    const lesson = parseLesson({ file: 'm.md', relPath: 'm.md', text });
    const sections = ['Planning the beds', 'Watering wisely', 'Feeding the soil', 'Keeping records'];
    for (const q of generateQuestions(lesson).filter((q) => q.kind === 'single' && sections.includes(q.answer as string))) {
      for (const choice of q.choices) expect(sections).toContain(choice);
    }
  });
});
