// list and the home menu work out once which lessons have a question due, and
// give each page's status from that: it must be the status asked page by page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueLessonIds, lessonStatus } from '../../src/commands/list.js';
import type { Session } from '../../src/commands/session.js';
import { buildCourse } from '../../src/core/course.js';
import type { Lesson } from '../../src/core/lesson.js';
import { dict, emptyProgress, markRead, recordQuizScore, type ItemProgress } from '../../src/core/progress.js';

const lesson = (id: string, extra: Partial<Lesson> = {}): Lesson => ({
  id,
  title: id.toUpperCase(),
  parent: undefined,
  grandParent: undefined,
  navOrder: undefined,
  isModule: false,
  file: `${id}.md`,
  body: '',
  bodyLine: 1,
  titleInFrontMatter: true,
  ...extra,
});

describe('lessonStatus with the due lessons worked out once', () => {
  it('is the status asked lesson by lesson: read, best score, passed, mastered', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const course = buildCourse([lesson('m', { title: 'M', isModule: true }), ...ids.map((id) => lesson(id, { parent: 'M' }))]);
    const now = new Date('2026-06-01T12:00:00Z');
    const t = now.getTime() / 1000;
    const arb = fc.record({
      read: fc.subarray(ids),
      scores: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(0, 0.5, 0.79, 0.8, 1))),
      // Questions due a day ago, a second ago, now, a second from now, a day from now.
      items: fc.array(fc.tuple(fc.constantFrom(...ids, 'gone'), fc.constantFrom(-86_400, -1, 0, 1, 86_400))),
    });
    fc.assert(
      fc.property(arb, ({ read, scores, items }) => {
        let progress = emptyProgress();
        for (const id of read) progress = markRead(progress, id, now);
        for (const [id, score] of scores) progress = recordQuizScore(progress, id, score, now);
        const stored = dict<ItemProgress>();
        items.forEach(([id, offset], i) => (stored[`q${i}`] = { lesson: id, topic: 'tools', due: t + offset } as unknown as ItemProgress));
        const session = { course, progress: { ...progress, items: stored } } as unknown as Session;
        const due = dueLessonIds(session, now);
        for (const node of course.ordered) expect(lessonStatus(session, node, now, due)).toEqual(lessonStatus(session, node, now));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
