// In-process helpers for scripts/bench.mjs, bundled by it with esbuild: they
// build realistic progress files with pm-guide's own code (real question ids,
// the real scheduler) and time recording one answer, which a whole process
// cannot measure (its start-up alone is many times the 10 ms budget).
import type { Session } from '../src/commands/session.js';
import { allQuestions } from '../src/commands/questions.js';
import { loadCourse } from '../src/io/load-course.js';
import { ProgressStore } from '../src/io/progress-store.js';
import { dict, emptyProgress, markRead, recordAnswer, recordQuizScore, HISTORY_LIMIT, type ItemProgress, type Progress } from '../src/core/progress.js';
import { fsrsScheduler } from '../src/core/schedule.js';
import { quizzable } from '../src/core/next.js';

const DAY = 86_400_000;

/** A small deterministic generator, so every run of the benchmark uses the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Progress with the first `count` lessons (and the modules before them) read,
 * and the quizzes of the first `passed` of them passed (all of them unless said).
 */
export function readProgress(lessonsDir: string, count: number, now: Date, passed = count): Progress {
  const { course } = loadCourse(lessonsDir);
  let progress = emptyProgress();
  let lessons = 0;
  for (const node of course.ordered) {
    if (lessons >= count) break;
    progress = markRead(progress, node.lesson.id, new Date(now.getTime() - DAY));
    if (quizzable(node)) {
      if (lessons < passed) progress = recordQuizScore(progress, node.lesson.id, 1, new Date(now.getTime() - DAY));
      lessons++;
    }
  }
  return progress;
}

/**
 * Progress after `answers` answers spread over every question the course yields,
 * over the past year: the whole course read and passed, the items scheduled by
 * FSRS exactly as recordAnswer would, each keeping its bounded history.
 */
export function answeredProgress(lessonsDir: string, answers: number, now: Date): { progress: Progress; questions: number } {
  const loaded = loadCourse(lessonsDir);
  const session = { loaded, course: loaded.course } as unknown as Session;
  const questions = allQuestions(session);
  let progress = emptyProgress();
  for (const node of loaded.course.ordered) {
    progress = markRead(progress, node.lesson.id, new Date(now.getTime() - 300 * DAY));
    if (quizzable(node)) progress = recordQuizScore(progress, node.lesson.id, 0.9, new Date(now.getTime() - 300 * DAY));
  }
  const random = lcg(42);
  const items = dict<ItemProgress>();
  const start = now.getTime() - 365 * DAY;
  const per = Math.floor(answers / questions.length);
  let extra = answers - per * questions.length;
  for (const q of questions) {
    const n = per + (extra-- > 0 ? 1 : 0);
    let item: ItemProgress | undefined;
    for (let i = 0; i < n; i++) {
      const at = new Date(start + Math.floor(((i + random()) / n) * 365 * DAY));
      const correct = random() < 0.8;
      const t = Math.floor(at.getTime() / 1000);
      const history = [...(item?.history ?? []), [t, correct ? 1 : 0] as [number, 0 | 1]].slice(-HISTORY_LIMIT);
      item = {
        lesson: q.lessonId,
        topic: q.topic,
        ...fsrsScheduler(item, correct, at),
        history,
        seen: (item?.seen ?? 0) + 1,
        right: (item?.right ?? 0) + (correct ? 1 : 0),
      };
    }
    if (item) items[q.id] = item;
  }
  const days = dict<number>();
  for (let d = 365; d >= 0; d--) {
    const date = new Date(now.getTime() - d * DAY);
    days[`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`] = Math.round(answers / 366);
  }
  // The days map keeps the last 366 days, as noteActivity does.
  const keys = Object.keys(days).sort();
  for (const old of keys.slice(0, Math.max(0, keys.length - 366))) delete days[old];
  return { progress: { ...progress, items, days }, questions: questions.length };
}

/** Writes progress as pm-guide itself saves it (in its own file format). */
export function writeProgress(file: string, progress: Progress): void {
  new ProgressStore({ file, warn: () => {} }).update(() => progress);
}

/**
 * Times recording one more answer on the progress file, as the quiz does: the
 * store's locked, re-read, atomically written update. Returns milliseconds per run.
 */
export function timeRecordAnswer(file: string, runs: number, now: Date): number[] {
  const store = new ProgressStore({ file, warn: () => {} });
  const progress = store.load();
  const ids = Object.keys(progress.items);
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const id = ids[(i * 7919) % ids.length]!;
    const item = progress.items[id]!;
    const t0 = performance.now();
    store.update((p) => recordAnswer(p, { questionId: id, lessonId: item.lesson, topic: item.topic, correct: i % 3 !== 0, at: new Date(now.getTime() + i * 1000) }, fsrsScheduler));
    const ms = performance.now() - t0;
    if (i >= 2) times.push(ms); // The first two warm up the JIT and the file cache.
  }
  return times;
}
