// The pure rules of a course that changes: which paragraphs were added and
// removed, and what the progress looks like as the course now stands.
import { describe, expect, it } from 'vitest';
import { courseView, lessonHash, paragraphChanges } from '../../src/core/changes.js';
import { buildCourse } from '../../src/core/course.js';
import { parseLesson } from '../../src/core/lesson.js';
import { emptyProgress, type ItemProgress } from '../../src/core/progress.js';
import type { Question } from '../../src/core/quiz/types.js';

describe('paragraphChanges', () => {
  it.each([
    ['nothing changed', 'A\n\nB', 'A\n\nB', []],
    ['whitespace only', 'A  one\n\nB', 'A one\n\n\nB', []],
    ['a paragraph reworded', 'A\n\nB\n\nC', 'A\n\nB2\n\nC', [{ kind: 'removed', text: 'B' }, { kind: 'added', text: 'B2' }]],
    ['a paragraph added at the end', 'A', 'A\n\nZ', [{ kind: 'added', text: 'Z' }]],
    ['a section deleted', '## S\n\nx\n\n## T\n\ny', '## T\n\ny', [{ kind: 'removed', text: '## S' }, { kind: 'removed', text: 'x' }]],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(paragraphChanges(before, after)).toEqual(expected);
  });

  it('a hash ignores line breaks and spacing, not words', () => {
    expect(lessonHash({ body: 'a b\nc' })).toBe(lessonHash({ body: 'a  b c\n' }));
    expect(lessonHash({ body: 'a b c' })).not.toBe(lessonHash({ body: 'a b d' }));
  });
});

describe('courseView', () => {
  const lesson = parseLesson({ file: 'l.md', relPath: 'l.md', text: '---\ntitle: L\nid: l\n---\n\nOne.\n\nTwo.\n' });
  const course = buildCourse([lesson]);
  const question = (id: string, line: number, text: string): Question =>
    ({ id, lessonId: 'l', topic: 'responsibilities', kind: 'boolean', prompt: id, choices: [], answer: 'True', accept: [], explanation: '', source: { line, text }, fact: id }) as Question;
  const item = (src: string | undefined, due: number): ItemProgress => ({ lesson: 'l', topic: 'responsibilities', due, stability: 3, difficulty: 5, reps: 1, lapses: 0, state: 2, learningSteps: 0, last: 0, history: [[0, 1]], seen: 1, right: 1, ...(src ? { src } : {}) });
  const now = new Date(1_000_000_000_000);
  const later = now.getTime() / 1000 + 86_400;

  it('makes a question due when its source changed, keeps the rest, and drops one the course no longer asks', () => {
    const q1 = question('q1', lesson.bodyLine + 1, 'One.');
    const q2 = question('q2', lesson.bodyLine + 3, 'Two.');
    const progress = { ...emptyProgress(), items: { q1: item('stale', later), q2: item(undefined, later), gone: item('x', 0) } };
    const view = courseView({ course, progress, questions: [q1, q2], now });
    expect(view.items.q1!.due).toBe(now.getTime() / 1000);
    expect(view.items.q2!.due).toBe(later); // Answered before hashes were kept: never "changed".
    expect(view.items.gone).toBeUndefined();
    expect(progress.items.gone).toBeDefined();
  });

  it('adds a question new since the lesson was read as due, only in a lesson already quizzed', () => {
    const q1 = question('q1', lesson.bodyLine + 1, 'One.');
    const q3 = question('q3', lesson.bodyLine + 3, 'Two.');
    const quizzed = { ...emptyProgress(), items: { q1: item(undefined, later) } };
    expect(courseView({ course, progress: quizzed, questions: [q1, q3], now, askedBefore: new Map([['l', new Set(['q1'])]]) }).items.q3).toMatchObject({ seen: 0, due: now.getTime() / 1000 });
    expect(courseView({ course, progress: emptyProgress(), questions: [q1, q3], now, askedBefore: new Map([['l', new Set(['q1'])]]) }).items.q3).toBeUndefined();
  });
});
