import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCourse, findLesson } from '../../src/core/course.js';
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

  it('keeps the first of two lessons with one id and reports the second', () => {
    const problems: Parameters<typeof buildCourse>[1] = [];
    const c = buildCourse([l('same', 'One'), { ...l('same', 'Two'), file: 'two.md' }], problems);
    expect(c.ordered.map((n) => n.lesson.title)).toEqual(['One']);
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

/**
 * buildCourse as it was written before it was made fast for large courses
 * (one array per title, a new Set per lesson to look for cycles): the
 * plainest statement of the rules, kept to hold the fast one equal to it.
 */
function referenceCourse(lessons: readonly Lesson[]): Array<{ number: string; id: string; parent: string | undefined } | string> {
  const problems: string[] = [];
  const unique: Lesson[] = [];
  const seen = new Map<string, Lesson>();
  for (const lesson of lessons) {
    const first = seen.get(lesson.id);
    if (first) problems.push(`${lesson.file} id ${first.file}`);
    else {
      seen.set(lesson.id, lesson);
      unique.push(lesson);
    }
  }
  const byTitle = new Map<string, Lesson[]>();
  for (const lesson of unique) byTitle.set(lesson.title, [...(byTitle.get(lesson.title) ?? []), lesson]);
  const parentOf = new Map<Lesson, Lesson>();
  for (const lesson of unique) {
    if (lesson.parent === undefined) continue;
    const candidates = (byTitle.get(lesson.parent) ?? []).filter((c) => c !== lesson);
    const parent = candidates.length <= 1 || lesson.grandParent === undefined ? candidates[0] : (candidates.find((c) => c.parent === lesson.grandParent) ?? candidates[0]);
    if (parent) parentOf.set(lesson, parent);
    else problems.push(`${lesson.file} no parent`);
  }
  for (const lesson of unique) {
    const chain = new Set<Lesson>([lesson]);
    for (let cur = parentOf.get(lesson); cur; cur = parentOf.get(cur)) {
      if (chain.has(cur)) {
        problems.push(`${lesson.file} cycle`);
        parentOf.delete(lesson);
        break;
      }
      chain.add(cur);
    }
  }
  const order = (a: Lesson, b: Lesson) => {
    const ao = a.navOrder ?? Infinity;
    const bo = b.navOrder ?? Infinity;
    if (ao !== bo) return ao < bo ? -1 : 1;
    return a.title.localeCompare(b.title, 'en', { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id);
  };
  const out: Array<{ number: string; id: string; parent: string | undefined }> = [];
  const walk = (parent: Lesson | undefined, number: string) => {
    const kids = unique.filter((l) => parentOf.get(l) === parent).sort(order);
    kids.forEach((kid, i) => {
      const n = number === '' ? String(i + 1) : `${number}.${i + 1}`;
      out.push({ number: n, id: kid.id, parent: parent?.id });
      walk(kid, n);
    });
  };
  walk(undefined, '');
  return [...out, ...problems];
}

describe('buildCourse on any graph of parents', () => {
  it('gives what the plain rules give: the same pages, numbers and parents, the same problems in the same order', () => {
    const titles = ['A', 'B', 'C', 'D', 'E', 'a'];
    const lessonArb = fc.record({
      id: fc.constantFrom('p', 'q', 'r', 's', 't', 'u', 'v', 'w'),
      title: fc.constantFrom(...titles),
      parent: fc.option(fc.constantFrom(...titles, 'Nowhere'), { nil: undefined }),
      grandParent: fc.option(fc.constantFrom(...titles), { nil: undefined }),
      navOrder: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(lessonArb, { maxLength: 14 }), (specs) => {
        const lessons = specs.map((s, i) => l(s.id, s.title, { parent: s.parent, grandParent: s.grandParent, navOrder: s.navOrder, file: `${i}.md` }));
        const problems: Parameters<typeof buildCourse>[1] = [];
        const course = buildCourse(lessons, problems);
        const got = [
          ...course.ordered.map((n) => ({ number: n.number, id: n.lesson.id, parent: n.parent?.lesson.id })),
          ...problems.map((p) => `${p.file} ${p.message.includes('already used') ? `id ${p.message.replace(/^.* by (\S+):.*$/, '$1')}` : p.message.includes('cycle') ? 'cycle' : 'no parent'}`),
        ];
        expect(got).toEqual(referenceCourse(lessons));
        for (const node of course.ordered) expect(node.children.map((c) => c.parent)).toEqual(node.children.map(() => node));
      }),
      { numRuns: 3000, seed: 20261129 },
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
