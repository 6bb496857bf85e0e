// Leeches: a question missed again and again (LEECH_MISSES times, the last
// answer among them) is not being learned by asking it once more. It stops
// coming back as the same card: when the course asks another question on
// the same fact, that one is asked in its place, due when the leech was; when
// there is none, the leech rests (never due in reviews; a lesson's own quiz
// may still ask it). A right answer to it ends its leech status. The quiz
// shows the passage it comes from when it becomes one, and `stats` lists them.
import { LAST_TIME, dict, type ItemProgress, type Progress } from './progress-schema.js';
import type { Question } from './quiz/types.js';

export const LEECH_MISSES = 4;

/** Missed LEECH_MISSES times or more, whatever came since: a leech now, or one that was. */
export function everLeech(item: ItemProgress): boolean {
  return item.seen - item.right >= LEECH_MISSES;
}

export function isLeech(item: ItemProgress | undefined): boolean {
  return item !== undefined && everLeech(item) && item.history.at(-1)?.[1] === 0;
}

export interface Leech {
  questionId: string;
  item: ItemProgress;
  /** The question asked in its place, if the course has one. */
  instead: string | undefined;
}

/** Another question on the leech's fact that is not a leech itself. */
function alternative(progress: Progress, question: Question, byFact: Map<string, Question[]>): Question | undefined {
  return byFact.get(question.fact)?.find((q) => q.id !== question.id && !isLeech(progress.items[q.id]));
}

function factIndex(questions: readonly Question[]): Map<string, Question[]> {
  const byFact = new Map<string, Question[]>();
  for (const q of questions) byFact.set(q.fact, [...(byFact.get(q.fact) ?? []), q]);
  return byFact;
}

/** Every leech among the questions the course asks, with what is asked instead. */
export function leechesOf(progress: Progress, questions: readonly Question[]): Leech[] {
  const byFact = factIndex(questions);
  return questions.filter((q) => isLeech(progress.items[q.id])).map((q) => ({ questionId: q.id, item: progress.items[q.id]!, instead: alternative(progress, q, byFact)?.id }));
}

/**
 * The progress with leeches taken out of the queue, for deciding what to ask:
 * a leech rests (never due), and its alternative is due in its place (as a
 * new question when never asked). Once the alternative is answered right
 * after the leech's last miss, the fact is known, and the leech no longer
 * holds back its lesson's mastery (progress.ts masteryOf).
 */
export function withoutLeeches(progress: Progress, questions: readonly Question[]): Progress {
  const leeches = leechesOf(progress, questions);
  if (leeches.length === 0) return progress;
  const items = dict(Object.entries(progress.items));
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const { questionId, item, instead } of leeches) {
    items[questionId] = { ...item, due: LAST_TIME };
    if (instead === undefined) continue;
    const other = items[instead];
    if (other && other.last > item.last) continue; // Asked in its place already: it keeps its own schedule.
    const q = byId.get(instead)!;
    items[instead] = other
      ? { ...other, due: Math.min(other.due, item.due) }
      : { lesson: q.lessonId, topic: q.topic, due: item.due, stability: 0, difficulty: 0, reps: 0, lapses: 0, state: 0, learningSteps: 0, last: item.last, history: [], seen: 0, right: 0, fact: q.fact };
  }
  return { ...progress, items };
}
