// The caches (course index, rendered lessons, V8's code cache) change how fast
// pm-guide answers, never what it says: every output here is compared, byte
// for byte, with a run that has caching off (PM_GUIDE_NO_CACHE=1), after the
// course changes, and with the cache files damaged.
import { appendFileSync, cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { age, cacheFiles, same } from '../helpers/cache.js';
import { cleanTemps, fixturesDir, lessonsDir, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

describe('the shipped course, cached and uncached', () => {
  const home = tempDir();
  const readTwo = JSON.stringify({ version: 1, lessons: { 'what-is-product-management': { readAt: '2026-01-05T10:00:00.000Z', reads: 1, bestScore: 1 } }, items: {} });

  it.each([
    [['list']],
    [['list', '--json']],
    [['--color', 'list']],
    [['read', 'core-responsibilities', '--no-pager']],
    [['--color', 'read', 'roadmaps', '--no-pager']],
    [['read', '2.3', '--no-pager'], { COLUMNS: '60' }],
    [['next']],
    [['quiz', 'roadmaps', '--preview']],
    [['--help']],
    [['read', '--help']],
    [['-h'], { COLUMNS: '50' }],
    [['nosuch', '--help']],
    [['read', 'no-such-lesson']],
    [['search', 'roadmap']],
    [['search', 'prioritsation', '--json']],
    [['__complete-lessons']],
    [['__complete-lessons', '--quizzable']],
  ] as Array<[string[], Record<string, string>?]>)('%j says the same, first run and every run after', (args, env) => {
    for (let i = 0; i < 3; i++) same(home, readTwo, args, env);
    expect(cacheFiles(home).some((f) => f.startsWith('course-'))).toBe(true);
  });

  it('kept rendered lessons and compiled code', () => {
    expect(cacheFiles(home, 'render').length).toBeGreaterThan(0);
    expect(cacheFiles(home, 'v8').flatMap((version) => cacheFiles(home, join('v8', version))).length).toBeGreaterThan(0);
  });
});

describe('a course that changes under the cache', () => {
  let course: string;
  let home: string;
  const pm = (...args: string[]) => same(home, undefined, ['--lessons', course, ...args]);

  beforeAll(async () => {
    course = join(tempDir(), 'course');
    cpSync(join(fixturesDir, 'course'), course, { recursive: true });
    home = tempDir();
    await age(course);
    pm('list');
    pm('read', 'duties', '--no-pager');
    const index = cacheFiles(home).find((f) => f.startsWith('course-'))!;
    const stored = JSON.parse(readFileSync(join(home, 'cache', 'pm-guide', index), 'utf8')) as { files: unknown[] };
    expect(stored.files.length).toBe(5); // Every page indexed (README.txt is not Markdown).
  }, 30_000);

  it('sees a title changed', () => {
    const file = join(course, '01-basics', '02-tools.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: "Areas and Tools"', 'title: "Garden Tools"'));
    expect(pm('list').stdout).toMatch(/Garden Tools/);
    pm('read', 'Garden Tools', '--no-pager');
    expect(pm('search', 'garden').stdout).toMatch(/Garden Tools/);
    expect(pm('__complete-lessons').stdout).toMatch(/Garden Tools/);
  });

  it('sees a page edited to the same size with its mtime put back', () => {
    const file = join(course, '01-basics', '01-duties.md');
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Planning the Beds', 'Planning the Rows'));
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    expect(pm('read', 'duties', '--no-pager').stdout).toMatch(/Planning the Rows/);
    pm('list');
  });

  it('sees pages added, removed and renamed, and a page that stops being one', () => {
    mkdirSync(join(course, '03-new'));
    writeFileSync(join(course, '03-new', 'index.md'), '---\ntitle: "New Module"\nhas_children: true\nnav_order: 3\n---\n\nNew.\n');
    writeFileSync(join(course, '03-new', '01-first.md'), '---\ntitle: "First New"\nparent: "New Module"\n---\n\n## Steps\n\n- **Dig**: turn the soil.\n');
    expect(pm('list').stdout).toMatch(/First New/);
    rmSync(join(course, '02-more', '01-seasons.md'));
    renameSync(join(course, '01-basics', '02-tools.md'), join(course, '01-basics', '09-tools.md'));
    pm('list');
    pm('list', '--json');
    writeFileSync(join(course, '03-new', '01-first.md'), 'No front matter any more.\n');
    pm('list');
    appendFileSync(join(course, '01-basics', 'index.md'), '\n---\nbroken: [\n');
    pm('list');
    writeFileSync(join(course, '01-basics', '01-duties.md'), '---\ntitle: [broken\n---\n');
    pm('list');
    pm('next');
  });

  it('never trusts a damaged cache', () => {
    const root = join(home, 'cache', 'pm-guide');
    const index = cacheFiles(home).find((f) => f.startsWith('course-'))!;
    const text = readFileSync(join(root, index), 'utf8');
    for (const damaged of [text.slice(0, text.length / 2), text.replace(/"files":\[\[/, '"files":[[7,'), 'null', '\u0000\u0000', '']) {
      writeFileSync(join(root, index), damaged);
      pm('list');
      pm('read', '1.1', '--no-pager');
    }
    for (const name of cacheFiles(home, 'render')) {
      const path = join(root, 'render', name);
      const entry = readFileSync(path, 'utf8');
      writeFileSync(path, entry.slice(0, entry.length - 10));
    }
    pm('read', '1.1', '--no-pager');
    for (const version of cacheFiles(home, 'v8')) {
      for (const name of cacheFiles(home, join('v8', version))) writeFileSync(join(root, 'v8', version, name), 'not V8 data');
    }
    pm('list');
    pm('read', '1.1', '--no-pager');
  });
});

describe('a course whose folders are checked, not listed again', () => {
  // A warm run does not list the course's folders again: it checks that each folder the
  // index saw is still the same folder with the same mtime and ctime (which change when
  // an entry in it is added, removed or renamed), and stats every page as before. Each
  // case edits its own copy of the course, indexed (folders and all) before the edit.
  const page = (title: string, parent: string) => `---\ntitle: "${title}"\nparent: "${parent}"\n---\n\n## Steps\n\n- **Dig**: turn the soil.\n`;
  const edits: Record<string, (course: string, outside: string) => RegExp | undefined> = {
    'a page added to a folder': (c) => (writeFileSync(join(c, '01-basics', '03-compost.md'), page('Compost Heaps', 'Gardening Basics')), /Compost Heaps/),
    'a page added to the top folder': (c) => (writeFileSync(join(c, 'extra.md'), page('Extra Page', 'Gardening Basics')), /Extra Page/),
    'a page added to a folder two levels down, and nowhere else': (c) => (writeFileSync(join(c, '01-basics', 'deeper', '02-mulch.md'), page('Mulch Layers', 'Gardening Basics')), /Mulch Layers/),
    'a page removed': (c) => (rmSync(join(c, '02-more', '01-seasons.md')), undefined),
    'a page renamed in its folder': (c) => (renameSync(join(c, '01-basics', '02-tools.md'), join(c, '01-basics', '09-tools.md')), undefined),
    'a page moved to another folder': (c) => (renameSync(join(c, '01-basics', '01-duties.md'), join(c, '02-more', '01-duties.md')), undefined),
    'a folder renamed': (c) => (renameSync(join(c, '02-more'), join(c, '07-more')), undefined),
    'a new folder of pages': (c) => {
      mkdirSync(join(c, '03-new'));
      writeFileSync(join(c, '03-new', 'index.md'), '---\ntitle: "New Module"\nhas_children: true\nnav_order: 3\n---\n\nNew.\n');
      writeFileSync(join(c, '03-new', '01-first.md'), page('First New', 'New Module'));
      return /First New/;
    },
    'a page replaced by a folder of the same name': (c) => {
      rmSync(join(c, '01-basics', '02-tools.md'));
      mkdirSync(join(c, '01-basics', '02-tools.md'));
      writeFileSync(join(c, '01-basics', '02-tools.md', 'inside.md'), page('Inside A Folder', 'Gardening Basics'));
      return /Inside A Folder/;
    },
    'a page edited in place': (c) => {
      const file = join(c, '02-more', '01-seasons.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/title: .*/, 'title: "Sowing Calendar"'));
      return /Sowing Calendar/;
    },
    'a hidden draft added (never a page)': (c) => (writeFileSync(join(c, '01-basics', '.draft.md'), page('Hidden Draft', 'Gardening Basics')), undefined),
    'a symlink to a folder outside the course, then a page added out there': (c, outside) => {
      symlinkSync(outside, join(c, '02-more', 'linked'));
      pmIn(c, 'list');
      // With a symlink below it, the course is listed on every run: its target can change with no folder of ours changing.
      expect(storedIndex(c).folders).toBeNull();
      writeFileSync(join(outside, '02-later.md'), page('Added Behind The Link', 'Seasons'));
      return /Added Behind The Link/;
    },
  };
  const homes = new Map<string, string>();
  const courses = new Map<string, { course: string; outside: string }>();
  const pmIn = (course: string, ...args: string[]) => same(homes.get(course)!, undefined, ['--lessons', course, ...args]);
  const storedIndex = (course: string) => {
    const home = homes.get(course)!;
    const name = cacheFiles(home).find((f) => f.startsWith('course-'))!;
    return JSON.parse(readFileSync(join(home, 'cache', 'pm-guide', name), 'utf8')) as { folders: unknown[] | null; files: unknown[] };
  };

  beforeAll(async () => {
    for (const name of Object.keys(edits)) {
      const root = tempDir();
      const course = join(root, 'course');
      const outside = join(root, 'outside');
      cpSync(join(fixturesDir, 'course'), course, { recursive: true });
      mkdirSync(join(course, '01-basics', 'deeper'));
      writeFileSync(join(course, '01-basics', 'deeper', '01-beds.md'), page('Raised Beds', 'Gardening Basics'));
      mkdirSync(outside);
      writeFileSync(join(outside, '01-early.md'), page('Early Sowing', 'Seasons'));
      homes.set(course, tempDir());
      courses.set(name, { course, outside });
    }
    // Files set back an hour; folders cannot be, so wait until they are out of the "too recent" window.
    const old = new Date(Date.now() - 3_600_000);
    for (const { course } of courses.values()) {
      for (const entry of readdirSync(course, { recursive: true, withFileTypes: true })) if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), old, old);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    for (const { course } of courses.values()) {
      pmIn(course, 'list');
      // The course root, 01-basics, 01-basics/deeper and 02-more: the next run checks these instead of listing them.
      expect(storedIndex(course).folders).toHaveLength(4);
    }
  }, 60_000);

  it.each(Object.keys(edits))('sees %s', (name) => {
    const { course, outside } = courses.get(name)!;
    const shows = edits[name]!(course, outside);
    const list = pmIn(course, 'list');
    if (shows) expect(list.stdout).toMatch(shows);
    pmIn(course, 'next');
    // And again, from the index the run after the edit wrote.
    pmIn(course, 'list');
  });
});

describe('the shipped course read from an index built before', () => {
  it('is the same course the uncached loader builds', () => {
    const home = tempDir();
    const progress = JSON.stringify({ version: 1, lessons: {}, items: {} });
    same(home, progress, ['--lessons', lessonsDir, 'list', '--json']);
    same(home, progress, ['--lessons', lessonsDir, 'list', '--json']);
  });
});
