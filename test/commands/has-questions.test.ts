// Whether a lesson owes a quiz is asked of the lesson on its own first, and of
// the course-wide pool of choices only when that says no (see hasQuestions):
// held here to the plain answer, "questionsFor gives at least one question",
// on the shipped course and on small random courses where the pool decides.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hasQuestions, questionsFor, resetQuestionCache } from '../../src/commands/questions.js';
import type { Session } from '../../src/commands/session.js';
import { buildCourse } from '../../src/core/course.js';
import { InvalidLessonError } from '../../src/core/errors.js';
import { parseLesson } from '../../src/core/lesson.js';
import { emptyProgress } from '../../src/core/progress.js';
import { parseQuizBlock } from '../../src/core/quiz/authored.js';
import { cachedQuizBlockParser } from '../../src/io/cache-quiz.js';
import { loadCourse } from '../../src/io/load-course.js';
import { lessonsDir } from '../helpers/run.js';

const sessionOf = (course: Session['course']): Session => ({ course, progress: emptyProgress(), cacheDir: undefined }) as unknown as Session;

function plainAnswer(session: Session, node: Session['course']['ordered'][number]): boolean {
  try {
    return questionsFor(session, node).length > 0;
  } catch (error) {
    if (error instanceof InvalidLessonError) return false;
    throw error;
  }
}

describe('hasQuestions', () => {
  it('agrees with the questions themselves on every page of the shipped course', () => {
    const session = sessionOf(loadCourse(lessonsDir).course);
    for (const node of session.course.ordered) expect(hasQuestions(session, node), node.lesson.id).toBe(plainAnswer(session, node));
  });

  it('agrees with them on small courses, where the other lessons decide what there is to ask', () => {
    const name = fc.constantFrom('Sowing', 'Weeding', 'Pruning', 'Mulch', 'Compost', 'Netting', 'Harvest');
    const text = fc.constantFrom('Putting seeds in the ground at the right depth', 'cut', 'Keeping the birds away from the young plants', 'A notebook of dates');
    const bullet = fc.tuple(name, text, fc.option(text, { nil: undefined })).map(([n, d, ex]) => `- **${n}**: ${d}${ex ? `\n  - **Example**: ${ex}\n  - **Outcome**: ${d}` : ''}`);
    const table = fc.array(fc.tuple(name, fc.array(name, { minLength: 1, maxLength: 3 })), { maxLength: 3 }).map((rows) =>
      rows.length === 0 ? '' : `| Kind | Tools |\n|---|---|\n${rows.map(([k, ts]) => `| ${k} | ${ts.join(', ')} |`).join('\n')}`,
    );
    const quiz = fc.constantFrom('', '```quiz\n- question: "Which month?"\n  answer: "May"\n```', '```quiz\n- question: [broken\n```');
    const lesson = fc.tuple(fc.array(bullet, { maxLength: 3 }), table, quiz).map(([bs, t, q]) => `## Jobs\n\n${bs.join('\n')}\n\n${t}\n\n${q}\n`);
    fc.assert(
      fc.property(fc.array(lesson, { minLength: 1, maxLength: 3 }), (bodies) => {
        resetQuestionCache();
        const lessons = bodies.map((body, i) => parseLesson({ file: `l${i}.md`, relPath: `l${i}.md`, text: `---\ntitle: "Lesson ${i}"\n---\n\n${body}` }));
        const session = sessionOf(buildCourse(lessons));
        for (const node of session.course.ordered) expect(hasQuestions(session, node)).toBe(plainAnswer(session, node));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the quiz-block cache', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const cacheDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'pm-guide-quiz-cache-'));
    dirs.push(d);
    return d;
  };

  it('parses a block once, and gives the same questions after', () => {
    let parses = 0;
    const parse = cachedQuizBlockParser(cacheDir(), (...args) => (parses++, parseQuizBlock(...args)));
    const yaml = '- question: "Which tool plans the rotation?"\n  choices: [Notebook, Rake, Hose]\n  answer: Notebook';
    const first = parse(yaml, 12, 'beds.md', 'beds');
    expect(parse(yaml, 12, 'beds.md', 'beds')).toEqual(first);
    expect(parses).toBe(1);
    // Another line, file or lesson is another block: its questions and messages say so.
    expect(parse(yaml, 14, 'beds.md', 'beds')[0]!.source.line).toBe(14);
    expect(parse(yaml, 12, 'beds.md', 'rows')[0]!.lessonId).toBe('rows');
    expect(parses).toBe(3);
  });

  it('keeps a broken block broken, with its file and line', () => {
    let parses = 0;
    const dir = cacheDir();
    const parse = cachedQuizBlockParser(dir, (...args) => (parses++, parseQuizBlock(...args)));
    const yaml = '- question: "Which?"\n  answer: [a, b]\n  type: text';
    for (let i = 0; i < 2; i++) expect(() => parse(yaml, 30, 'beds.md', 'beds')).toThrow(/^beds\.md:30: quiz question 1: /);
    expect(parses).toBe(1);
    expect(readdirSync(join(dir, 'quiz'))).toHaveLength(1);
  });
});
