// pm-guide stats: your progress as a picture (bars, a week of reviews, an
// activity chart), or as JSON with --json.
import { leechesOf } from '../core/leech.js';
import { passageFor } from '../core/quiz/passage.js';
import type { Question } from '../core/quiz/types.js';
import { computeStats, type LeechStats, type Stats } from '../core/stats.js';
import type { Topic } from '../core/progress.js';
import { formatStats } from '../ui/stats-view.js';
import { print, terminalWidth, type Context } from '../context.js';
import { courseState, openSession, type Session } from './session.js';
import { jsonText } from '../ui/json-text.js';

export interface StatsOptions {
  json: boolean;
}

/** Stats of a session, with question prompts for the weakest list, on the progress as the course now stands (courseState). */
export function sessionStats(session: Session, now: Date, progress = session.progress): Stats {
  const questions = session.bank.all();
  const prompts = new Map(questions.map((q) => [q.id, q.prompt]));
  const perTopic: Partial<Record<Topic, number>> = {};
  for (const q of questions) perTopic[q.topic] = (perTopic[q.topic] ?? 0) + 1;
  return computeStats({
    course: session.course,
    progress,
    now,
    promptOf: (id) => prompts.get(id),
    questionsPerTopic: perTopic,
    leeches: leechStats(session, questions),
  });
}

/** Leeches from the record itself: the course view rests them, and stats shows them. */
function leechStats(session: Session, questions: readonly Question[]): LeechStats[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return leechesOf(session.progress, questions).map(({ questionId, item, instead }) => {
    const question = byId.get(questionId)!;
    return {
      questionId,
      prompt: question.prompt,
      lessonId: question.lessonId,
      where: passageFor(session.course.byId.get(question.lessonId)!, question).where,
      misses: item.seen - item.right,
      replaced: instead !== undefined,
    };
  });
}

export async function runStats(ctx: Context, options: StatsOptions): Promise<void> {
  const session = openSession(ctx);
  const stats = sessionStats(session, ctx.now(), courseState(ctx, session).progress);
  if (options.json) {
    print(ctx, jsonText(stats, 2));
    return;
  }
  print(ctx, formatStats(stats, { width: terminalWidth(ctx) }));
}
