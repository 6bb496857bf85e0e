// The shipped course is content that gets linted, like code: every lesson
// parses, yields at least eight questions across the topics it has, and fits
// a terminal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintFolder } from '../../src/commands/lint.js';
import { quizBank, quizzable } from '../../src/core/quiz/bank.js';
import { lessonStructure } from '../../src/core/quiz/generate.js';
import { loadCourse } from '../../src/io/load-course.js';
import { lessonsDir } from '../helpers/run.js';

const loaded = loadCourse(lessonsDir);
const bank = quizBank(loaded.course);
const lessons = loaded.course.ordered.filter(quizzable);

describe('the shipped course', () => {
  it('lints without errors', () => {
    const errors = lintFolder(lessonsDir, process.cwd()).filter((f) => f.severity === 'error');
    expect(errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([]);
  });

  it('has at least 15 lessons in at least 3 modules', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(15);
    expect(loaded.course.roots.filter((n) => n.lesson.isModule && n.children.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it.each(lessons.map((n) => [n.lesson.id, n] as const))('%s yields 8+ questions covering every topic it has', (_id, node) => {
    const questions = bank.questionsFor(node);
    expect(questions.length).toBeGreaterThanOrEqual(8);
    const structure = lessonStructure(node.lesson);
    const topics = new Set(questions.map((q) => q.topic));
    if (structure.items.length > 0) expect(topics).toContain('responsibilities');
    if (structure.tools.length > 0) expect(topics).toContain('tools');
    if (structure.items.some((i) => i.examples.length + i.outcomes.length > 0)) expect(topics).toContain('examples');
    expect(questions.some((q) => q.id.startsWith('a-')), 'has an authored ```quiz block').toBe(true);
  });

  it.each(lessons.map((n) => [n.lesson.id, n.lesson.file] as const))('%s is 600 to 1,500 words with tables that fit 80 columns', (_id, file) => {
    const text = readFileSync(file, 'utf8');
    const body = text.replace(/^---[\s\S]*?\n---\n/, '').replace(/```quiz[\s\S]*?```/g, '');
    const words = body.split(/\s+/).filter((w) => /\w/.test(w)).length;
    expect(words).toBeGreaterThanOrEqual(600);
    expect(words).toBeLessThanOrEqual(1500);
    for (const line of body.split('\n').filter((l) => l.trimStart().startsWith('|'))) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
