// How a quiz looks: question headers, feedback after each answer, the summary,
// and the author's preview.
import type { CourseNode } from '../core/course.js';
import { TOPICS } from '../core/progress.js';
import { answerText } from '../core/quiz/grade.js';
import type { Passage } from '../core/quiz/passage.js';
import type { Question } from '../core/quiz/types.js';
import { neutraliseLine, plainLabel } from '../core/text.js';
import { wrapLines } from './ansi.js';
import { bar, theme } from './theme.js';
import { jsonText } from './json-text.js';

export interface Result {
  question: Question;
  correct: boolean;
}

/** How an answer went: right, wrong, or "I don't know". */
export type Outcome = 'right' | 'wrong' | 'unknown';

const KIND_HINT: Record<Question['kind'], string> = {
  single: 'choose one',
  multiple: 'choose all that apply',
  text: 'type your answer',
  boolean: 'true or false',
};

/** "Question 3 of 10 · tools · choose one", with the lesson in a review; `index` undefined for a missed question asked again. */
export function questionHeader(question: Question, index: number | undefined, total: number, width: number, lesson?: string): string {
  const place = index === undefined ? 'Once more, to fix it' : `Question ${index + 1} of ${total}`;
  const from = lesson ? ` · from ${neutraliseLine(lesson)}` : '';
  return wrapLines(theme.dim(`${place}${from} · ${question.topic} · ${KIND_HINT[question.kind]}`), width);
}

/** The line a quiz starts with: what it is on, how long it is, and how to leave. */
export function quizTitle(title: string, count: number, width: number): string {
  return wrapLines(`${theme.title(title)} ${theme.dim(`· ${count} question${count === 1 ? '' : 's'} · Esc leaves, Ctrl-C quits (answers so far are kept)`)}`, width);
}

export function formatHint(where: string, width: number): string {
  return wrapLines(theme.accent(`Hint: the answer is in ${neutraliseLine(where)}.`), width);
}

export interface FeedbackOptions {
  width: number;
  /** For a multi-select answered partly right: what was missed and what was wrongly ticked. */
  diff?: { missed: string[]; wrong: string[] } | undefined;
  /** A missed question asked again at the end: its schedule is already set. */
  again?: boolean;
  /** The answer made it a leech: it does not come back as itself (the quiz says what instead). */
  leech?: boolean;
}

export function formatFeedback(question: Question, outcome: Outcome, passage: Passage, options: FeedbackOptions): string {
  const answer = theme.strong(answerText(question));
  const lines = [outcome === 'right' ? theme.ok('✓ Right.') : outcome === 'unknown' ? `${theme.warn('The answer:')} ${answer}` : `${theme.bad('✗ Not quite.')} The answer: ${answer}`];
  const diff = options.diff;
  if (diff && (diff.missed.length > 0 || diff.wrong.length > 0)) {
    if (diff.missed.length > 0) lines.push(`Missed: ${diff.missed.join(', ')}.`);
    if (diff.wrong.length > 0) lines.push(`Not among them: ${diff.wrong.join(', ')}.`);
  }
  if (question.explanation && (outcome !== 'right' || question.kind === 'text' || question.kind === 'boolean')) lines.push(question.explanation);
  const said = question.explanation !== undefined && plainLabel(question.explanation) === passage.text;
  const quote = passage.text && !said ? `: ${passage.text}` : '';
  lines.push(theme.dim(`  ${neutraliseLine(passage.where)}${neutraliseLine(quote)}`));
  if (outcome !== 'right' && !options.again && !options.leech) lines.push(theme.dim('  It comes back at the end of this quiz, and again tomorrow.'));
  return wrapLines(lines.join('\n'), options.width);
}

export interface SummaryLesson {
  passMark: number;
  lessonId: string;
  /** The lesson was not read before the quiz. */
  unread: boolean;
  /** The quiz asked enough questions for its score to count. */
  counts: boolean;
  minimum: number;
}

export function formatSummary(results: Result[], lesson: SummaryLesson | undefined, width: number): string {
  const right = results.filter((r) => r.correct).length;
  const score = results.length ? right / results.length : 0;
  const lines = [theme.title(`Score: ${right} of ${results.length}`) + `  ${bar(score)}`];
  for (const topic of TOPICS) {
    const of = results.filter((r) => r.question.topic === topic);
    if (of.length === 0) continue;
    const ok = of.filter((r) => r.correct).length;
    lines.push(`  ${topic.padEnd(17)} ${ok} of ${of.length}`);
  }
  if (lesson && !lesson.counts) lines.push(theme.dim(`Practice only: a quiz of fewer than ${lesson.minimum} questions does not pass a lesson.`));
  else if (lesson) {
    const passed = score >= lesson.passMark;
    if (passed && lesson.unread) lines.push(theme.ok(`Passed without reading it (${Math.round(lesson.passMark * 100)}% needed): it counts as known, and pm-guide next moves past it.`));
    else if (passed) lines.push(theme.ok(`Passed (${Math.round(lesson.passMark * 100)}% needed).`));
    else lines.push(theme.warn(`Not passed yet: ${Math.round(lesson.passMark * 100)}% needed. Re-read it (pm-guide read ${lesson.lessonId}) and try again.`));
  }
  const missed = results.filter((r) => !r.correct);
  if (missed.length > 0) {
    lines.push('', 'Missed (each comes back for review tomorrow):');
    for (const r of missed) {
      const prompt = neutraliseLine(r.question.prompt).replace(/\s+/g, ' ');
      lines.push(`  • ${prompt.length > 90 ? `${prompt.slice(0, 90)}…` : prompt} → ${theme.strong(answerText(r.question))}`);
    }
  } else lines.push('', 'Nothing missed. Well done.');
  lines.push('', theme.dim('pm-guide next tells you what to do now.'));
  return wrapLines(lines.join('\n'), width);
}

export function formatPreview(node: CourseNode, questions: Question[]): string {
  const lines = [theme.title(`${node.number} ${node.lesson.title}`) + theme.dim(` · ${questions.length} questions`)];
  for (const topic of TOPICS) {
    const of = questions.filter((q) => q.topic === topic);
    lines.push('', theme.heading(`${topic} (${of.length})`));
    for (const q of of) {
      lines.push('', `${theme.dim(`[${q.kind}] ${q.id} · line ${q.source.line}`)}`, q.prompt);
      for (const c of q.choices) {
        const right = Array.isArray(q.answer) ? q.answer.includes(c) : q.answer === c;
        lines.push(`  ${right ? theme.ok('✓') : ' '} ${c}`);
      }
      if (q.kind === 'text') lines.push(`  ${theme.ok('✓')} ${[q.answer as string, ...q.accept].join(' | ')}`);
    }
  }
  return lines.join('\n');
}

export function previewJson(questions: Question[]): string {
  return jsonText(
    questions.map((q) => ({
      id: q.id,
      lesson: q.lessonId,
      topic: q.topic,
      kind: q.kind,
      prompt: q.prompt,
      choices: q.choices,
      answer: q.answer,
      accept: q.accept,
      explanation: q.explanation,
      line: q.source.line,
    })),
    2,
  );
}
