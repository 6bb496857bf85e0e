// One progress record per course: the shipped course keeps the default file,
// any other course a file of its own (by its folder, or the id its
// _config.yml declares), and `paths` and `list --json` say which is in use.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePaths } from '../../src/io/paths.js';
import { runIn } from '../helpers/in-process.js';
import { fixturesDir, tempDir } from '../helpers/run.js';

const orchard = join(fixturesDir, 'sites', 'orchard');
const env = (home: string) => ({ HOME: home, XDG_DATA_HOME: join(home, 'data') });

describe('progress per course', () => {
  it('keeps the shipped course in the default file, and each other course in one of its own', () => {
    const home = tempDir();
    const shipped = resolvePaths({}, env(home), home);
    expect(shipped.progressFile).toBe(join(home, 'data', 'pm-guide', 'progress.json'));
    const a = resolvePaths({ lessons: orchard }, env(home), home);
    const b = resolvePaths({ lessons: join(fixturesDir, 'course') }, env(home), home);
    expect(a.progressFile).not.toBe(shipped.progressFile);
    expect(a.progressFile).not.toBe(b.progressFile);
    expect(a.progressFile.startsWith(join(home, 'data', 'pm-guide', 'courses'))).toBe(true);
    expect(resolvePaths({ lessons: orchard, progress: 'p.json' }, env(home), home).progressFile).toBe(join(home, 'p.json'));
  });

  it('takes the id a site declares, so a moved course keeps its progress', () => {
    const home = tempDir();
    const dir = join(tempDir(), 'moved');
    mkdirSync(dir);
    cpSync(orchard, dir, { recursive: true });
    writeFileSync(join(dir, '_config.yml'), 'title: Orchard\npm_guide:\n  id: orchard-course\n');
    expect(resolvePaths({ lessons: dir }, env(home), home).progressFile).toBe(join(home, 'data', 'pm-guide', 'courses', 'orchard-course.json'));
  });

  it('does not mix two courses that share a lesson id, and switching back loses nothing', async () => {
    const home = tempDir();
    const other = join(fixturesDir, 'course');
    expect((await runIn(['--lessons', orchard, 'read', 'index', '--no-pager'], { env: env(home), tty: true })).code).toBe(0);
    const list = async (dir: string) => JSON.parse((await runIn(['--lessons', dir, 'list', '--json'], { env: env(home) })).stdout);
    const first = await list(orchard);
    expect(first.course).toMatchObject({ title: 'Keeping an Orchard', lessonsDir: orchard });
    expect(first.read).toBe(1);
    expect((await list(other)).read).toBe(0);
    expect((await list(orchard)).read).toBe(1);
    expect(existsSync(join(home, 'data', 'pm-guide', 'progress.json'))).toBe(false);
  });

  it('paths says which course is in use and where its progress is', async () => {
    const home = tempDir();
    const r = await runIn(['--lessons', orchard, 'paths', '--json'], { env: env(home) });
    const info = JSON.parse(r.stdout);
    expect(info.shippedCourse).toBe(false);
    expect(info.courseId).toMatch(/^orchard-[0-9a-f]{10}$/);
    expect(info.progressFile).toBe(join(home, 'data', 'pm-guide', 'courses', `${info.courseId}.json`));
  });
});
