// The quiz's caches (authored quiz blocks kept parsed, and whether a lesson has
// questions of its own, kept in the course index) make `next` and the quiz
// faster, never different:
// every run here is compared with one that has caching off, on the shipped
// course in each state `next` can find, after lessons change, and with the
// cache's files damaged or changed behind pm-guide.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { age, cacheFiles, same } from '../helpers/cache.js';
import { drivesTerminal } from '../helpers/hostile.js';
import { cleanTemps, fixturesDir, lessonsDir, run, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

const READ_AT = '2026-01-05T10:00:00.000Z';
const progressOf = (lessons: Record<string, object>) => JSON.stringify({ version: 1, lessons, items: {} });

describe('the shipped course, cached and uncached', () => {
  const home = tempDir();
  let ids: string[] = [];

  beforeAll(() => {
    const list = run(['--progress', join(home, 'none.json'), 'list', '--json'], { env: { HOME: home, PM_GUIDE_NO_CACHE: '1' } });
    ids = (JSON.parse(list.stdout) as { lessons: Array<{ id: string }> }).lessons.map((l) => l.id);
    expect(ids.length).toBeGreaterThan(10);
  });

  it('next owes the same quiz, first run and every run after', () => {
    const owed = progressOf({ 'core-responsibilities': { readAt: READ_AT, reads: 1 } });
    for (let i = 0; i < 3; i++) expect(same(home, owed, ['next']).stdout).toMatch(/^Next: the quiz on 1\.2 /);
    expect(cacheFiles(home, 'quiz').length).toBeGreaterThan(0);
  });

  it('next sums up a course read to the end the same way', () => {
    const everything = progressOf(Object.fromEntries(ids.map((id) => [id, { readAt: READ_AT, reads: 1, bestScore: 1 }])));
    for (let i = 0; i < 2; i++) expect(same(home, everything, ['next']).stdout).toMatch(/^Everything is read, and \d+ of \d+ lessons are mastered/);
  });

  it('every lesson previews the same questions, first run and every run after', () => {
    for (const id of ids) {
      for (let i = 0; i < 2; i++) same(home, undefined, ['--lessons', lessonsDir, 'quiz', id, '--preview', '--json']);
    }
  });
});

describe('a course whose quiz blocks change under the cache', () => {
  let course: string;
  let home: string;
  const owesDuties = progressOf({ duties: { readAt: READ_AT, reads: 1 } });
  const pm = (progress: string | undefined, ...args: string[]) => same(home, progress, ['--lessons', course, ...args]);
  const duties = () => join(course, '01-basics', '01-duties.md');
  const quizBlock = (question: string) => `\n\`\`\`quiz\n- question: "${question}"\n  answer: "compost"\n\`\`\`\n`;

  beforeAll(async () => {
    course = join(tempDir(), 'course');
    cpSync(join(fixturesDir, 'course'), course, { recursive: true });
    // A page with nothing to quiz on but what its author wrote.
    writeFileSync(join(course, '02-more', '02-compost.md'), `---\ntitle: "Compost"\nid: compost\nparent: "Beyond the Basics"\nnav_order: 2\n---\n\nAll about heaps.\n${quizBlock('What rots down into food for the soil?')}`);
    home = tempDir();
    await age(course);
    expect(pm(owesDuties, 'next').stdout).toMatch(/^Next: the quiz on .* Duties of a Gardener/);
    expect(pm(undefined, 'quiz', 'compost', '--preview').stdout).toMatch(/What rots down into food for the soil\?/);
  }, 30_000);

  it('stops owing a quiz whose block breaks, and owes it again once fixed', () => {
    const text = readFileSync(duties(), 'utf8');
    writeFileSync(duties(), `${text}\n\`\`\`quiz\n- question: [unclosed\n\`\`\`\n`);
    expect(pm(owesDuties, 'next').stdout).not.toMatch(/Duties of a Gardener/);
    const broken = pm(undefined, 'quiz', 'duties', '--preview');
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/01-duties\.md:\d+: /);
    writeFileSync(duties(), `${text}${quizBlock('What do you spread on empty beds in autumn?')}`);
    expect(pm(owesDuties, 'next').stdout).toMatch(/^Next: the quiz on .* Duties of a Gardener/);
    expect(pm(undefined, 'quiz', 'duties', '--preview').stdout).toMatch(/What do you spread on empty beds in autumn\?/);
  });

  it('stops owing a quiz when a lesson is rewritten with nothing to ask, and owes it again when it has', () => {
    const text = readFileSync(duties(), 'utf8');
    writeFileSync(duties(), text.replace(/\n## Main Duties[\s\S]*$/, '\nJust a few words now.\n'));
    expect(pm(owesDuties, 'next').stdout).not.toMatch(/Duties of a Gardener/);
    expect(pm(owesDuties, 'next').stdout).not.toMatch(/Duties of a Gardener/);
    writeFileSync(duties(), text);
    expect(pm(owesDuties, 'next').stdout).toMatch(/^Next: the quiz on .* Duties of a Gardener/);
  });

  it('asks an authored question as it now reads', () => {
    const file = join(course, '02-more', '02-compost.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('What rots down', 'What breaks down'));
    const preview = pm(undefined, 'quiz', 'compost', '--preview').stdout;
    expect(preview).toMatch(/What breaks down into food for the soil\?/);
    expect(preview).not.toMatch(/What rots down/);
  });

  it('never trusts a damaged index entry for what a lesson can be asked', async () => {
    await age(course); // Pages edited in the last two seconds are not indexed yet.
    pm(owesDuties, 'next');
    const root = join(home, 'cache', 'pm-guide');
    const index = cacheFiles(home).find((f) => f.startsWith('course-'))!;
    const stored = JSON.parse(readFileSync(join(root, index), 'utf8')) as { files: unknown[][] };
    // A lesson whose questions were counted has one more field than the others: 0 or 1.
    const counted = stored.files.filter((f) => f.length === Math.max(...stored.files.map((g) => g.length)) && f.includes('duties'));
    expect(counted).toHaveLength(1);
    expect(counted[0]!.at(-1)).toBe(1);
    counted[0]![counted[0]!.length - 1] = 7;
    writeFileSync(join(root, index), JSON.stringify(stored));
    expect(pm(owesDuties, 'next').stdout).toMatch(/^Next: the quiz on .* Duties of a Gardener/);
  });

  it('never trusts a damaged cache entry', () => {
    const dir = join(home, 'cache', 'pm-guide', 'quiz');
    for (const damage of [(t: string) => t.slice(0, t.length - 5), (t: string) => t.replace(/"questions":\[/, '"questions":[7,'), () => '']) {
      for (const name of readdirSync(dir)) writeFileSync(join(dir, name), damage(readFileSync(join(dir, name), 'utf8')));
      pm(owesDuties, 'next');
      pm(undefined, 'quiz', 'compost', '--preview', '--json');
      pm(undefined, 'quiz', 'duties', '--preview', '--json');
    }
  });
});

describe('a quiz cache entry changed behind pm-guide', () => {
  it('is not used when its text could drive the terminal', () => {
    const home = tempDir();
    const args = ['--progress', join(home, 'progress.json'), 'quiz', 'core-responsibilities', '--preview'];
    const first = run(args, { env: { HOME: home } });
    expect(first.code, first.stderr).toBe(0);
    const dir = join(home, 'cache', 'pm-guide', 'quiz');
    let changed = 0;
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      // JSON's own escape, so that every length in the entry stays true.
      const edited = text.replace(/"prompt":"/g, '"prompt":"\\u001b[2J');
      if (edited !== text) changed++;
      writeFileSync(join(dir, name), edited);
    }
    expect(changed).toBeGreaterThan(0);
    const second = run(args, { env: { HOME: home } });
    expect(second.code, second.stderr).toBe(0);
    expect(drivesTerminal(second.stdout), JSON.stringify(second.stdout)).toBe(false);
    expect(second.stdout).toBe(first.stdout);
  });
});
