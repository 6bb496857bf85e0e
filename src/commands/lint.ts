// pm-guide lint [DIR]: checks a lesson folder the way a course author needs.
import { relative } from 'node:path';
import { resolve } from 'node:path';
import { buildCourse, type CourseProblem } from '../core/course.js';
import { CourseError, InvalidLessonError } from '../core/errors.js';
import { markupFindings } from '../core/lint-markup.js';
import type { Lesson } from '../core/lesson.js';
import { parseLesson } from '../core/lesson.js';
import { quizBank, quizzable } from '../core/quiz/bank.js';
import { lintQuestions, type LintedLesson } from '../core/lint/question-lint.js';
import { lessonStructure } from '../core/quiz/generate.js';
import { hasMojibake } from '../core/mojibake.js';
import { neutraliseLine } from '../core/text.js';
import { findLessonFiles, readLessonText } from '../io/load-course.js';
import { theme } from '../ui/theme.js';
import { print, type Context } from '../context.js';
import { jsonText } from '../ui/json-text.js';

export interface LintOptions {
  dir?: string | undefined;
  json: boolean;
}

export type Finding = CourseProblem;

function rawChecks(text: string, file: string, findings: Finding[]): void {
  const lines = text.split(/\r?\n/);
  const moji = lines.findIndex((l) => hasMojibake(l));
  if (moji >= 0) findings.push({ file, line: moji + 1, severity: 'warning', message: 'mojibake (UTF-8 read as Windows-1252, e.g. "ðŸŽ¯"): pm-guide repairs it, but save the file as UTF-8' });
  findings.push(...markupFindings(text, file));
  lines.forEach((l, i) => {
    if (/^\s*\|/.test(l) && [...l].length > 80) findings.push({ file, line: i + 1, severity: 'warning', message: 'table row wider than 80 columns: it will wrap on a standard terminal' });
  });
}

function siblingChecks(lessons: Lesson[], findings: Finding[]): void {
  const course = buildCourse(lessons, []);
  const titles = new Set(lessons.map((l) => l.title));
  for (const node of course.ordered) {
    const l = node.lesson;
    if (l.grandParent !== undefined && !titles.has(l.grandParent)) {
      findings.push({ file: l.file, line: 1, severity: 'error', message: `grand_parent "${l.grandParent}" is not the title of any lesson` });
    } else if (l.grandParent !== undefined && node.parent && node.parent.lesson.parent !== l.grandParent) {
      findings.push({ file: l.file, line: 1, severity: 'error', message: `grand_parent "${l.grandParent}" is not the parent of "${node.parent.lesson.title}"` });
    }
  }
  const groups = [course.roots, ...course.ordered.map((n) => n.children)];
  for (const siblings of groups) {
    const seen = new Map<number | string, Lesson>();
    for (const n of siblings) {
      const order = n.lesson.navOrder;
      if (order === undefined) continue;
      const first = seen.get(order);
      if (first) findings.push({ file: n.lesson.file, line: 1, severity: 'error', message: `nav_order ${order} is also used by its sibling ${first.file}` });
      else seen.set(order, n.lesson);
    }
  }
}

export function lintFolder(dir: string, cwd: string): Finding[] {
  const findings: Finding[] = [];
  const lessons: Lesson[] = [];
  for (const file of findLessonFiles(dir)) {
    const shown = relative(cwd, file.path) || file.path;
    let text: string;
    try {
      text = readLessonText(file.path, shown);
    } catch (error) {
      if (error instanceof InvalidLessonError) findings.push({ file: error.file, line: error.line, severity: 'error', message: error.problem });
      else if (error instanceof CourseError) findings.push({ file: shown, line: 1, severity: 'error', message: error.message });
      else throw error;
      continue;
    }
    if (!text.replace(/^\ufeff/, '').startsWith('---')) {
      findings.push({ file: shown, line: 1, severity: 'warning', message: 'no front matter: Jekyll treats it as a static file, so it is not part of the course' });
      continue;
    }
    rawChecks(text, shown, findings);
    try {
      const lesson = parseLesson({ file: shown, relPath: file.relPath, text });
      if (!lesson.titleInFrontMatter) findings.push({ file: shown, line: 1, severity: 'error', message: 'front matter has no "title" (required)' });
      lessons.push(lesson);
    } catch (error) {
      if (error instanceof InvalidLessonError) findings.push({ file: error.file, line: error.line, severity: 'error', message: error.problem });
      else throw error;
    }
  }
  if (lessons.length === 0) {
    findings.push({ file: dir, line: 1, severity: 'error', message: 'no lessons: the folder holds no Markdown files with front matter' });
    return findings;
  }
  const problems: CourseProblem[] = [];
  const course = buildCourse(lessons, problems);
  // For authors, a parent that does not exist is an error (list only warns, and shows the lesson at the top).
  findings.push(...problems.map((p) => ({ ...p, severity: 'error' as const })));
  siblingChecks(lessons, findings);
  const bank = quizBank(course);
  const linted: LintedLesson[] = [];
  for (const node of course.ordered) {
    if (!quizzable(node)) continue;
    try {
      const questions = bank.questionsFor(node);
      linted.push({ file: node.lesson.file, structure: lessonStructure(node.lesson), questions });
      const n = questions.length;
      if (n === 0) findings.push({ file: node.lesson.file, line: 1, severity: 'warning', message: 'yields no quiz questions: add bold-label bullets, **Example**: lines, a tools table or a ```quiz block' });
    } catch (error) {
      if (error instanceof InvalidLessonError) findings.push({ file: error.file, line: error.line, severity: 'error', message: error.problem });
      else throw error;
    }
  }
  findings.push(...lintQuestions(linted));
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export async function runLint(ctx: Context, options: LintOptions): Promise<void> {
  const dir = options.dir ? resolve(ctx.cwd, options.dir) : ctx.paths.lessonsDir;
  const findings = lintFolder(dir, ctx.cwd);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (options.json) print(ctx, jsonText(findings, 2));
  else {
    for (const f of findings) {
      const tag = f.severity === 'error' ? theme.bad('error') : theme.warn('warning');
      print(ctx, neutraliseLine(`${f.file}:${f.line}: ${tag}: ${f.message}`));
    }
    print(ctx, `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  }
  if (errors > 0) throw new CourseError(`lint found ${errors} error${errors === 1 ? '' : 's'} in ${dir}`, 'fix the lines listed above');
}
