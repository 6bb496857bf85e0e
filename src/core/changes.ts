// A course that changes under the learner: a team edits its handbook, a new
// version of the shipped course arrives. When a lesson is read, a short hash
// of its text is kept; when a question is answered, a short hash of the
// sentence it comes from. From those, and the copy of the lesson as it was
// read (kept by io/read-copies.ts, and the questions it yielded), this module decides, once for every
// command:
// - which lessons changed since they were read ("changed since you read it");
// - which paragraphs were added and removed (`pm-guide read --changes`);
// - the course's view of the progress record: a question whose sentence
//   changed is due now; a question added to a lesson the learner already
//   quizzed is due now, as a new one; a question the course no longer asks
//   leaves the view (its record stays in the file, history and all, and comes
//   back if the sentence does).
import type { Course } from './course.js';
import type { Lesson } from './lesson.js';
import { dict, type ItemProgress, type Progress } from './progress.js';
import { headingOf, paragraphAfter } from './quiz/structure.js';
import type { Question } from './quiz/types.js';
import { stableHash } from './text.js';

/** Whitespace and line endings do not make a lesson "changed": only its words do. */
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const lessonHash = (lesson: Pick<Lesson, 'body'>): string => stableHash(normalise(lesson.body));


/**
 * The text a question is made from, as the lesson has it: its source line, and for a section's
 * heading the paragraph under it that describes the section (a naming
 * question quotes it). An authored question's is its own text in the quiz
 * block. Generated prompts are not used: the words they blank out depend on
 * the lesson's other sections.
 */
export function sourceText(lesson: Pick<Lesson, 'body' | 'bodyLine'>, question: Pick<Question, 'id' | 'source' | 'prompt' | 'answer'>): string {
  if (question.id.startsWith('a-')) return [question.source.text, question.prompt, ...[question.answer].flat()].join('\n');
  const lines = lesson.body.split('\n');
  const index = question.source.line - lesson.bodyLine;
  const line = lines[index];
  if (line === undefined) return question.source.text;
  return headingOf(line) ? [line, ...paragraphAfter(lines, index)].join('\n') : line;
}

/** The hash of what a question is made from (sourceText): a different one means the question changed since it was answered. */
export const sourceHash = (lesson: Pick<Lesson, 'body' | 'bodyLine'>, question: Pick<Question, 'id' | 'source' | 'prompt' | 'answer'>): string =>
  stableHash(normalise(sourceText(lesson, question)));

/** Lessons read with a known hash whose text is no longer what was read. */
export function changedLessons(course: Course, progress: Progress): Set<string> {
  const out = new Set<string>();
  for (const node of course.ordered) {
    const read = progress.lessons[node.lesson.id];
    if (read?.readAt !== undefined && read.hash !== undefined && read.hash !== lessonHash(node.lesson)) out.add(node.lesson.id);
  }
  return out;
}

/** Paragraphs of a lesson's Markdown: runs of lines between blank lines, whitespace collapsed. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map(normalise)
    .filter((p) => p !== '' && !/^(-{3,}|\*{3,}|_{3,})$/.test(p));
}

export type ParagraphChange = { kind: 'added' | 'removed'; text: string };

/** What changed between two versions of a lesson, paragraph by paragraph, in the order of the text (longest common subsequence); the old wording before the new. */
export function paragraphChanges(before: string, after: string): ParagraphChange[] {
  const a = paragraphs(before);
  const b = paragraphs(after);
  // lcs[i][j]: the longest common run of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  return out;
}

export interface CourseViewInput {
  course: Course;
  progress: Progress;
  /** Every question the course asks now. */
  questions: readonly Question[];
  now: Date;
  /** Lessons changed since read: the ids of the questions they yielded as read, when a copy of that text was kept. */
  askedBefore?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A question the learner has not met, made due now because it is new in a lesson they had quizzed. */
function newItem(q: Question, at: number): ItemProgress {
  return { lesson: q.lessonId, topic: q.topic, due: at, stability: 0, difficulty: 0, reps: 0, lapses: 0, state: 0, learningSteps: 0, last: at, history: [], seen: 0, right: 0, fact: q.fact };
}

/**
 * The progress record as the course now stands, for deciding what to ask and
 * what is due; never saved. Answers are recorded on the record itself.
 */
export function courseView({ course, progress, questions, now, askedBefore }: CourseViewInput): Progress {
  const at = Math.floor(now.getTime() / 1000);
  const quizzed = new Set(Object.values(progress.items).map((i) => i.lesson));
  const items = dict<ItemProgress>();
  for (const q of questions) {
    const item = progress.items[q.id];
    const lesson = course.byId.get(q.lessonId)?.lesson;
    if (item) items[q.id] = lesson && item.src !== undefined && item.src !== sourceHash(lesson, q) && item.due > at ? { ...item, due: at } : item;
    else {
      // New since the lesson was read: the text as read did not ask it.
      const before = askedBefore?.get(q.lessonId);
      if (before !== undefined && before.size > 0 && quizzed.has(q.lessonId) && !before.has(q.id)) items[q.id] = newItem(q, at);
    }
  }
  return { ...progress, items };
}

/** Questions whose sentence changed since they were answered, or that are new in a lesson already quizzed: due now in `view`, not in `progress`. */
export function changedQuestions(progress: Progress, view: Progress): string[] {
  return Object.keys(view.items).filter((id) => {
    const before = progress.items[id];
    return before === undefined || view.items[id]!.due !== before.due;
  });
}

/**
 * Keeps the questions that are new in a lesson since it was read as due, in
 * the record itself, when the learner reads the lesson again (after that, the
 * copy as read no longer tells them apart from the rest).
 */
export function rememberNewQuestions(progress: Progress, view: Progress, lessonId: string): Progress {
  const added = Object.entries(view.items).filter(([id, item]) => item.lesson === lessonId && progress.items[id] === undefined);
  if (added.length === 0) return progress;
  return { ...progress, items: dict([...Object.entries(progress.items), ...added]) };
}
