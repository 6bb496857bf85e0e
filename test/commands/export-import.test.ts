// Taking progress along: pm-guide paths, export and import, with progress made
// by reading and answering a real quiz.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizAnswers, runIn, type Answer } from '../helpers/in-process.js';
import { savedProgress } from '../helpers/progress-file.js';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

const pm = (progress: string, ...args: string[]) => runIn(['--lessons', course, '--progress', progress, ...args]);
const statsJson = async (progress: string) => {
  const r = await pm(progress, 'stats', '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

/** Reads a lesson and answers `answers` questions of a quiz on it (right, wrong, right, ...). */
async function study(progress: string, lesson: string, answers: number, seed: number): Promise<void> {
  const onTerminal = (args: string[], given: Answer[] = []) => runIn(['--lessons', course, '--progress', progress, ...args], { tty: true, answers: given });
  expect((await onTerminal(['read', lesson, '--no-pager'])).code).toBe(0);
  const plan = await quizAnswers(course, Array.from({ length: answers }, (_, i) => i % 2 === 0));
  const quiz = await onTerminal(['quiz', lesson, '--count', String(answers), '--seed', String(seed)], plan.answers);
  expect(quiz.stdout).toContain(`Score: ${Math.ceil(answers / 2)} of ${answers}`);
}

describe('export and import', () => {
  let laptop: string;

  beforeAll(async () => {
    laptop = join(tempDir(), 'laptop.json');
    await study(laptop, 'areas-and-tools', 3, 7);
  }, 40_000);

  it('export prints the progress as JSON; importing it into a fresh file gives the same stats', async () => {
    const exported = await pm(laptop, 'export');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(JSON.stringify(savedProgress(laptop))));

    const dir = tempDir();
    writeFileSync(join(dir, 'moved.json'), exported.stdout);
    const desktop = join(dir, 'desktop.json');
    const imported = await pm(desktop, 'import', join(dir, 'moved.json'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported from .*moved\.json: 3 answers, 3 questions new to this machine, 1 lesson read or scored/);
    expect(await statsJson(desktop)).toEqual(await statsJson(laptop));
  });

  it('export FILE writes the file, and will not replace one without --force', async () => {
    const file = join(tempDir(), 'out.json');
    const first = await pm(laptop, 'export', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Exported 1 lesson read and 3 answers');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
    writeFileSync(file, 'keep me');
    const again = await pm(laptop, 'export', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/out\.json: already exists \(.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect((await pm(laptop, 'export', file, '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe('keep me');
  });

  it('import keeps the answers of both machines, and importing again changes nothing', async () => {
    const desktop = join(tempDir(), 'desktop.json');
    await study(desktop, 'duties', 2, 3);
    const file = join(tempDir(), 'laptop-export.json');
    expect((await pm(laptop, 'export', file)).code).toBe(0);

    const before = await statsJson(desktop);
    expect((await pm(desktop, 'import', file)).code).toBe(0);
    const after = await statsJson(desktop);
    expect(after.totals.answers).toBe(before.totals.answers + 3);
    expect(after.totals.pagesRead).toBe(2);
    expect(after.lessons.map((l: { id: string }) => l.id)).toEqual(['duties', 'areas-and-tools']);
    expect(JSON.parse(readFileSync(desktop, 'utf8')).current).toBe('duties');

    const twice = await pm(desktop, 'import', file);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain('Nothing new');
    expect(await statsJson(desktop)).toEqual(after);
  }, 40_000);

  it('import - reads the export from stdin', async () => {
    const desktop = join(tempDir(), 'desktop.json');
    const r = await runIn(['--lessons', course, '--progress', desktop, 'import', '-'], { input: (await pm(laptop, 'export')).stdout });
    expect(r.code, r.stderr).toBe(0);
    expect((await statsJson(desktop)).totals.answers).toBe(3);
  });

  it.each([
    ['from a newer pm-guide', JSON.stringify({ version: 99, lessons: {}, items: {} }), /newer\.json: was written by a newer pm-guide \(progress format 99; this one reads up to 2\); nothing was imported \(update pm-guide/],
    ['cut short', '{"version":1,"lessons":{', /cut-short\.json: cannot be imported: it is not valid JSON .*nothing was imported/],
    ['not progress at all', JSON.stringify({ name: 'a package.json' }), /not-progress-at-all\.json: cannot be imported: it does not hold pm-guide progress/],
  ])('refuses a file %s, names it, and leaves progress as it was', async (name, content, message) => {
    const dir = tempDir();
    const file = join(dir, `${name.split(' ').at(-1) === 'pm-guide' ? 'newer' : name.replace(/ /g, '-')}.json`);
    writeFileSync(file, content);
    const progress = join(dir, 'mine.json');
    writeFileSync(progress, readFileSync(laptop));
    const before = readFileSync(progress, 'utf8');
    const r = await pm(progress, 'import', file);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(progress, 'utf8')).toBe(before);
  });

  it('refuses a file that is not there', async () => {
    const r = await pm(join(tempDir(), 'p.json'), 'import', join(tempDir(), 'nowhere.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere\.json: does not exist/);
  });
});

describe('pm-guide paths', () => {
  it('prints the course folder, the progress file and the cache, as text and as JSON', async () => {
    const dir = tempDir();
    const progress = join(dir, 'p.json');
    const fresh = await pm(progress, 'paths', '--json');
    expect(fresh.code).toBe(0);
    const before = JSON.parse(fresh.stdout);
    expect(before).toMatchObject({ lessonsDir: course, shippedCourse: false, lessonsExists: true, progressFile: progress, progressExists: false, cacheExists: false });
    expect(before.cacheDir).toMatch(/pm-guide$/);

    await pm(progress, 'reset', '--yes');
    expect(JSON.parse((await pm(progress, 'paths', '--json')).stdout).progressExists).toBe(true);
    const text = (await pm(progress, 'paths')).stdout;
    expect(text).toMatch(new RegExp(`^Course +${course}$`, 'm'));
    expect(text).toMatch(new RegExp(`^Progress +${progress}$`, 'm'));
    expect(text).toMatch(/^Cache +\S+pm-guide$/m);
  });

  it('says where the shipped course and the default progress file are', async () => {
    const home = tempDir();
    const r = await runIn(['paths', '--json'], { env: { HOME: home } });
    expect(JSON.parse(r.stdout)).toMatchObject({ shippedCourse: true, progressFile: join(home, 'data', 'pm-guide', 'progress.json') });
  });
});
