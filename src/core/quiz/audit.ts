// The question audit: how a course's questions measure against what issue 13
// asks of them, lesson by lesson. Pure: given each lesson's questions and
// structure, it works out the figures; scripts/audit-questions.ts prints them.
import { lintQuestions, type LintedLesson } from '../lint/question-lint.js';
import { contradictions } from '../lint/contradictions.js';
import { toolTaxonomy } from '../lint/taxonomy.js';
import { emptyProgress } from '../progress.js';
import { seededRandom } from '../random.js';
import { isApplicationQuestion, isBrandQuestion } from './classify.js';
import { clueIn } from './clues.js';
import { DEFAULT_COUNT, selectQuestions } from './select.js';

export interface AuditedLesson extends LintedLesson {
  id: string;
}

export interface LessonFigures {
  id: string;
  questions: number;
  /** Share of the lesson's questions that ask to apply an idea (see classify.ts). */
  application: number;
  /** Average over seeded default quizzes (10 questions, no progress). */
  applicationPerQuiz: number;
  brandPerQuiz: number;
  /** Share of questions with a clue clueIn detects. */
  clue: number;
}

export interface CourseFigures {
  lessons: LessonFigures[];
  toolsWithTwoKinds: number;
  promptsWithTwoAnswers: number;
  lintErrors: number;
  lintWarnings: number;
}

/** Seeds for the simulated quizzes: enough that the average settles, fixed so the figures repeat. */
const SEEDS = Array.from({ length: 50 }, (_, i) => 1000 + i);

function perQuiz(lesson: AuditedLesson, count: (q: LintedLesson['questions'][number]) => boolean, now: Date): number {
  let total = 0;
  for (const seed of SEEDS) {
    const chosen = selectQuestions(lesson.questions, { topics: [], count: DEFAULT_COUNT, random: seededRandom(seed), progress: emptyProgress(), now });
    total += chosen.filter(count).length;
  }
  return total / SEEDS.length;
}

export function auditLesson(lesson: AuditedLesson, now: Date): LessonFigures {
  const n = lesson.questions.length;
  const share = (pred: (q: LintedLesson['questions'][number]) => boolean): number => (n === 0 ? 0 : lesson.questions.filter(pred).length / n);
  return {
    id: lesson.id,
    questions: n,
    application: share(isApplicationQuestion),
    applicationPerQuiz: perQuiz(lesson, isApplicationQuestion, now),
    brandPerQuiz: perQuiz(lesson, isBrandQuestion, now),
    clue: share((q) => clueIn(q) !== undefined),
  };
}

export function auditCourse(lessons: readonly AuditedLesson[], now: Date): CourseFigures {
  const tools = new Set(toolTaxonomy(lessons).map((f) => f.message.split(' is filed under ')[0]!.toLowerCase()));
  const findings = lintQuestions(lessons);
  return {
    lessons: lessons.map((l) => auditLesson(l, now)),
    toolsWithTwoKinds: tools.size,
    promptsWithTwoAnswers: contradictions(lessons).length,
    lintErrors: findings.filter((f) => f.severity === 'error').length,
    lintWarnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The figures as a Markdown table, one row per lesson, then the course's totals. */
export function formatAudit(f: CourseFigures): string {
  // A page that yields no questions is reported, but it is not a lesson that falls short: it asks nothing.
  const rows = f.lessons.map((l) =>
    l.questions === 0 ? `| ${l.id} | 0 | – | – | – | – |` : `| ${l.id} | ${l.questions} | ${pct(l.application)} | ${l.applicationPerQuiz.toFixed(1)} | ${l.brandPerQuiz.toFixed(1)} | ${pct(l.clue)} |`,
  );
  const asked = f.lessons.filter((l) => l.questions > 0);
  const all = f.lessons.reduce((s, l) => s + l.questions, 0);
  const weighted = (g: (l: LessonFigures) => number): number => (all === 0 ? 0 : f.lessons.reduce((s, l) => s + g(l) * l.questions, 0) / all);
  const mean = (g: (l: LessonFigures) => number): number => (asked.length === 0 ? 0 : asked.reduce((s, l) => s + g(l), 0) / asked.length);
  const below = asked.filter((l) => l.application < 0.3).map((l) => `${l.id} ${(l.application * 100).toFixed(1)}%`);
  return [
    '| Lesson | Questions | Application | Application per quiz | Brand per quiz | With a clue |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    `| **Course** | ${all} | ${pct(weighted((l) => l.application))} | ${mean((l) => l.applicationPerQuiz).toFixed(1)} | ${mean((l) => l.brandPerQuiz).toFixed(1)} | ${(weighted((l) => l.clue) * 100).toFixed(1)}% |`,
    '',
    `- Lessons with questions: ${asked.length} of ${f.lessons.length}`,
    `- Lessons below 30% application: ${below.length}${below.length > 0 ? ` (${below.join(', ')})` : ''}`,
    `- Tools filed under two kinds: ${f.toolsWithTwoKinds}`,
    `- Prompts with two answers: ${f.promptsWithTwoAnswers}`,
    `- Question lint: ${f.lintErrors} errors, ${f.lintWarnings} warnings`,
  ].join('\n');
}
