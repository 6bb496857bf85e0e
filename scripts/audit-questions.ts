// npm run audit:questions [-- DIR]: every question of every lesson of a course
// (the shipped one by default), measured and printed as a Markdown table.
// Bundled and run by run-ts.mjs; it gathers questions exactly as the
// quiz does (the course's quiz bank), then hands them to the pure audit in core.
import { resolve } from 'node:path';
import { quizBank, quizzable } from '../src/core/quiz/bank.js';
import { auditCourse, formatAudit, type AuditedLesson } from '../src/core/quiz/audit.js';
import { lessonStructure } from '../src/core/quiz/generate.js';
import { loadCourse } from '../src/io/load-course.js';

const dir = resolve(process.argv[2] ?? 'lessons');
const loaded = loadCourse(dir);
const bank = quizBank(loaded.course);
const lessons: AuditedLesson[] = loaded.course.ordered.filter(quizzable).map((node) => ({
  id: node.lesson.id,
  file: node.lesson.file,
  structure: lessonStructure(node.lesson),
  questions: bank.questionsFor(node),
}));
process.stdout.write(`Question audit of ${dir}\n\n${formatAudit(auditCourse(lessons, new Date(0)))}\n`);
