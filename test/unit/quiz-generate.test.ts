import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidLessonError } from '../../src/core/errors.js';
import { parseLesson } from '../../src/core/lesson.js';
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
    // A stem says what it asks for: never "Which of these is described here?" or a bare "Name it:".
    expect(q.prompt).not.toMatch(/which of these is described|^name it:/i);
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

  it('asks which section an example shows, and never what outcome a section leads to', () => {
    const example = questions.find((q) => q.id.startsWith('e-example') && q.answer === 'Watering Wisely')!;
    expect(example.prompt).toContain('drip line');
    expect(example.prompt).toMatch(/Which section of “.+” does this example show\?/);
    expect(example.source.line).toBe(28);
    expect(questions.filter((q) => /outcome/i.test(q.prompt))).toEqual([]);
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

  it('never asks which area a responsibility is filed under: that tests the filing, not the idea', () => {
    expect(questions.filter((q) => /area|belong to/i.test(q.prompt))).toEqual([]);
    const described = questions.find((q) => q.id.startsWith('r-desc') && q.answer === 'Slug Patrol')!;
    expect(described.prompt).toMatch(/^Which point under “Protecting” is described here\?/);
  });

  it('asks one brand question and the members of each kind, marked as brand questions', () => {
    const kind = questions.find((q) => q.prompt.startsWith('What kind of tool is '))!;
    expect(kind.brand).toBe(true);
    const members = questions.find((q) => q.prompt.startsWith('Which of these are Cutting tools'))!;
    expect((members.answer as string[]).sort()).toEqual(['Loppers', 'Secateurs', 'Shears']);
    // "Watering Can" would echo "Which of these are Watering tools?": that question gives itself away and is left out.
    expect(questions.find((q) => q.prompt.startsWith('Which of these are Watering tools'))).toBeUndefined();
    expect(members.brand).toBe(true);
    // One brand question per kind: the first tool of its row.
    expect(questions.filter((q) => q.id.startsWith('t-kind')).map((q) => q.prompt.replace('What kind of tool is ', ''))).toEqual(['Spade?', 'Secateurs?', 'Hose?', 'Wheelbarrow?']);
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
    // One example question per responsibility; no "What outcome does … lead to?".
    expect(questions.filter((q) => q.topic === 'examples')).toHaveLength(6);
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
