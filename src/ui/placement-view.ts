// How the placement test looks: its opening lines, each module's heading and
// verdict, the short feedback after an answer, and the summary.
import type { CourseNode } from '../core/course.js';
import type { ModuleState, PlacementModule } from '../core/placement.js';
import { answerText } from '../core/quiz/grade.js';
import type { Question } from '../core/quiz/types.js';
import { neutraliseLine } from '../core/text.js';
import { wrapLines } from './ansi.js';
import { theme } from './theme.js';

const name = (node: CourseNode): string => neutraliseLine(`${node.number} ${node.lesson.title}`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function placementIntro(modules: readonly PlacementModule[], width: number): string {
  const lessons = modules.reduce((n, m) => n + m.lessons.length, 0);
  const questions = modules.reduce((n, m) => n + m.questions.length, 0);
  return wrapLines(
    [
      `${theme.title('Placement test')} ${theme.dim(`· ${plural(lessons, 'lesson')}, at most ${plural(questions, 'question')} · Esc leaves, Ctrl-C quits (answers so far are kept)`)}`,
      'The hardest questions come first in each module, and a module stops early once it is clear. Lessons you show you know are marked tested out, and pm-guide next skips them. Choose "I don\'t know" (or type !) rather than guess.',
    ].join('\n'),
    width,
  );
}

export function moduleHeading(module: PlacementModule, width: number): string {
  const title = module.module ? name(module.module) : name(module.lessons[0]!);
  return wrapLines(`${theme.heading(title)} ${theme.dim(`· ${plural(module.lessons.length, 'lesson')} to place`)}`, width);
}

/** "✓ Right." or what the answer was: short, since the lessons teach it. */
export function placementFeedback(question: Question, outcome: 'right' | 'wrong' | 'unknown'): string {
  if (outcome === 'right') return theme.ok('✓ Right.');
  const answer = theme.strong(answerText(question));
  return outcome === 'unknown' ? `${theme.warn('The answer:')} ${answer}` : `${theme.bad('✗ Not quite.')} The answer: ${answer}`;
}

/** What a module's answers showed, once its test stopped. */
export function moduleVerdict(state: ModuleState, module: PlacementModule, known: readonly CourseNode[], width: number): string {
  const line =
    state === 'strong'
      ? `You know this module: its hardest questions were right. ${plural(known.length, 'lesson')} tested out.`
      : state === 'new'
        ? 'This module looks new to you: its lessons stay on your path.'
        : known.length === 0
          ? 'No lesson of this module tested out: they stay on your path.'
          : known.length === module.lessons.length
            ? `Every lesson of this module tested out (${known.length}).`
            : `Tested out: ${known.map(name).join(', ')}. The rest stay on your path.`;
  return wrapLines(theme.accent(line), width);
}

export interface PlacementSummary {
  answers: number;
  right: number;
  testedOut: readonly CourseNode[];
  /** What `pm-guide next` offers now, in a few words. */
  next: string;
  /** Left before the end (Esc). */
  left: boolean;
}

export function formatPlacementSummary(s: PlacementSummary, width: number): string {
  const lines = [
    s.left ? `Left the placement test. ${plural(s.answers, 'answer')} saved.` : theme.title(`Placement done: ${s.right} of ${plural(s.answers, 'answer')} right.`),
    s.testedOut.length === 0 ? 'No lesson tested out: the course starts at the beginning.' : `Tested out (${s.testedOut.length}): ${s.testedOut.map(name).join(', ')}.`,
    'The questions you answered come back in your reviews.',
    `Next: ${s.next}.`,
  ];
  if (s.testedOut.length > 0) lines.push(theme.dim('To study a tested-out lesson after all: pm-guide placement --undo LESSON.'));
  return wrapLines(lines.join('\n'), width);
}
