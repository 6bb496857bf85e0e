// A site's navigation as just-the-docs builds it, on a fixture site written
// for these tests (test/fixtures/sites/orchard): nav_order numbers before
// text, titles case-sensitively, nav_exclude, ancestor, collections as their
// own tree, duplicate keys, ids that collide once a prefix is stripped.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildCourse, numberLabel } from '../../src/core/course.js';
import { findLesson } from '../../src/core/find-lesson.js';
import type { Lesson } from '../../src/core/lesson.js';
import { parseLesson } from '../../src/core/lesson.js';
import { loadCourse } from '../../src/io/load-course.js';
import { runIn } from '../helpers/in-process.js';
import { fixturesDir, tempDir } from '../helpers/run.js';

const orchard = join(fixturesDir, 'sites', 'orchard');

const tree = (dir: string): string[] => loadCourse(dir).course.ordered.map((n) => `${n.number} ${n.lesson.title}`);

describe('a site navigation, as the theme builds it', () => {
  it('orders numbers, then text nav_order, then titles case-sensitively, each collection a tree of its own after the pages', () => {
    expect(tree(orchard)).toEqual([
      '1 Keeping an Orchard',
      '2 Soil',
      '3 Apples',
      '3.1 Bed notes one',
      '3.2 Bed notes two',
      '3.3 Rows',
      '3.3.1 Spacing',
      '4 Pears',
      '4.1 Rows',
      '4.1.1 Spacing',
      '5 Grafting',
      '6 Pruning',
      '7 Watering',
      '8 pests',
      '9 Spring',
      '10 Autumn',
    ]);
  });

  it('puts each page that shares a title under the ancestor it names', () => {
    const { course } = loadCourse(orchard);
    const spacing = course.ordered.filter((n) => n.lesson.title === 'Spacing');
    expect(spacing.map((n) => `${n.parent!.parent!.lesson.title}: ${n.lesson.body.trim()}`)).toEqual(['Apples: Apple spacing.', 'Pears: Pear spacing.']);
  });

  it('leaves a nav_exclude page out of the list but lets it be read by id', () => {
    const { course } = loadCourse(orchard);
    expect(course.ordered.some((n) => n.lesson.title === 'Drafts')).toBe(false);
    expect(findLesson(course, 'drafts').lesson.title).toBe('Drafts');
  });

  it('keeps both pages whose ids collide once a numeric prefix is stripped', () => {
    const { course } = loadCourse(orchard);
    expect(course.byId.get('beds/notes')?.lesson.title).toBe('Bed notes one');
    expect(course.byId.get('beds/notes-2')?.lesson.title).toBe('Bed notes two');
  });

  it('takes the last of a duplicated front matter key, as Jekyll does', () => {
    const { course } = loadCourse(orchard);
    expect(course.byId.get('index')?.lesson.title).toBe('Keeping an Orchard');
    expect(course.byId.get('index')?.lesson.duplicateKeys).toEqual([{ key: 'title', line: 4 }]);
  });

  it('skips the folders Jekyll does not publish (_includes), and reads the site title', () => {
    const loaded = loadCourse(orchard);
    expect(loaded.course.ordered.some((n) => n.lesson.title === 'Not a page')).toBe(false);
    expect(loaded.title).toBe('Keeping an Orchard');
  });

  it('lists the site with its title and its collection heading', async () => {
    const r = await runIn(['--lessons', orchard, 'list'], { columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Keeping an Orchard /);
    expect(r.stdout).toContain('\nThrough the Year\n9     Spring');
    expect(r.stdout).not.toContain('Drafts');
  });

  it('counts pages without questions as reading only: no mastery to reach, no quiz to take', async () => {
    const home = tempDir();
    const env = { HOME: home };
    expect((await runIn(['--lessons', orchard, 'list'], { env })).stdout.split('\n')[1]).toBe('0 of 16 pages read');
    const read = await runIn(['--lessons', orchard, 'read', 'soil', '--no-pager'], { env, tty: true });
    expect(read.stdout).not.toContain('Check yourself');
    const list = JSON.parse((await runIn(['--lessons', orchard, 'list', '--json'], { env })).stdout);
    expect(list.lessons.find((l: { id: string }) => l.id === 'soil')).toMatchObject({ read: true, readingOnly: true, mastered: false });
    const next = await runIn(['--lessons', orchard, 'next', '--no-pager'], { env });
    expect(next.stdout).toMatch(/^Next: reading 1 Keeping an Orchard/);
  });
});

const page = (file: string, front: string, body = 'Text.'): Lesson => parseLesson({ file, relPath: file, text: `---\n${front}\n---\n${body}\n` });

describe('number labels', () => {
  it('keeps a space between a deep number and the title', async () => {
    const chain = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((t, i, all) => `${t.toLowerCase()}.md|title: ${t}${i > 0 ? `\nparent: ${all[i - 1]}` : ''}`);
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'pm-guide-deep-'));
    for (const spec of chain) {
      const [name, front] = spec.split('|');
      writeFileSync(join(dir, name!), `---\n${front}\n---\nText.\n`);
    }
    const r = await runIn(['--lessons', dir, 'list'], { columns: 80 });
    expect(r.stdout).toMatch(/1\.1\.1\.1\.1\.1\.1 G/);
    // (The first line is the course's name: a temp folder's, letters and digits at random.)
    expect(r.stdout.split('\n').slice(1).join('\n')).not.toMatch(/\d[A-Z]/);
  });

  it('shows a title that carries its own number without a second one, and reads it by that number', () => {
    const lessons = [page('a.md', 'title: 9. Hashing\nnav_order: 1'), page('b.md', 'title: 10. Signatures\nnav_order: 2'), page('c.md', 'title: 11. Keys\nnav_order: 3')];
    const course = buildCourse(lessons);
    expect(course.ordered.map(numberLabel)).toEqual(['', '', '']);
    expect(findLesson(course, '10').lesson.title).toBe('10. Signatures');
    expect(findLesson(course, '2').lesson.title).toBe('10. Signatures');
  });

  it('accepts nav_order as text, after every number', () => {
    const course = buildCourse([page('a.md', 'title: A\nnav_order: "1"'), page('b.md', 'title: B\nnav_order: 2'), page('c.md', 'title: C')]);
    expect(course.ordered.map((n) => n.lesson.title)).toEqual(['B', 'A', 'C']);
  });
});
