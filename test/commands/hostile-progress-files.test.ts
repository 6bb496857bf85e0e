// Progress files that cannot be used, read in process: each broken one is kept
// aside byte for byte with one warning, one from a newer pm-guide is left
// alone, a folder, a device or an unreachable path is one clear line, and keys
// that mean something to JavaScript are plain data.
import { lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn } from '../helpers/in-process.js';
import { cleanTemps, tempDir } from '../helpers/run.js';
import { progressWithAnswers } from '../helpers/progress-file.js';
import { expectCleanSuccess, expectOneLineFailure, lesson, makeCourse, STACK_TRACE } from '../helpers/hostile.js';

afterAll(cleanTemps);

const ids = ['beds', 'frames', 'shed', 'pond', 'hedge', 'orchard', 'compost', 'greenhouse'];
const course = makeCourse(Object.fromEntries(ids.map((id, i) => [`${i}-${id}.md`, lesson(`The ${id[0]!.toUpperCase()}${id.slice(1)}`, undefined, { id, nav_order: i + 1 })])));
/** In process, as on a terminal: a lesson read there is marked read (piped, it would not be). */
const pmAt = (progress: string, args: string[]) => runIn(['--lessons', course, '--progress', progress, ...args, ...(args[0] === 'read' ? ['--no-pager'] : [])], { tty: true });
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const bigProgress = (items: number): string => progressWithAnswers(items, (i) => `r-desc-${i.toString(36)}`, (i) => ids[i % ids.length]!);

describe('a progress file that cannot be used', () => {
  it.each([
    ['cut short by a crash', '{"version":1,"lessons":{"beds":{"readAt":"2026-01-0'],
    ['not JSON at all', 'These are my notes about the garden, not progress.\n'],
    ['JSON of the wrong shape: a list', '[1, 2, 3]\n'],
    ['JSON of the wrong shape: lessons as a list', '{"version":1,"lessons":[],"items":{}}\n'],
    ['JSON of the wrong shape: an answer with text for numbers', '{"version":1,"lessons":{},"items":{"x":{"lesson":"beds","topic":"tools","due":"soon"}}}\n'],
    ['all NUL bytes, as some file systems leave after a crash', '\u0000'.repeat(4096)],
    ['empty', ''],
    ['deeply nested JSON where lessons belong', `{"version":1,"items":{},"lessons":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['a null version', '{"version":null,"lessons":{},"items":{}}\n'],
  ])('%s: kept aside byte for byte, with one warning naming both files; pm-guide goes on', async (_what, content) => {
    const dir = tempDir();
    const file = join(dir, 'progress.json');
    writeFileSync(file, content);
    const r = await pmAt(file, ['read', 'beds']);
    expectCleanSuccess(r);
    expect(r.stdout).toContain('The Beds');
    const warning = r.stderr.trim().split('\n');
    expect(warning).toHaveLength(1);
    const aside = readdirSync(dir).find((n) => n.startsWith('progress.json.broken-'))!;
    expect(aside).toBeTruthy();
    expect(warning[0]).toContain(file);
    expect(warning[0]).toContain(aside);
    expect(readFileSync(join(dir, aside), 'latin1')).toBe(Buffer.from(content).toString('latin1'));
    expect(readJson(file).lessons.beds.readAt).toBeTruthy();
  });

  it('from a newer pm-guide is left untouched, by reading and by writing commands alike', async () => {
    const file = join(tempDir(), 'progress.json');
    const newer = '{"version":99,"lessons":{"beds":{"readAt":"2030-01-01T00:00:00Z"}},"items":{},"future":true}\n';
    writeFileSync(file, newer);
    for (const args of [['read', 'beds'], ['list'], ['next'], ['reset', '--yes']]) {
      const r = await pmAt(file, args);
      expectOneLineFailure(r, /newer pm-guide.*left untouched.*update/, 1);
      expect(readFileSync(file, 'utf8')).toBe(newer);
    }
  });

  it('is a folder: one line, and the folder is left as it was', async () => {
    const file = join(tempDir(), 'progress.json');
    mkdirSync(file);
    writeFileSync(join(file, 'keep.txt'), 'mine');
    const r = await pmAt(file, ['read', 'beds']);
    expectOneLineFailure(r, /progress\.json: is a folder/, 1);
    expect(readdirSync(file)).toEqual(['keep.txt']);
  });

  it('is a device or a FIFO: refused at once, never moved, read or waited on', async () => {
    // A device node of our own in a temp folder (never /dev/null itself: a regression here, run as
    // root, would move the system's /dev/null aside), else a FIFO, which must not block the read.
    const dir = tempDir();
    const file = join(dir, 'progress.json');
    if (spawnSync('mknod', [file, 'c', '1', '3']).status !== 0) spawnSync('mkfifo', [file]);
    const r = await pmAt(file, ['read', 'beds']);
    expectOneLineFailure(r, /progress\.json: is not a regular file/, 1);
    expect(lstatSync(file).isFile()).toBe(false);
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('cannot be reached (a file where its folder should be): one line naming it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    for (const args of [['read', 'beds'], ['list']]) {
      const r = await pmAt(join(dir, 'not-a-folder', 'progress.json'), args);
      expectOneLineFailure(r, /not-a-folder\/progress\.json: .*(cannot be created|not a folder)/, 1);
    }
    expect(readFileSync(join(dir, 'not-a-folder'), 'utf8')).toBe('x');
  });

  it.runIf(process.getuid?.() !== 0)('cannot be written (a read-only folder): one line, and the old file is unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'progress.json');
    await pmAt(file, ['read', 'beds']);
    const before = readFileSync(file, 'utf8');
    spawn('chmod', ['a-w', dir]);
    const r = await pmAt(file, ['read', 'frames']);
    spawn('chmod', ['u+w', dir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('keys that mean something to JavaScript', () => {
  it('__proto__ and constructor in the progress file are inert data, kept through a save', async () => {
    const file = join(tempDir(), 'progress.json');
    const item = JSON.parse(bigProgress(1)).items['r-desc-0'];
    writeFileSync(
      file,
      `{"version":1,"lessons":{"__proto__":{"readAt":"2026-01-01T00:00:00.000Z"},"constructor":{"readAt":"2026-01-02T00:00:00.000Z"}},"items":{"__proto__":${JSON.stringify(item)}},"days":{"__proto__":3}}\n`,
    );
    for (const args of [['list', '--json'], ['read', 'beds'], ['next'], ['stats', '--json']]) {
      const r = await pmAt(file, args);
      expectCleanSuccess(r);
    }
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('"__proto__":{"readAt":"2026-01-01T00:00:00.000Z"}');
    expect(saved).toContain('"constructor":{"readAt":"2026-01-02T00:00:00.000Z"}');
    const lessons = readJson(file).lessons;
    expect(lessons.beds.readAt).toBeTruthy();
    // Unknown ids are kept, not counted: only the course's own lessons read (beds, and the one next showed).
    expect(JSON.parse((await pmAt(file, ['list', '--json'])).stdout).read).toBe(ids.filter((id) => Object.hasOwn(lessons, id)).length);
  });

  it('lessons whose ids are constructor, toString or hasOwnProperty are lessons like any other', async () => {
    const dir = makeCourse({
      'a.md': lesson('Building Things', undefined, { id: 'constructor', nav_order: 1 }),
      'b.md': lesson('Saying Things', undefined, { id: 'toString', nav_order: 2 }),
      'c.md': lesson('Owning Things', undefined, { id: 'hasOwnProperty', nav_order: 3 }),
    });
    const file = join(tempDir(), 'progress.json');
    const pm = (args: string[]) => runIn(['--lessons', dir, '--progress', file, ...args], { tty: true });
    expectCleanSuccess(await pm(['list']));
    for (const id of ['constructor', 'toString', 'hasOwnProperty']) expectCleanSuccess(await pm(['read', id, '--no-pager']));
    expectCleanSuccess(await pm(['next']));
    expectCleanSuccess(await pm(['stats']));
    const data = JSON.parse((await pm(['list', '--json'])).stdout);
    expect(data.read).toBe(3);
    expect(Object.keys(readJson(file).lessons).sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
  });
});
