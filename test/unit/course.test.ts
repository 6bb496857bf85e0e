import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCourse } from '../../src/core/course.js';
import { findLesson } from '../../src/core/find-lesson.js';
import { AmbiguousLessonError, LessonNotFoundError } from '../../src/core/errors.js';
import type { Lesson } from '../../src/core/lesson.js';

function l(id: string, title: string, extra: Partial<Lesson> = {}): Lesson {
  return { id, title, parent: undefined, grandParent: undefined, navOrder: undefined, isModule: false, file: `${id}.md`, body: '', bodyLine: 1, titleInFrontMatter: true, ...extra };
}

const lessons = [
  l('delivery', 'Delivery', { navOrder: 2, isModule: true }),
  l('basics', 'Basics', { navOrder: 1, isModule: true }),
  l('roadmaps', 'Roadmaps', { parent: 'Delivery', navOrder: 1 }),
  l('what-is-pm', 'What is product management', { parent: 'Basics', navOrder: 1 }),
  l('responsibilities', 'Core responsibilities', { parent: 'Basics', navOrder: 2 }),
  l('zeta', 'Zeta', { parent: 'Basics' }),
  l('alpha', 'Alpha', { parent: 'Basics' }),
  l('deep', 'Deep dive', { parent: 'Core responsibilities', grandParent: 'Basics', navOrder: 1 }),
];

describe('buildCourse', () => {
  const course = buildCourse(lessons);

  it('orders by nav_order, then title, depth first, and numbers each page', () => {
    expect(course.ordered.map((n) => `${n.number} ${n.lesson.id}`)).toEqual([
      '1 basics',
      '1.1 what-is-pm',
      '1.2 responsibilities',
      '1.2.1 deep',
      '1.3 alpha',
      '1.4 zeta',
      '2 delivery',
      '2.1 roadmaps',
    ]);
  });

  it('reports a missing parent and shows the lesson at the top', () => {
    const problems: Parameters<typeof buildCourse>[1] = [];
    const c = buildCourse([l('orphan', 'Orphan', { parent: 'Nowhere' })], problems);
    expect(c.roots.map((n) => n.lesson.id)).toEqual(['orphan']);
    expect(problems[0]).toMatchObject({ file: 'orphan.md', severity: 'warning' });
  });

  it('breaks parent cycles and keeps every lesson', () => {
    const problems: Parameters<typeof buildCourse>[1] = [];
    const c = buildCourse([l('a', 'A', { parent: 'B' }), l('b', 'B', { parent: 'A' })], problems);
    expect(c.ordered).toHaveLength(2);
    expect(problems.some((p) => /cycle/.test(p.message))).toBe(true);
  });

  it('keeps both of two lessons with one id, the second under another id, and reports it', () => {
    const problems: Parameters<typeof buildCourse>[1] = [];
    const c = buildCourse([l('same', 'One'), { ...l('same', 'Two'), file: 'two.md', idDeclared: true }], problems);
    expect(c.ordered.map((n) => `${n.lesson.title} ${n.lesson.id}`)).toEqual(['One same', 'Two same-2']);
    expect(problems[0]).toMatchObject({ file: 'two.md', severity: 'error' });
  });
});

describe('findLesson', () => {
  const course = buildCourse(lessons);
  it.each([
    ['roadmaps', 'roadmaps'],
    ['1.2', 'responsibilities'],
    ['1.2.1', 'deep'],
    ['Core Responsibilities', 'responsibilities'],
    ['product management', 'what-is-pm'],
    ['DEEP', 'deep'],
  ])('finds %j', (query, id) => {
    expect(findLesson(course, query).lesson.id).toBe(id);
  });

  it('suggests close names for a typo', () => {
    let error: unknown;
    try {
      findLesson(course, 'roadmpas');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LessonNotFoundError);
    expect((error as LessonNotFoundError).suggestions).toContain('roadmaps');
  });

  it('refuses a query that matches several titles', () => {
    expect(() => findLesson(course, 'a')).toThrow(AmbiguousLessonError);
  });
});

describe('buildCourse on any graph of parents', () => {
  it('keeps every page once, numbered in reading order, each under the parent it names', () => {
    const titles = ['A', 'B', 'C', 'D', 'E', 'a'];
    const lessonArb = fc.record({
      id: fc.constantFrom('p', 'q', 'r', 's', 't', 'u', 'v', 'w'),
      title: fc.constantFrom(...titles),
      parent: fc.option(fc.constantFrom(...titles, 'Nowhere'), { nil: undefined }),
      grandParent: fc.option(fc.constantFrom(...titles), { nil: undefined }),
      navOrder: fc.option(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'Y')), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(lessonArb, { maxLength: 14 }), (specs) => {
        const lessons = specs.map((s, i) => l(s.id, s.title, { parent: s.parent, grandParent: s.grandParent, navOrder: s.navOrder, file: `${i}.md` }));
        const course = buildCourse(lessons, []);
        expect(course.ordered.map((n) => n.lesson.file).sort()).toEqual(lessons.map((x) => x.file).sort());
        expect(new Set(course.ordered.map((n) => n.lesson.id)).size).toBe(lessons.length);
        course.ordered.forEach((node) => {
          expect(node.children.map((c) => c.parent)).toEqual(node.children.map(() => node));
          node.children.forEach((c, i) => expect(c.number).toBe(`${node.number}.${i + 1}`));
          if (node.parent) expect(node.lesson.parent).toBe(node.parent.lesson.title);
        });
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  it('cuts every lesson whose chain of parents loops, at that lesson, in the order the lessons came', () => {
    const problems: Parameters<typeof buildCourse>[1] = [];
    // d's parent is c, whose parents loop (c -> b -> a -> c): d is cut first, then the loop where it closes.
    const course = buildCourse([l('d', 'D', { parent: 'C' }), l('a', 'A', { parent: 'C' }), l('b', 'B', { parent: 'A' }), l('c', 'C', { parent: 'B' })], problems);
    expect(problems.map((p) => p.file)).toEqual(['d.md', 'a.md']);
    expect(course.ordered.map((n) => `${n.number} ${n.lesson.id}`)).toEqual(['1 a', '1.1 b', '1.1.1 c', '2 d']);
  });
});
