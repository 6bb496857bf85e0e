// The course: the tree that the lessons' parent / grand_parent / nav_order keys
// describe, numbered in reading order, and the ways a learner names a lesson.
import { AmbiguousLessonError, LessonNotFoundError } from './errors.js';
import type { Lesson } from './lesson.js';
import { editDistance, normaliseAnswer } from './text.js';

export interface CourseNode {
  lesson: Lesson;
  /** Position in the course: "2", "2.1", "2.1.3". */
  number: string;
  depth: number;
  parent: CourseNode | undefined;
  children: CourseNode[];
}

export interface CourseProblem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface Course {
  roots: CourseNode[];
  /** Every node in reading order (depth first). */
  ordered: CourseNode[];
  byId: ReadonlyMap<string, CourseNode>;
  problems: CourseProblem[];
}

// The collators localeCompare would build on every call (with options, that made
// sorting a few thousand pages without nav_order take half a second), built once.
let titleOrder: Intl.Collator | undefined;
let idOrder: Intl.Collator | undefined;

function compareLessons(a: Lesson, b: Lesson): number {
  const ao = a.navOrder ?? Number.POSITIVE_INFINITY;
  const bo = b.navOrder ?? Number.POSITIVE_INFINITY;
  if (ao !== bo) return ao < bo ? -1 : 1;
  const byTitle = (titleOrder ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a.title, b.title);
  return byTitle !== 0 ? byTitle : (idOrder ??= new Intl.Collator()).compare(a.id, b.id);
}

/**
 * Finds the page a lesson's `parent` names: by title, using `grand_parent` to
 * choose between equals. `byTitle` holds a lesson, or several with one title.
 */
function resolveParent(lesson: Lesson, byTitle: Map<string, Lesson | Lesson[]>): Lesson | undefined {
  const named = byTitle.get(lesson.parent!);
  if (named === undefined) return undefined;
  if (!Array.isArray(named)) return named === lesson ? undefined : named;
  const candidates = named.filter((c) => c !== lesson);
  if (candidates.length <= 1 || lesson.grandParent === undefined) return candidates[0];
  return candidates.find((c) => c.parent === lesson.grandParent) ?? candidates[0];
}

export function buildCourse(lessons: readonly Lesson[], problems: CourseProblem[] = []): Course {
  const unique: Lesson[] = [];
  const seen = new Map<string, Lesson>();
  for (const lesson of lessons) {
    const first = seen.get(lesson.id);
    if (first) {
      problems.push({
        file: lesson.file,
        line: 1,
        severity: 'error',
        message: `id "${lesson.id}" is already used by ${first.file}: give one of them another id`,
      });
      continue;
    }
    seen.set(lesson.id, lesson);
    unique.push(lesson);
  }

  // (A lesson alone under its title, as most are, is held without an array: courses can have thousands.)
  const byTitle = new Map<string, Lesson | Lesson[]>();
  for (const lesson of unique) {
    const same = byTitle.get(lesson.title);
    if (same === undefined) byTitle.set(lesson.title, lesson);
    else if (Array.isArray(same)) same.push(lesson);
    else byTitle.set(lesson.title, [same, lesson]);
  }

  const parentOf = new Map<Lesson, Lesson>();
  for (const lesson of unique) {
    if (lesson.parent === undefined) continue;
    const parent = resolveParent(lesson, byTitle);
    if (parent) parentOf.set(lesson, parent);
    else {
      problems.push({
        file: lesson.file,
        line: 1,
        severity: 'warning',
        message: `parent "${lesson.parent}" is not the title of any lesson: shown at the top level`,
      });
    }
  }
  // A chain of parents that comes back on itself is cut where it closes: at the lesson whose
  // chain it is. Each walk up marks the lessons it passes with its own number; a chain that
  // reaches a lesson already known to lead to the top level (ACYCLIC) leads there too, so each
  // lesson is walked past about once, not once per descendant. (Cutting a link only shortens
  // chains: a lesson known to lead to the top level still does.)
  const ACYCLIC = -1;
  const mark = new Map<Lesson, number>();
  unique.forEach((lesson, walk) => {
    mark.set(lesson, walk);
    let cur = parentOf.get(lesson);
    while (cur) {
      const m = mark.get(cur);
      if (m === ACYCLIC) break;
      if (m === walk) {
        problems.push({
          file: lesson.file,
          line: 1,
          severity: 'error',
          message: `parent "${lesson.parent}" leads back to this lesson (a cycle): shown at the top level`,
        });
        parentOf.delete(lesson);
        mark.set(lesson, ACYCLIC);
        return;
      }
      mark.set(cur, walk);
      cur = parentOf.get(cur);
    }
    // No cycle: every lesson on this chain leads to the top level.
    for (let up: Lesson | undefined = lesson; up && mark.get(up) === walk; up = parentOf.get(up)) mark.set(up, ACYCLIC);
  });

  const childrenOf = new Map<Lesson | undefined, Lesson[]>();
  for (const lesson of unique) {
    const parent = parentOf.get(lesson);
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(lesson);
    else childrenOf.set(parent, [lesson]);
  }

  const ordered: CourseNode[] = [];
  const byId = new Map<string, CourseNode>();
  const none: Lesson[] = [];
  const build = (parent: CourseNode | undefined, lessonParent: Lesson | undefined): CourseNode[] => {
    // (Each list of children is this function's own: sorted in place.)
    const kids = (childrenOf.get(lessonParent) ?? none).sort(compareLessons);
    const nodes: CourseNode[] = [];
    for (let i = 0; i < kids.length; i++) {
      const lesson = kids[i]!;
      const node: CourseNode = {
        lesson,
        number: parent ? `${parent.number}.${i + 1}` : String(i + 1),
        depth: parent ? parent.depth + 1 : 0,
        parent,
        children: [],
      };
      ordered.push(node);
      byId.set(lesson.id, node);
      node.children = build(node, lesson);
      nodes.push(node);
    }
    return nodes;
  };
  const roots = build(undefined, undefined);
  return { roots, ordered, byId, problems };
}

/** Lessons a learner works through (module pages are chapter headings). */
export function studyNodes(course: Course): CourseNode[] {
  return course.ordered.filter((n) => !n.lesson.isModule || n.children.length === 0);
}

/** The path from the top of the course down to a node, as titles. */
export function breadcrumb(node: CourseNode): string[] {
  const titles: string[] = [];
  for (let cur: CourseNode | undefined = node; cur; cur = cur.parent) titles.unshift(cur.lesson.title);
  return titles;
}

/**
 * Finds a lesson by id, by number ("2.1"), by title, or by a unique part of its title.
 * Throws LessonNotFoundError with suggestions, or AmbiguousLessonError.
 */
export function findLesson(course: Course, query: string): CourseNode {
  const q = query.trim();
  const byId = course.byId.get(q) ?? course.ordered.find((n) => n.lesson.id.toLowerCase() === q.toLowerCase());
  if (byId) return byId;
  const byNumber = course.ordered.find((n) => n.number === q.replace(/\.$/, ''));
  if (byNumber) return byNumber;

  const nq = normaliseAnswer(q);
  if (nq !== '') {
    const exact = course.ordered.filter((n) => normaliseAnswer(n.lesson.title) === nq);
    if (exact.length === 1) return exact[0]!;
    const partial = course.ordered.filter(
      (n) => normaliseAnswer(n.lesson.title).includes(nq) || n.lesson.id.toLowerCase().includes(q.toLowerCase()),
    );
    if (partial.length === 1) return partial[0]!;
    if (partial.length > 1) {
      throw new AmbiguousLessonError(q, partial.map((n) => `${n.number} ${n.lesson.title}`));
    }
  }
  throw new LessonNotFoundError(q, suggestLessons(course, q));
}

/** Up to three lessons whose id or title is close to what was typed. */
export function suggestLessons(course: Course, query: string): string[] {
  const nq = normaliseAnswer(query);
  const scored = course.ordered
    .map((n) => {
      const words = normaliseAnswer(n.lesson.title).split(' ');
      const candidates = [n.lesson.id.toLowerCase(), normaliseAnswer(n.lesson.title), ...words];
      const best = Math.min(...candidates.map((c) => editDistance(nq, c, 6) / Math.max(nq.length, 1)));
      return { n, best };
    })
    .filter((s) => s.best <= 0.4)
    .sort((a, b) => a.best - b.best);
  return scored.slice(0, 3).map((s) => s.n.lesson.id);
}
