// Finding a lesson by what a learner types: its id, its number (pm-guide's,
// or the one its title carries), its title or part of it, in British or
// American spelling; and the lessons close to a name that matches none.
import { AmbiguousLessonError, LessonNotFoundError } from './errors.js';
import { ownNumber, type Course, type CourseNode } from './course.js';
import { editDistance, normaliseAnswer } from './text.js';

/** One spelling for words British and American English spell apart: "prioritization" finds "prioritisation". */
export function spellingKey(text: string): string {
  return normaliseAnswer(text)
    .replace(/iz(e|es|ed|ing|ation|ations)\b/g, 'is$1')
    .replace(/yz(e|es|ed|ing)\b/g, 'ys$1')
    .replace(/\b(colo|behavio|favo|hono|labo)r/g, '$1ur')
    .replace(/\b(cent|theat|met)er\b/g, '$1re')
    .replace(/\bcatalog\b/g, 'catalogue');
}

export function findLesson(course: Course, query: string): CourseNode {
  const q = query.trim();
  const byId = course.byId.get(q) ?? course.ordered.find((n) => n.lesson.id.toLowerCase() === q.toLowerCase());
  if (byId) return byId;
  // A course whose titles carry their own numbers is read by those numbers ("read 5" is its chapter 5).
  const wanted = q.replace(/\.$/, '');
  const own = course.ordered.filter((n) => ownNumber(n.lesson.title) === wanted);
  if (own.length === 1) return own[0]!;
  const byNumber = course.ordered.find((n) => n.number === wanted);
  if (byNumber) return byNumber;

  const nq = spellingKey(q);
  if (nq !== '') {
    const exact = course.ordered.filter((n) => spellingKey(n.lesson.title) === nq);
    if (exact.length === 1) return exact[0]!;
    const partial = course.ordered.filter((n) => spellingKey(n.lesson.title).includes(nq) || spellingKey(n.lesson.id.replace(/-/g, ' ')).includes(nq));
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
