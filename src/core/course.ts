// The course: the tree that the lessons' parent / grand_parent / nav_order keys
// describe, numbered in reading order, and the ways a learner names a lesson.
import type { Lesson } from './lesson.js';

export interface CourseNode {
  lesson: Lesson;
  /** Position in the course: "2", "2.1", "2.1.3"; "" for a page left out of the navigation. */
  number: string;
  depth: number;
  parent: CourseNode | undefined;
  children: CourseNode[];
  /** On the first top-level page of a collection: the collection's name, shown above it. */
  collection?: string;
}

export interface CourseProblem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface Course {
  roots: CourseNode[];
  /** Every node in the navigation, in reading order (depth first). */
  ordered: CourseNode[];
  /** Every node, those left out of the navigation (`nav_exclude`) too: they can still be read by id. */
  byId: ReadonlyMap<string, CourseNode>;
  problems: CourseProblem[];
}

export interface CourseOptions {
  /** The site's `nav_sort: case_insensitive`. */
  caseInsensitiveSort?: boolean;
  /** Collection keys in the order the site's _config.yml lists them, with their names: each is a tree of its own, after the pages. */
  collections?: ReadonlyArray<{ key: string; name: string; navExclude?: boolean }>;
}

const NUMERIC_TITLE = /^-?\d+(?:\.\d+)?$/;
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The theme's order (its _includes/components/nav/sorted.html): pages with a
 * numeric nav_order by value, then those with a text nav_order as text, then
 * pages without one by title (numeric titles first, by value); text compares
 * case-sensitively unless the site asks otherwise. Ties go by id, so the
 * order never depends on the order files were found in.
 */
function siblingOrder(caseInsensitive: boolean): (a: Lesson, b: Lesson) => number {
  const text = caseInsensitive ? (a: string, b: string) => byCodeUnits(a.toLowerCase(), b.toLowerCase()) || byCodeUnits(a, b) : byCodeUnits;
  const group = (l: Lesson): number => (typeof l.navOrder === 'number' ? 0 : typeof l.navOrder === 'string' ? 1 : NUMERIC_TITLE.test(l.title) ? 2 : 3);
  return (a, b) => {
    const ga = group(a);
    const gb = group(b);
    if (ga !== gb) return ga - gb;
    let c = 0;
    if (ga === 0) c = (a.navOrder as number) - (b.navOrder as number);
    else if (ga === 1) c = text(a.navOrder as string, b.navOrder as string);
    else if (ga === 2) c = Number(a.title) - Number(b.title);
    if (c === 0 && ga <= 1) c = text(a.title, b.title);
    if (c === 0 && ga === 3) c = text(a.title, b.title);
    return c !== 0 ? c : byCodeUnits(a.id, b.id);
  };
}

/**
 * Gives every page an id of its own. A page whose id is taken keeps its place
 * under another: the id its path gives with its numeric prefixes kept, else
 * the id with "-2", "-3"... A declared id given twice is an error for lint;
 * two paths that only differ in their prefixes are a warning.
 */
function uniqueIds(lessons: readonly Lesson[], problems: CourseProblem[]): Lesson[] {
  const taken = new Map<string, Lesson>();
  for (const lesson of lessons) if (!taken.has(lesson.id)) taken.set(lesson.id, lesson);
  const out: Lesson[] = [];
  for (const lesson of lessons) {
    const first = taken.get(lesson.id)!;
    if (first === lesson) {
      out.push(lesson);
      continue;
    }
    let id = lesson.fullPathId !== undefined && !taken.has(lesson.fullPathId) ? lesson.fullPathId : undefined;
    for (let n = 2; id === undefined; n++) if (!taken.has(`${lesson.id}-${n}`)) id = `${lesson.id}-${n}`;
    problems.push({
      file: lesson.file,
      line: 1,
      severity: lesson.idDeclared ? 'error' : 'warning',
      message: `id "${lesson.id}" is already used by ${first.file}: this page is "${id}" instead${lesson.idDeclared ? '; give one of them another id' : ''}`,
    });
    const renamed = { ...lesson, id };
    taken.set(id, renamed);
    out.push(renamed);
  }
  return out;
}

/**
 * Whether `child` may hang under `node`, by the theme's rules
 * (_includes/components/nav/children.html): its grand_parent must be the
 * node's parent, its ancestor the node or a page above it, and a page naming
 * neither, whose parent is a top-level title, hangs only under the top level.
 */
function fitsUnder(child: Lesson, node: Lesson, above: readonly string[], topTitles: ReadonlySet<string>): boolean {
  if (child.grandParent !== undefined && child.grandParent !== node.parent) return false;
  if (child.ancestor !== undefined && child.ancestor !== node.title && !above.includes(child.ancestor)) return false;
  if (child.grandParent === undefined && child.ancestor === undefined && topTitles.has(child.parent!) && above.length >= 1) return false;
  return true;
}

/** The navigation of one set of pages (the site's pages, or one collection), top-down as the theme draws it. */
function placeAll(lessons: Lesson[], problems: CourseProblem[], order: (a: Lesson, b: Lesson) => number): Map<Lesson | undefined, Lesson[]> {
  const childrenOf = new Map<Lesson | undefined, Lesson[]>();
  const byParentTitle = new Map<string, Lesson[]>();
  const titles = new Set<string>();
  for (const lesson of lessons) {
    titles.add(lesson.title);
    if (lesson.parent === undefined) continue;
    const same = byParentTitle.get(lesson.parent);
    if (same) same.push(lesson);
    else byParentTitle.set(lesson.parent, [lesson]);
  }
  const topTitles = new Set(lessons.filter((l) => l.parent === undefined).map((l) => l.title));
  const placed = new Set<Lesson>();
  // Each page is placed once, under the first node (in reading order) that may hold it; a page
  // with its own title among its ancestors is not placed there (the theme draws it as a loop).
  const hang = (node: Lesson, above: string[]): void => {
    const kids = (byParentTitle.get(node.title) ?? []).filter((c) => !placed.has(c) && c !== node && !above.includes(c.title) && fitsUnder(c, node, above, topTitles));
    kids.sort(order);
    for (const kid of kids) placed.add(kid);
    childrenOf.set(node, kids);
    const below = [...above, node.title];
    for (const kid of kids) hang(kid, below);
  };
  const roots: Lesson[] = [];
  const addRoot = (lesson: Lesson): void => {
    placed.add(lesson);
    roots.push(lesson);
    hang(lesson, []);
  };
  for (const lesson of [...lessons].filter((l) => l.parent === undefined).sort(order)) addRoot(lesson);
  // Pages the navigation cannot reach are still part of the course: at the top, with the reason.
  for (const lesson of lessons) {
    if (placed.has(lesson)) continue;
    const why = !titles.has(lesson.parent!)
      ? { severity: 'warning' as const, message: `parent "${lesson.parent}" is not the title of any lesson: shown at the top level` }
      : { severity: 'error' as const, message: `parent "${lesson.parent}" leads back to this lesson (a cycle) or to no page the navigation reaches: shown at the top level` };
    problems.push({ file: lesson.file, line: 1, ...why });
    addRoot(lesson);
  }
  childrenOf.set(undefined, roots.sort(order));
  return childrenOf;
}

export function buildCourse(lessons: readonly Lesson[], problems: CourseProblem[] = [], options: CourseOptions = {}): Course {
  const unique = uniqueIds(lessons, problems);
  const order = siblingOrder(options.caseInsensitiveSort === true);
  // The site's pages first, then each collection in the order the site lists them.
  const collections = options.collections ?? [];
  const groups: Array<{ name: string | undefined; lessons: Lesson[]; hidden: boolean }> = [{ name: undefined, lessons: [], hidden: false }];
  const groupOf = new Map(collections.map((c) => [c.key, { name: c.name, lessons: [] as Lesson[], hidden: c.navExclude === true }]));
  groups.push(...groupOf.values());
  for (const lesson of unique) (groupOf.get(lesson.collection ?? '') ?? groups[0]!).lessons.push(lesson);

  const ordered: CourseNode[] = [];
  const byId = new Map<string, CourseNode>();
  const roots: CourseNode[] = [];
  const build = (childrenOf: Map<Lesson | undefined, Lesson[]>, lesson: Lesson, parent: CourseNode | undefined, number: string, listed: boolean): CourseNode => {
    const node: CourseNode = { lesson, number: listed ? number : '', depth: parent ? parent.depth + 1 : 0, parent, children: [] };
    byId.set(lesson.id, node);
    if (listed) ordered.push(node);
    let shown = 0;
    for (const kid of childrenOf.get(lesson) ?? []) {
      const kidListed = listed && kid.navExclude !== true;
      node.children.push(build(childrenOf, kid, node, kidListed ? `${number}.${++shown}` : '', kidListed));
    }
    return node;
  };
  let top = 0;
  for (const group of groups) {
    if (group.lessons.length === 0) continue;
    const childrenOf = placeAll(group.lessons, problems, order);
    let first = true;
    for (const lesson of childrenOf.get(undefined) ?? []) {
      const listed = !group.hidden && lesson.navExclude !== true;
      const node = build(childrenOf, lesson, undefined, listed ? String(++top) : '', listed);
      if (listed && first && group.name !== undefined) node.collection = group.name;
      if (listed) first = false;
      roots.push(node);
    }
  }
  // Children left out of the navigation are kept (readable by id) but not among the children shown.
  const visible = (nodes: CourseNode[]): CourseNode[] => nodes.filter((n) => n.number !== '');
  for (const node of byId.values()) node.children = visible(node.children);
  return { roots: visible(roots), ordered, byId, problems };
}

/** A title that carries its own number ("10. Diffie-Hellman", "2.3 Scope"): that number, else undefined. */
export function ownNumber(title: string): string | undefined {
  return /^(\d+(?:\.\d+)*)(?:[.:)]|\s)\s*\S/.exec(title)?.[1];
}

/** The number to show before a page's title: none when the title carries its own, so numbers never double. */
export function numberLabel(node: CourseNode): string {
  return ownNumber(node.lesson.title) === undefined ? node.number : '';
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
