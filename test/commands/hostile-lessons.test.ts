// Lesson folders come from anywhere. Every broken, hostile or enormous lesson
// ends promptly with one line that names the file and line (or renders within
// limits), nothing in a lesson is ever run, and one bad file never hides the rest.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, tempDir } from '../helpers/run.js';
import { expectCleanSuccess, expectOneLineFailure, lesson, makeCourse, pm, quizLesson, STACK_TRACE } from '../helpers/hostile.js';

afterAll(cleanTemps);

const marker = join(tempDir(), 'lesson-code-ran');
const bomb = ['title: Alias Storm', 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
  .concat(Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`))
  .join('\n');

// [what, file content, expected line, what the message says]
const broken: Array<[string, string | Uint8Array, number, RegExp]> = [
  ['YAML that does not parse', '---\ntitle: Soil\nnav_order: [3\n---\nBody.\n', 3, /front matter is not valid YAML/],
  ['an alias expansion bomb', `---\n${bomb}\n---\nBody.\n`, 2, /could not be read: .*(alias|resource)/i],
  ['JavaScript front matter', `---js\n{ title: (() => { require("fs").writeFileSync(${JSON.stringify(marker)}, "ran"); return "x"; })() }\n---\nBody.\n`, 1, /only YAML/],
  ['a JavaScript front matter fence in capitals', `---JavaScript\nmodule.exports = { title: "x" }\n---\nBody.\n`, 1, /only YAML/],
  ['a tag that would construct a function', '---\ntitle: Soil\nparent: !!js/function "function () { return 1 }"\n---\nBody.\n', 3, /uses a YAML tag/],
  ['a tag that would construct an object', '---\ntitle: Soil\nparent: !ruby/object:Gem::Installer { a: 1 }\n---\nBody.\n', 3, /uses a YAML tag/],
  ['a custom local tag', '---\ntitle: !secret Soil\n---\nBody.\n', 2, /uses a YAML tag/],
  ['a binary tag', '---\ntitle: Soil\nparent: !!binary aGVsbG8=\n---\nBody.\n', 3, /uses a YAML tag/],
  ['front matter that is a list', '---\n- Soil\n- Loam\n---\nBody.\n', 2, /"key: value" lines/],
  ['front matter that is a single value', '---\nSoil and loam\n---\nBody.\n', 2, /"key: value" lines/],
  ['a title that is a list', '---\ntitle: [Soil, Loam]\n---\nBody.\n', 2, /"title": expected text/],
  ['a nav_order that is a list', '---\ntitle: Soil\nnav_order: [third]\n---\nBody.\n', 3, /"nav_order": expected a number/],
  ['a has_children that is not true or false', '---\ntitle: Soil\nhas_children: perhaps\n---\nBody.\n', 3, /"has_children": expected true or false/],
  ['an id with spaces and slashes up front', '---\ntitle: Soil\nid: "/ soil types"\n---\nBody.\n', 3, /"id"/],
  ['YAML nested too deeply', `---\ntitle: Soil\nparent: ${'['.repeat(20000)}\n---\nBody.\n`, 3, /nested too deeply|not valid YAML/],
  ['front matter that never ends', '---\ntitle: Soil\nBody with no closing fence.\n', 1, /never ends/],
  ['no title anywhere', '---\nnav_order: 2\n---\nWords, but no heading.\n', 1, /no title/],
  ['an empty file', '', 1, /empty/],
  ['only whitespace', '\n\n   \n', 1, /empty/],
  ['a binary file', Buffer.concat([Buffer.from('---\ntitle: Soil\n---\n'), Buffer.from([0, 1, 2, 255, 0, 7, 27, 0])]), 4, /not a text file/],
  ['a 10 MB file', `---\ntitle: Huge\n---\n${'Compost, mulch and patience. '.repeat(360_000)}`, 1, /10\.\d MB: lessons are limited to 1 MB/],
];

describe('a lesson file that cannot be loaded', () => {
  it.each(broken)('%s: one line naming the file and line, and what to do', async (_what, content, line, message) => {
    const dir = makeCourse({ 'bad.md': content, 'good.md': lesson('Raised Beds') });
    const r = await pm(dir, ['read', join(dir, 'bad.md')]);
    expectOneLineFailure(r, message, 1);
    expect(r.stderr).toContain(`${join(dir, 'bad.md')}:${line}: `);
    expect(r.stderr).toMatch(/\(fix the lesson file|lint/);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('never runs anything a lesson holds, whichever command reads it', async () => {
    const dir = makeCourse({
      'a.md': broken.find(([w]) => w === 'JavaScript front matter')![1],
      'b.md': '---\ntitle: !!js/function "function () { require(\'fs\').writeFileSync(\'' + marker + '\', \'x\') }"\n---\nBody.\n',
      'c.md': lesson('Good Soil'),
    });
    for (const args of [['list'], ['lint'], ['read', join(dir, 'a.md')], ['quiz', join(dir, 'a.md'), '--preview'], ['search', 'soil']]) await pm(dir, args);
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps __proto__ and constructor keys in front matter as inert data', async () => {
    const dir = makeCourse({
      'a.md': '---\ntitle: Own Title\n__proto__: { title: Polluted, isModule: true }\nconstructor: { prototype: { polluted: yes } }\n---\n# Own Title\n\nText.\n',
    });
    const r = await pm(dir, ['list', '--json']);
    expectCleanSuccess(r);
    const data = JSON.parse(r.stdout);
    expect(data.lessons.map((l: { title: string; module: boolean }) => [l.title, l.module])).toEqual([['Own Title', false]]);
  });
});

describe('in list, one bad lesson is reported and the rest of the course still shows', () => {
  it('lists every good lesson and names every bad file on its own line', async () => {
    const files: Record<string, string | Uint8Array> = { 'good-1.md': lesson('Raised Beds', undefined, { nav_order: 1 }), 'good-2.md': lesson('Cold Frames', undefined, { nav_order: 2 }) };
    broken.forEach(async ([, content], i) => {
      if (typeof content !== 'string' || content.length < 1e6) files[`bad-${String(i).padStart(2, '0')}.md`] = content;
    });
    const dir = makeCourse(files);
    const r = await pm(dir, ['list']);
    expectCleanSuccess(r);
    expect(r.stdout).toMatch(/1 +Raised Beds/);
    expect(r.stdout).toMatch(/2 +Cold Frames/);
    const reported = r.stderr.trim().split('\n');
    // Empty files have no front matter: like Jekyll, pm-guide treats them as not being pages.
    const expected = Object.keys(files).filter((f) => f.startsWith('bad-') && (files[f] as string | Uint8Array).length > 0 && String(files[f]).trim() !== '');
    for (const file of expected) expect(reported.some((l) => l.includes(join(dir, file)))).toBe(true);
    for (const line of reported) expect(line).toMatch(/^(error|warning): .+\.md:\d+: /);
  });

  it('lint names the same files with their lines and exits non-zero', async () => {
    const dir = makeCourse({ 'good.md': lesson('Raised Beds'), 'bad.md': broken[0]![1] });
    const r = await pm(dir, ['lint']);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(`bad.md:3`);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('encodings', () => {
  const text = lesson('Potting Bench', 'Trays, twine, a trowel and labels: everything within reach.', { id: 'bench' });
  it.each([
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-16 LE without a mark', Buffer.from(text, 'utf16le')],
    ['UTF-8 with a byte-order mark and CRLF line ends', Buffer.from(`\ufeff${text.replace(/\n/g, '\r\n')}`)],
    ['Windows-1252', Buffer.from(text.replace('within reach', 'within reach, café style'), 'latin1')],
  ])('%s is read as text, in the course and on its own', async (_what, bytes) => {
    const dir = makeCourse({ 'bench.md': bytes, 'other.md': lesson('Shed') });
    const listed = await pm(dir, ['list']);
    expectCleanSuccess(listed);
    expect(listed.stdout).toContain('Potting Bench');
    const read = await pm(dir, ['read', 'bench']);
    expectCleanSuccess(read);
    expect(read.stdout).toContain('Trays, twine, a trowel and labels');
  });
});

// Each of these once took marked or marked-terminal tens of seconds, or made it throw.
const heavy: Array<[string, string, RegExp]> = [
  ['a line of 900,000 characters', `${'longword'.repeat(112_000)}\n`, /longwordlongword/],
  ['2,000 nested list levels', Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(Math.min(i, 100))}- level ${i}`).join('\n'), /level 0/],
  ['list markers nested 100,000 deep on one line', `${'- '.repeat(100_000)}deep\n`, /deep/],
  ['2,000 nested block quotes', `${'>'.repeat(2000)} very deep quote\n`, /very deep quote/],
  ['block quotes and lists interleaved 20,000 deep', `${'> - '.repeat(20_000)}tangled\n`, /tangled/],
  ['200,000 unmatched emphasis marks', `${'_a'.repeat(200_000)}\n`, /a_a_a/],
  ['emphasis nested 50,000 deep', `${'*_'.repeat(50_000)}core${'_*'.repeat(50_000)}\n`, /core/],
  ['a table of 20,000 rows', `| Tool | Use |\n|---|---|\n${Array.from({ length: 20_000 }, (_, i) => `| rake ${i} | leaves |`).join('\n')}\n`, /more rows not shown/],
  ['a table of 2,000 columns', `|${' h |'.repeat(2000)}\n|${'---|'.repeat(2000)}\n${`|${' x |'.repeat(2000)}\n`.repeat(40)}`, /more columns not shown/],
  ['a table of 20,000 rows inside a block quote', `> | Tool | Use |\n> |---|---|\n${Array.from({ length: 20_000 }, (_, i) => `> | hoe ${i} | weeds |`).join('\n')}\n`, /more rows not shown/],
  ['200 tables of 200 rows', Array.from({ length: 200 }, (_, t) => `| Bed | Crop |\n|---|---|\n${Array.from({ length: 200 }, (_, i) => `| ${t}.${i} | kale |`).join('\n')}`).join('\n\n'), /kale/],
  ['80,000 unclosed HTML comments', `${'<!--'.repeat(80_000)}\n`, /./],
  ['100,000 unclosed Liquid tags', `${'{%'.repeat(100_000)}\n`, /\{%/],
  ['a heading of 100,000 unclosed links', `## ${'[a'.repeat(100_000)}\n`, /\[a\[a/],
  ['a megabyte less a little of spaces between two words', `start${' '.repeat(900_000)}end\n`, /start/],
  ['15,000 bold-label bullets for the quiz to read', `## Jobs\n${Array.from({ length: 15_000 }, (_, i) => `- **Job ${i}**: something worth doing, number ${i}.`).join('\n')}\n`, /Job 0/],
];

describe('huge and deeply nested lessons stay responsive', () => {
  it.each(heavy)('%s: read, the quiz preview and lint finish in seconds', async (_what, body, shows) => {
    const dir = makeCourse({ 'heavy.md': `---\ntitle: Heavy\nid: heavy\n---\n${body}` });
    const read = await pm(dir, ['read', 'heavy']);
    expectCleanSuccess(read);
    expect(read.stdout).toMatch(shows);
    expect(read.stdout).toContain('Heavy');
    expect(read.ms).toBeLessThan(12_000);
    const preview = await pm(dir, ['quiz', 'heavy', '--preview']);
    expect(preview.stderr).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(preview.code);
    expect(preview.ms).toBeLessThan(12_000);
  });
});

describe('the shape of the course', () => {
  it('cuts a cycle of parents, keeps lessons whose parent is missing, and keeps a duplicate id under another name', async () => {
    const dir = makeCourse({
      'a.md': lesson('Spring Tasks', undefined, { parent: 'Autumn Tasks', nav_order: 1 }),
      'b.md': lesson('Autumn Tasks', undefined, { parent: 'Spring Tasks', nav_order: 2 }),
      'c.md': lesson('Orphan Page', undefined, { parent: 'A Module Nobody Wrote', nav_order: 3 }),
      'd.md': lesson('First Claim', undefined, { id: 'shared-id', nav_order: 4 }),
      'e.md': lesson('Second Claim', undefined, { id: 'shared-id', nav_order: 5 }),
      'f.md': lesson('Self Parent', undefined, { parent: 'Self Parent', nav_order: 6 }),
    });
    const r = await pm(dir, ['list']);
    expectCleanSuccess(r);
    for (const title of ['Spring Tasks', 'Autumn Tasks', 'Orphan Page', 'First Claim', 'Second Claim', 'Self Parent']) expect(r.stdout).toContain(title);
    expect(r.stderr).toMatch(/a\.md:1: .*cycle|b\.md:1: .*cycle/);
    expect(r.stderr).toMatch(/c\.md:1: .*A Module Nobody Wrote/);
    expect(r.stderr).toMatch(/e\.md:1: id "shared-id" is already used by .*d\.md/);
  });

  it('follows symlinks in the lessons folder without looping, and lists each lesson once', async () => {
    const dir = makeCourse({ 'beds/raised.md': lesson('Raised Beds'), 'frames/cold.md': lesson('Cold Frames') });
    symlinkSync('.', join(dir, 'beds', 'loop'));
    symlinkSync('..', join(dir, 'frames', 'up'));
    symlinkSync(join(dir, 'beds'), join(dir, 'beds-again'));
    symlinkSync(join(dir, 'missing-target'), join(dir, 'dangling.md'));
    const r = await pm(dir, ['list']);
    expectCleanSuccess(r);
    expect(r.stdout.match(/Raised Beds/g)).toHaveLength(1);
    expect(r.stdout.match(/Cold Frames/g)).toHaveLength(1);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('skips a FIFO and a folder named like lessons instead of waiting on them', async () => {
    const dir = makeCourse({ 'real.md': lesson('Greenhouse') });
    spawnSync('mkfifo', [join(dir, 'pipe.md')]);
    mkdirSync(join(dir, 'folder.md'));
    const r = await pm(dir, ['list']);
    expectCleanSuccess(r);
    expect(r.stdout).toContain('Greenhouse');
  });

  it.each([
    ['a folder with no lessons', () => makeCourse({ 'notes.txt': 'Not a lesson.', 'README.md': 'No front matter here.\n' }), /no lessons in .*(front matter|--lessons)/],
    ['a folder whose only lesson is broken', () => makeCourse({ 'bad.md': broken[0]![1] }), /no lessons in .*bad\.md:3: /],
    ['a folder that does not exist', () => join(tempDir(), 'nowhere'), /lessons folder .*nowhere.* cannot be read/],
    ['a file given as the folder', () => join(makeCourse({ 'one.md': lesson('One') }), 'one.md'), /is not a folder/],
  ])('%s: one line that says what to do', async (_what, make, message) => {
    const dir = make();
    const r = await pm(dir, ['list'], { progress: join(tempDir(), 'p.json') });
    expectOneLineFailure(r, message, 1);
  });
});

describe('a quiz from a lesson whose structure is odd', () => {
  it('a quiz block with wrong fields names its line', async () => {
    const dir = makeCourse({
      'q.md': `${quizLesson('Weekly Jobs', { id: 'weekly' })}\n\`\`\`quiz\n- question: Which is a weekly job?\n  choices: [Sowing Seeds]\n  answer: Sowing Seeds\n\`\`\`\n`,
    });
    const r = await pm(dir, ['quiz', 'weekly', '--preview']);
    expectOneLineFailure(r, /q\.md:\d+: quiz question 1: .*choices/, 1);
  });
});
