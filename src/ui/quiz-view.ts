// How a quiz looks: question headers, feedback after each answer, the summary,
// and the author's preview.
import type { CourseNode } from '../core/course.js';
import { TOPICS } from '../core/progress.js';
import { answerText } from '../core/quiz/grade.js';
import type { Question } from '../core/quiz/types.js';
import { neutraliseLine, plainLabel } from '../core/text.js';
import { wrapLines } from './ansi.js';
import { bar, theme } from './theme.js';
import { jsonText } from './json-text.js';

export interface Result {
  question: Question;
  correct: boolean;
}

const KIND_HINT: Record<Question['kind'], string> = {
  single: 'choose one',
  multiple: 'choose all that apply',
  text: 'type your answer',
  boolean: 'true or false',
};

export function questionHeader(question: Question, index: number, total: number, width: number): string {
  return wrapLines(theme.dim(`Question ${index + 1} of ${total} · ${question.topic} · ${KIND_HINT[question.kind]}`), width);
}

/** The line a quiz starts with: what it is on, how long it is, and how to stop. */
export function quizTitle(title: string, count: number, width: number): string {
  return wrapLines(`${theme.title(title)} ${theme.dim(`· ${count} question${count === 1 ? '' : 's'} · Ctrl-C stops (answers so far are kept)`)}`, width);
}

export function formatFeedback(question: Question, correct: boolean, file: string, width: number): string {
  const lines = [correct ? theme.ok('✓ Right.') : `${theme.bad('✗ Not quite.')} The answer: ${theme.strong(answerText(question))}`];
  if (question.explanation && (!correct || question.kind === 'text' || question.kind === 'boolean')) lines.push(question.explanation);
  const source = plainLabel(neutraliseLine(question.source.text).replace(/^\s*(?:[-*+]|#+|\|)\s*/, ''));
  const where = `  ${neutraliseLine(file)}:${question.source.line}`;
  // The line itself, unless the explanation just said it.
  const said = question.explanation !== undefined && lines.length > 1 && plainLabel(question.explanation) === source;
  lines.push(theme.dim(said ? where : `${where}: ${source.length > 100 ? `${source.slice(0, 100)}…` : source}`));
  return wrapLines(lines.join('\n'), width);
}

export function formatSummary(results: Result[], lesson: { passMark: number; lessonId: string } | undefined, width: number): string {
  const right = results.filter((r) => r.correct).length;
  const score = results.length ? right / results.length : 0;
  const lines = [theme.title(`Score: ${right} of ${results.length}`) + `  ${bar(score)}`];
  for (const topic of TOPICS) {
    const of = results.filter((r) => r.question.topic === topic);
    if (of.length === 0) continue;
    const ok = of.filter((r) => r.correct).length;
    lines.push(`  ${topic.padEnd(17)} ${ok} of ${of.length}`);
  }
  if (lesson) {
    lines.push(
      score >= lesson.passMark
        ? theme.ok(`Passed (${Math.round(lesson.passMark * 100)}% needed).`)
        : theme.warn(`Not passed yet: ${Math.round(lesson.passMark * 100)}% needed. Re-read it (pm-guide read ${lesson.lessonId}) and try again.`),
    );
  }
  const missed = results.filter((r) => !r.correct);
  if (missed.length > 0) {
    lines.push('', 'To review (they come back soon: pm-guide quiz --review):');
    for (const r of missed) {
      const prompt = neutraliseLine(r.question.prompt);
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
