// Random Markdown and front matter, fed through loading, quiz generation and
// rendering: nothing throws but our own typed errors, nothing takes long, and
// nothing that comes out can drive the terminal.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCourse } from '../../src/core/course.js';
import { findLesson } from '../../src/core/find-lesson.js';
import { PmGuideError } from '../../src/core/errors.js';
import { findJekyllMarkup, stripJekyll } from '../../src/core/jekyll.js';
import { parseLesson, type Lesson } from '../../src/core/lesson.js';
import { coursePool, generateQuestions, lessonStructure } from '../../src/core/quiz/generate.js';
import { neutraliseEntities, neutraliseLine, neutraliseTerminal, onlyOwnStyling, plainLabel, stripInlineMarkdown } from '../../src/core/text.js';
import { loadCourse } from '../../src/io/load-course.js';
import { decodeLessonBytes } from '../../src/io/read-text.js';
import { prepareMarkdown, renderMarkdown } from '../../src/ui/render.js';
import { applyColorLevel } from '../../src/ui/theme.js';
import { cleanTemps, tempDir } from '../helpers/run.js';

afterAll(() => {
  applyColorLevel(0);
  cleanTemps();
});

/** Anything a terminal acts on, once SGR styling is set aside (newlines are text). */
const drives = (text: string): boolean => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text.replace(/\u001b\[[0-9;]*m/g, ''));

/** Runs f; a throw must be one of ours. */
function ours<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if (error instanceof PmGuideError) return undefined;
    throw error;
  }
}

// Pieces that Markdown, Jekyll, YAML and terminals treat specially, mixed with plain words.
const nasty = fc.constantFrom(
  '\u001b', '\u001b[2J', '\u001b]0;t\u0007', '\u001b]52;c;eA==\u001b\\', '\u009b31m', '\u009d0;x', '\u202e', '\u2066', '\u0007', '\u0000', '\r', '\t', '\u0008',
  '&#x1b;', '&#27;[5m', '&#155;', '&#8238;', '&#0;', '&amp;', '&#x110000;',
  '*', '**', '_', '__', '~~', '`', '```', '~~~', '[', ']', '(', ')', '![', '](', '<', '>', '<!--', '-->', '<div>', '</div>', '<script>', '|', '\\',
  '{%', '%}', '{{', '}}', '{:', '{: .note }', '{% comment %}', '{% endcomment %}', '{% raw %}', '#', '---', ':', '- ', '1. ', '> ',
  'http://a.example/', 'www.b.example', 'a@b.example', '🎯', '👩‍👩‍👧', '漢字', 'é', 'ðŸŽ¯', 'â€™', '\ufeff',
);
const word = fc.oneof(fc.constantFrom('soil', 'Seed', 'rake', 'Compost', 'water', 'Spade', 'net', 'Harvest'), fc.string({ maxLength: 6 }), nasty);
const inline = fc.tuple(fc.array(word, { maxLength: 12 }), fc.constantFrom(' ', '', '  ')).map(([ws, gap]) => ws.join(gap));
const blockLine = fc.oneof(
  inline,
  inline.map((t) => `# ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) '), inline).map(([m, t]) => `${m}${t}`),
  fc.tuple(inline, inline).map(([a, b]) => `- **${a}**: ${b}`),
  fc.tuple(fc.constantFrom('Example', 'Outcome'), inline).map(([a, b]) => `  - **${a}**: ${b}`),
  fc.array(inline, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('|---|---|', '| --- | :---: |', '```', '```quiz', '```js', '~~~', '---', '***', '', '', '>', '<div class="nav">', '</div>'),
  fc.tuple(fc.integer({ min: 0, max: 30 }), inline).map(([n, t]) => `${' '.repeat(n)}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), inline).map(([n, t]) => `${'> '.repeat(n)}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), inline).map(([n, t]) => `${'- '.repeat(n)}${t}`),
);
const markdown = fc.array(blockLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

const yamlScalar = fc.oneof(inline.map((s) => JSON.stringify(s)), inline, fc.integer().map(String), fc.constantFrom('true', 'no', '~', '.nan', '[a, b]', '{a: 1}', '&a x', '*a', '!!js/function "f"', '!tag x', '"\\e]0;x\\a"', '|', '>-'));
const plainWords = fc.array(fc.constantFrom('Soil', 'Seeds', 'Rakes', 'Compost', 'Water', 'Spades', 'Nets', 'Harvest', '🎯', 'é'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const frontMatter = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.oneof(plainWords.map((t) => JSON.stringify(t)), yamlScalar),
        fc.array(fc.tuple(fc.constantFrom('id', 'parent', 'grand_parent', 'nav_order', 'has_children', 'layout', '__proto__', 'constructor', 'title'), yamlScalar), { maxLength: 4 }),
      )
      .map(([title, pairs]) => [`title: ${title}`, ...pairs.map(([k, v]) => `${k}: ${v}`)].join('\n')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: inline },
);
// Lessons shaped like the course's: sections of named duties with examples and outcomes, and tool tables.
const section = fc
  .tuple(plainWords, fc.array(fc.tuple(plainWords, inline, fc.option(inline)), { minLength: 1, maxLength: 5 }))
  .map(([heading, items]) =>
    [`## ${heading}`, ...items.flatMap(([name, text, example], i) => [`### ${i + 1}. ${name}`, '', text, '', `- **Example**: ${example ?? text}`, `- **Outcome**: ${text}`, ''])].join('\n'),
  );
const toolTable = fc
  .array(fc.tuple(plainWords, fc.array(plainWords, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 5 })
  .map((rows) => ['| Kind | Tools |', '|---|---|', ...rows.map(([kind, tools]) => `| ${kind} | ${tools.join(', ')} |`)].join('\n'));
const structured = fc.array(fc.oneof({ weight: 3, arbitrary: markdown }, { weight: 3, arbitrary: section }, { weight: 1, arbitrary: toolTable }), { maxLength: 5 }).map((parts) => parts.join('\n\n'));
const quizBlock = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(plainWords, fc.uniqueArray(plainWords, { minLength: 2, maxLength: 5 })).map(([q, choices]) => `- question: ${q}?\n  choices: [${choices.join(', ')}]\n  answer: ${choices[0]}`) },
      { weight: 1, arbitrary: fc.tuple(plainWords, fc.boolean()).map(([q, a]) => `- question: ${q}\n  answer: ${a}`) },
      {
        weight: 2,
        arbitrary: fc
          .record({
            question: yamlScalar,
            choices: fc.option(fc.array(yamlScalar, { maxLength: 5 }).map((c) => `[${c.join(', ')}]`)),
            answer: yamlScalar,
            extra: fc.option(fc.tuple(fc.constantFrom('type', 'topic', 'accept', 'explanation', 'bogus'), yamlScalar)),
          })
          .map((q) => [`- question: ${q.question}`, ...(q.choices ? [`  choices: ${q.choices}`] : []), `  answer: ${q.answer}`, ...(q.extra ? [`  ${q.extra[0]}: ${q.extra[1]}`] : [])].join('\n')),
      },
    ),
    { maxLength: 4 },
  )
  .map((qs) => ['```quiz', ...qs, '```'].join('\n'));
const fence = fc.oneof({ weight: 10, arbitrary: fc.constant('---') }, { weight: 1, arbitrary: fc.constantFrom('---yaml', '--- ', '---js', '---JSON') });
const closer = fc.oneof({ weight: 10, arbitrary: fc.constant('---') }, { weight: 1, arbitrary: fc.constantFrom('...', '') });
const lessonText = fc
  .tuple(fc.option(fc.tuple(fence, frontMatter, closer), { freq: 6 }), structured, fc.option(quizBlock, { freq: 2 }), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'))
  .map(([fm, body, quiz, eol]) => {
    const text = `${fm ? `${fm[0]}\n${fm[1]}\n${fm[2]}\n` : ''}${body}${quiz ? `\n\n${quiz}\n` : ''}`;
    return text.replace(/\n/g, eol);
  });

const runs = (n: number) => ({ numRuns: n, endOnFailure: true });

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

  it('labels and plain text come out of inline Markdown the way the old patterns made them, only faster', () => {
    const reference = (text: string) =>
      text
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/<[^>\n]+>/g, '')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/~~(.+?)~~/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
    const text = fc.array(fc.constantFrom('[', ']', '(', ')', '!', '<', '>', '\n', 'a', ' ', '*', '_', '`'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(stripInlineMarkdown(t)).toBe(reference(t));
        plainLabel(t);
      }),
      runs(3000),
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
