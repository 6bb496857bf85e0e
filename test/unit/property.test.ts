// Random Markdown and front matter, fed through loading, quiz generation and
// rendering: nothing throws but our own typed errors, nothing takes long, and
// nothing that comes out can drive the terminal.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/core/course.js';
import { findLesson } from '../../src/core/find-lesson.js';
import { findJekyllMarkup, stripJekyll } from '../../src/core/jekyll.js';
import { parseLesson, type Lesson } from '../../src/core/lesson.js';
import { coursePool, generateQuestions, lessonStructure } from '../../src/core/quiz/generate.js';
import { neutraliseEntities, neutraliseLine, neutraliseTerminal, onlyOwnStyling } from '../../src/core/text.js';
import { loadCourse } from '../../src/io/load-course.js';
import { decodeLessonBytes } from '../../src/io/read-text.js';
import { prepareMarkdown, renderMarkdown } from '../../src/ui/render.js';
import { applyColorLevel } from '../../src/ui/theme.js';
import { cleanTemps, tempDir } from '../helpers/run.js';
import { drives, lessonText, markdown, nasty, ours, runs, structured } from '../helpers/arbitraries.js';

afterAll(() => {
  applyColorLevel(0);
  cleanTemps();
});


describe('random lessons', () => {
  it('load into a lesson or one of our typed errors, and quiz generation does the same', () => {
    fc.assert(
      fc.property(lessonText, (text) => {
        const lesson = ours(() => parseLesson({ file: 'random.md', relPath: 'random.md', text }));
        if (!lesson) return;
        expect(drives(lesson.title)).toBe(false);
        expect(lesson.title).not.toMatch(/\n/);
        const start = Date.now();
        const questions = ours(() => generateQuestions(lesson)) ?? [];
        expect(Date.now() - start).toBeLessThan(10_000);
        for (const q of questions) {
          expect(drives([q.prompt, ...q.choices, String(q.answer), ...q.accept, q.explanation ?? ''].join('\n'))).toBe(false);
          if (q.kind === 'single' || q.kind === 'boolean') expect(q.choices).toContain(q.answer);
        }
      }),
      runs(600),
    );
  });

  it('render without a throw, promptly, with nothing that drives the terminal', async () => {
    await fc.assert(
      fc.asyncProperty(structured, fc.integer({ min: 1, max: 400 }), fc.boolean(), async (body, width, color) => {
        applyColorLevel(color ? 1 : 0);
        const start = Date.now();
        const out = await renderMarkdown(prepareMarkdown(stripJekyll(body), 'Random'), { width, color });
        expect(Date.now() - start).toBeLessThan(10_000);
        expect(drives(out), JSON.stringify(out)).toBe(false);
        if (!color) expect(out).not.toContain('\u001b');
      }),
      runs(200),
    );
  });

  it('render in colour to output that grows in step with the input, however deep the lists and quotes nest', async () => {
    const nested = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('- ', '> ', '1. ', '* ', '>- ')), { minLength: 1, maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(nested, async (lines) => {
        applyColorLevel(1);
        const body = lines.map(([depth, mark]) => `${mark.repeat(depth)}word`).join('\n');
        const out = await renderMarkdown(body, { width: 80, color: true });
        // Indentation and styling cost a few characters per level and line; never a doubling per level.
        expect(out.length).toBeLessThan(200 + 120 * body.length);
      }),
      runs(100),
    );
  });

  it('build a course, whatever their parents and ids, and every lesson can be found again', () => {
    const lessonArb = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'constructor', 'toString', '__proto__'),
      title: fc.constantFrom('Soil', 'Seeds', 'Tools', 'Soil', 'toString', 'constructor'),
      parent: fc.option(fc.constantFrom('Soil', 'Seeds', 'Tools', 'Nowhere', 'constructor')),
      navOrder: fc.option(fc.oneof(fc.integer(), fc.double())),
      isModule: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(lessonArb, { maxLength: 12 }), (specs) => {
        const lessons: Lesson[] = specs.map((s, i) => ({
          id: s.id,
          title: s.title,
          parent: s.parent ?? undefined,
          grandParent: undefined,
          navOrder: s.navOrder ?? undefined,
          isModule: s.isModule,
          file: `${i}.md`,
          body: '- **Soil**: the ground things grow in.',
          bodyLine: 1,
          titleInFrontMatter: true,
        }));
        const course = buildCourse(lessons, []);
        for (const node of course.ordered) expect(findLesson(course, node.lesson.id)).toBe(course.byId.get(node.lesson.id));
        expect(new Set(course.ordered.map((n) => n.lesson.id)).size).toBe(course.ordered.length);
        ours(() => coursePool(course.ordered.map((n) => lessonStructure(n.lesson))));
      }),
      runs(300),
    );
  });
});

describe('random bytes and text', () => {
  it('decode as text or fail with our typed error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = ours(() => decodeLessonBytes(bytes, 'bytes.md'));
        if (text !== undefined) ours(() => parseLesson({ file: 'bytes.md', relPath: 'bytes.md', text }));
      }),
      runs(500),
    );
  });

  it('come out of neutralising with nothing that drives the terminal, and neutralising twice changes nothing more', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(nasty, { maxLength: 20 }).map((a) => a.join('')));
    fc.assert(
      fc.property(anyText, (text) => {
        const once = neutraliseTerminal(text);
        expect(drives(once.replace(/\t/g, ''))).toBe(false);
        expect(neutraliseTerminal(once)).toBe(once);
        expect(neutraliseLine(text)).not.toMatch(/[\n\r]/);
        expect(drives(onlyOwnStyling(text))).toBe(false);
        const refs = neutraliseEntities(text);
        expect(/&#(?:[xX]0*1[bB]|0*27|0*155|[xX]0*9[bB]);/.test(refs)).toBe(false);
      }),
      runs(2000),
    );
  });

  it('Jekyll markup found by lint is what the reader no longer sees', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const stripped = stripJekyll(body);
        expect(stripped.split('\n')).toHaveLength(body.split('\n').length); // Line numbers are kept.
        findJekyllMarkup(body);
      }),
      runs(500),
    );
  });
});

describe('random course folders', () => {
  it('load with every bad file reported as a problem, or fail with our typed error', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b/c', 'd/e/f', 'g'), lessonText), { minLength: 1, maxLength: 5 }), (files) => {
        const dir = tempDir('pm-guide-prop-');
        files.forEach(([name, text], i) => {
          const path = join(dir, `${name}-${i}.md`);
          mkdirSync(join(path, '..'), { recursive: true });
          writeFileSync(path, text);
        });
        const loaded = ours(() => loadCourse(dir));
        if (loaded) {
          for (const node of loaded.course.ordered) expect(drives(node.lesson.title)).toBe(false);
          for (const p of loaded.course.problems) expect(p.line).toBeGreaterThanOrEqual(1);
        }
      }),
      runs(60),
    );
  });
});
