// The question lint's rules, each on lessons written for the test: what a
// course author would see reported, with the file and line to fix.
import { describe, expect, it } from 'vitest';
import { lintQuestions, type LintedLesson } from '../../src/core/lint/question-lint.js';
import { similarity } from '../../src/core/lint/contradictions.js';
import { parseLesson } from '../../src/core/lesson.js';
import { isApplicationQuestion } from '../../src/core/quiz/classify.js';
import { generateQuestions, lessonStructure } from '../../src/core/quiz/generate.js';

function linted(file: string, body: string): LintedLesson {
  const lesson = parseLesson({ file, relPath: file, text: `---\ntitle: ${file}\n---\n${body}\n` });
  return { file, structure: lessonStructure(lesson), questions: generateQuestions(lesson) };
}
const md = (...lines: string[]) => lines.join('\n');
const quiz = (yaml: string) => md('```quiz', yaml, '```');

const tools = (rows: string[]) => md('| Kind of tool | Part of | Examples |', '|---|---|---|', ...rows);

describe('one tool taxonomy', () => {
  it('reports a tool filed under two kinds, naming both places', () => {
    const a = linted('a.md', tools(['| Seed tray | Sowing | Haxnicks, Garland |', '| Cloche | Protecting | Haxnicks Bell, Burgon |']));
    const b = linted('b.md', tools(['| Propagator | Sowing | Garland, Stewart |', '| Fleece | Protecting | Gardman, Ambassador |']));
    const errors = lintQuestions([a, b]).filter((f) => f.severity === 'error' && f.message.includes('filed under'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'b.md', line: 6 });
    expect(errors[0]!.message).toContain('Garland is filed under "Propagator" here and under "Seed tray" at a.md:6');
  });

  it('accepts a kind and its family as one answer', () => {
    const a = linted('a.md', tools(['| Seed tray | Sowing | Haxnicks, Garland |', '| Cloche | Protecting | Burgon, Gardman |']));
    const b = linted('b.md', md('| Kind of tool | Examples |', '|---|---|', '| Sowing | Garland, Stewart |', '| Protecting | Gardman, Ambassador |'));
    expect(lintQuestions([a, b]).filter((f) => f.message.includes('filed under'))).toEqual([]);
  });
});

describe('one prompt, one answer', () => {
  it('reports the same prompt keyed to two answers, in two lessons', () => {
    const a = linted('a.md', quiz('- question: Which month do you sow broad beans outdoors?\n  choices: [March, June, September]\n  answer: March'));
    const b = linted('b.md', quiz('- question: Which month do you sow broad beans outdoors?\n  choices: [March, June, November]\n  answer: November'));
    const errors = lintQuestions([a, b]).filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'b.md', line: 5 });
    expect(errors[0]!.message).toContain('a.md:5');
  });

  it('does not report the same prompt with the same answer as a contradiction', () => {
    const block = quiz('- question: Which month do you sow broad beans outdoors?\n  choices: [March, June, September]\n  answer: March');
    expect(lintQuestions([linted('a.md', block), linted('b.md', block)]).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('near-duplicate prompts', () => {
  it('warns when two authored prompts share more than 80% of their words', () => {
    const a = linted('a.md', quiz('- question: Which crop should follow potatoes in a three-bed rotation?\n  choices: [Beans, Carrots, Onions]\n  answer: Beans'));
    const b = linted('b.md', quiz('- question: Which crop should follow the potatoes in a three-bed rotation?\n  choices: [Beans, Leeks, Onions]\n  answer: Beans'));
    const warnings = lintQuestions([a, b]).filter((f) => f.message.includes('nearly repeats'));
    expect(warnings).toEqual([expect.objectContaining({ file: 'b.md', line: 5, severity: 'warning' })]);
  });

  it('measures likeness by shared words', () => {
    expect(similarity(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b', 'c', 'd', 'e']))).toBe(0.8);
  });
});

describe('item writing', () => {
  const warningsFor = (yaml: string) => lintQuestions([linted('a.md', quiz(yaml))]).filter((f) => f.severity === 'warning').map((f) => f.message);

  it('warns of an answer much longer than its wrong choices', () => {
    expect(warningsFor('- question: What does mulch do?\n  choices: [Feeds birds, Keeps moisture in the soil through a dry summer, Kills slugs]\n  answer: Keeps moisture in the soil through a dry summer')).toEqual([
      expect.stringMatching(/much longer/),
    ]);
  });

  it('warns of absolute words in a false statement, not in a true one', () => {
    expect(warningsFor('- question: Tomatoes always need staking.\n  answer: false')).toEqual([expect.stringMatching(/"always"/)]);
    expect(warningsFor('- question: Tomatoes always need sun.\n  answer: true')).toEqual([]);
  });

  it('warns of a wrong choice of another kind', () => {
    expect(warningsFor('- question: Which crop fixes nitrogen?\n  choices: [Beans, Carrots, Onions, "12"]\n  answer: Beans')).toEqual([expect.stringMatching(/"12" is of another kind/)]);
  });

  it('warns of a typed answer longer than three words', () => {
    expect(warningsFor('- question: What does a cold frame do for seedlings?\n  answer: Hardens them off slowly outdoors')).toEqual([expect.stringMatching(/typed answer of 5 words/)]);
    expect(warningsFor('- question: What hardens seedlings off?\n  answer: A cold frame')).toEqual([]);
  });

  it('keeps the heading an authored question names as its source', () => {
    const [q] = linted('a.md', quiz('- question: What hardens seedlings off?\n  answer: A cold frame\n  source: Hardening off')).questions;
    expect(q!.section).toBe('Hardening off');
  });

  it('warns when true/false answers in a lesson lean one way, given four or more', () => {
    const statements = (answers: boolean[]) => answers.map((a, i) => `- question: Statement number ${i} about compost heaps.\n  answer: ${a}`).join('\n');
    expect(warningsFor(statements([true, true, true, false]))).toEqual([expect.stringMatching(/75% .* are true/)]);
    expect(warningsFor(statements([true, true, false, false]))).toEqual([]);
    expect(warningsFor(statements([true, true, true]))).toEqual([]);
  });
});

describe('what counts as an application question', () => {
  const authored = (prompt: string) => ({ id: 'a-x', prompt });
  it.each([
    ['A six-person startup is choosing its first tools. Which approach fits best?', true],
    ['Your allotment neighbour sows carrots in heavy clay every spring: which problem will she meet?', true],
    ['Which crop fixes nitrogen?', false],
    ['In the example above, which crop came first?', false],
    ['Tomatoes always need staking.', false],
  ])('%s -> %s', (prompt, expected) => expect(isApplicationQuestion(authored(prompt))).toBe(expected));
});
