// What a learner wants to know of their progress, computed from the course and
// the progress record: reading and mastery per module, quiz accuracy per topic
// and per lesson, the weakest questions, reviews coming due, the day streak
// and recent activity. Pure; `pm-guide stats` draws it, `--json` prints it.
import type { Course, CourseNode } from './course.js';
import { activity, addDays, streak, type DayCount } from './calendar.js';
import { confidentlyWrong, levels } from './confidence.js';
import { dayKey, isPassed, masteryOf, TOPICS, type ItemProgress } from './progress.js';
import type { ModuleStats, TopicStats, LessonStats, WeakItem, CalibrationStats, Stats, StatsInput } from './stats-model.js';

export type { ModuleStats, TopicStats, LessonStats, WeakItem, LeechStats, CalibrationStats, Stats, StatsInput } from './stats-model.js';

export const WEAKEST_LIMIT = 5;

const ratio = (right: number, answers: number): number | null => (answers === 0 ? null : right / answers);

/** Lessons are the pages that are not module pages (as in pm-guide list). */
function isLesson(node: CourseNode): boolean {
  return !node.lesson.isModule;
}

function descendants(node: CourseNode): CourseNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

export function computeStats({ course, progress, now, promptOf, questionsPerTopic, leeches = [] }: StatsInput): Stats {
  const known = new Map<string, ItemProgress>();
  for (const [id, item] of Object.entries(progress.items)) if (course.byId.has(item.lesson)) known.set(id, item);

  const lessonNodes = course.ordered.filter(isLesson);
  const read = (n: CourseNode): boolean => progress.lessons[n.lesson.id]?.readAt !== undefined;
  const passed = (n: CourseNode): boolean => isPassed(progress, n.lesson.id);
  const isMastered = masteryOf(progress, now);
  const mastered = (n: CourseNode): boolean => isMastered(n.lesson.id);

  // Modules: each top-level page with children; top-level lessons of their own form one more group.
  const modules: ModuleStats[] = [];
  const loose = course.roots.filter((r) => r.children.length === 0 && isLesson(r));
  const group = (number: string, id: string, title: string, nodes: CourseNode[]): ModuleStats => {
    const lessons = nodes.filter(isLesson);
    return { number, id, title, lessons: lessons.length, read: lessons.filter(read).length, passed: lessons.filter(passed).length, mastered: lessons.filter(mastered).length };
  };
  for (const root of course.roots) {
    if (root.children.length > 0) modules.push(group(root.number, root.lesson.id, root.lesson.title, descendants(root)));
  }
  if (loose.length > 0) modules.push(group('', '', modules.length === 0 ? 'All lessons' : 'Other pages', loose));

  const topics: TopicStats[] = TOPICS.map((topic) => {
    const items = [...known.values()].filter((i) => i.topic === topic);
    const answers = items.reduce((s, i) => s + i.seen, 0);
    const right = items.reduce((s, i) => s + i.right, 0);
    return { topic, questions: questionsPerTopic?.[topic] ?? items.length, answers, right, accuracy: ratio(right, answers) };
  });

  const t = now.getTime() / 1000;
  const lessons: LessonStats[] = [];
  for (const node of lessonNodes) {
    const items = [...known.values()].filter((i) => i.lesson === node.lesson.id);
    const answers = items.reduce((s, i) => s + i.seen, 0);
    if (answers === 0) continue;
    const right = items.reduce((s, i) => s + i.right, 0);
    const p = progress.lessons[node.lesson.id];
    lessons.push({
      number: node.number,
      id: node.lesson.id,
      title: node.lesson.title,
      read: read(node),
      bestScore: p?.bestScore ?? null,
      lastScore: p?.lastScore ?? null,
      answers,
      right,
      accuracy: ratio(right, answers),
      passed: passed(node),
      mastered: mastered(node),
      due: items.filter((i) => i.due <= t).length,
    });
  }

  const answers = [...known.values()].reduce((s, i) => s + i.seen, 0);
  const right = [...known.values()].reduce((s, i) => s + i.right, 0);

  return {
    totals: {
      pages: course.ordered.length,
      pagesRead: course.ordered.filter(read).length,
      lessons: lessonNodes.length,
      lessonsRead: lessonNodes.filter(read).length,
      passed: lessonNodes.filter(passed).length,
      mastered: lessonNodes.filter(mastered).length,
      questionsAnswered: [...known.values()].filter((i) => i.seen > 0).length,
      answers,
      right,
      accuracy: ratio(right, answers),
    },
    modules,
    topics,
    lessons,
    weakest: weakest(course, known, promptOf),
    leeches: [...leeches].sort((a, b) => b.misses - a.misses),
    calibration: calibrationOf(course, known),
    reviews: reviews(known, now),
    streak: streak(progress, now),
    activity: activity(progress, now),
  };
}

/**
 * The questions most often missed: only those missed at least once, ranked by
 * accuracy smoothed towards one half (one miss in one answer is weaker evidence
 * than five in ten), then by lapses, then by the latest answer being wrong.
 */
function weakest(course: Course, items: Map<string, ItemProgress>, promptOf: StatsInput['promptOf']): WeakItem[] {
  const smoothed = (i: ItemProgress): number => (i.right + 1) / (i.seen + 2);
  return [...items.entries()]
    .filter(([, i]) => i.seen > i.right)
    .sort(([, a], [, b]) => smoothed(a) - smoothed(b) || b.lapses - a.lapses || (a.history.at(-1)?.[1] ?? 1) - (b.history.at(-1)?.[1] ?? 1) || b.last - a.last)
    .slice(0, WEAKEST_LIMIT)
    .map(([questionId, i]) => {
      const node = course.byId.get(i.lesson)!;
      return {
        questionId,
        prompt: promptOf?.(questionId) ?? null,
        lessonId: i.lesson,
        lessonNumber: node.number,
        lessonTitle: node.lesson.title,
        topic: i.topic,
        answers: i.seen,
        right: i.right,
        accuracy: i.right / i.seen,
        lapses: i.lapses,
        recent: i.history.slice(-5).map(([, r]) => r === 1),
        due: new Date(i.due * 1000).toISOString(),
      };
    });
}

function reviews(items: Map<string, ItemProgress>, now: Date): Stats['reviews'] {
  const t = now.getTime() / 1000;
  const endOfToday = addDays(now, 1).getTime() / 1000;
  const week: DayCount[] = [];
  for (let d = 1; d <= 7; d++) week.push({ date: dayKey(addDays(now, d)), count: 0 });
  const endOfWeek = addDays(now, 8).getTime() / 1000;
  let dueNow = 0;
  let laterToday = 0;
  let later = 0;
  for (const item of items.values()) {
    if (item.due <= t) dueNow += 1;
    else if (item.due < endOfToday) laterToday += 1;
    else if (item.due < endOfWeek) {
      const slot = week.find((w) => w.date === dayKey(new Date(item.due * 1000)));
      if (slot) slot.count += 1;
    } else later += 1;
  }
  return { dueNow, laterToday, week, later };
}

function calibrationOf(course: Course, items: Map<string, ItemProgress>): CalibrationStats {
  const all = [...items.values()];
  const topics = TOPICS.map((topic) => ({ topic, levels: levels(all.filter((i) => i.topic === topic).map((i) => i.cal)) }));
  const modules = course.roots
    .filter((root) => root.children.length > 0)
    .map((root) => {
      const ids = new Set(descendants(root).map((n) => n.lesson.id));
      return { number: root.number, title: root.lesson.title, levels: levels(all.filter((i) => ids.has(i.lesson)).map((i) => i.cal)) };
    });
  return { overall: levels(all.map((i) => i.cal)), topics, modules, confidentlyWrong: topics.filter((t) => confidentlyWrong(t.levels)).map((t) => t.topic) };
}
