// Two paths to one progress file (the file and a symlink, a symlink to the
// symlink, a dangling link): one lock, beside the real file, so writers
// through different paths take turns; every link stays a link; the real file
// keeps its mode and owner.
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markRead } from '../../src/core/progress.js';
import { FileLock } from '../../src/io/file-lock.js';
import { ProgressStore } from '../../src/io/progress-store.js';
import { realFile } from '../../src/io/real-path.js';
import { cleanTemps, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

const now = new Date('2026-03-01T10:00:00Z');
const store = (file: string, lockTimeoutMs = 2_000) => new ProgressStore({ file, warn: () => {}, lockTimeoutMs, now: () => now });
const readIds = (file: string) => Object.keys(JSON.parse(readFileSync(file, 'utf8')).lessons).sort();

/** A real progress file, a link to it and a link to the link, in three folders. */
function threePaths(): { real: string; link: string; linkToLink: string } {
  const dir = tempDir();
  for (const sub of ['data', 'a', 'b']) mkdirSync(join(dir, sub));
  const real = join(dir, 'data', 'progress.json');
  const link = join(dir, 'a', 'progress.json');
  const linkToLink = join(dir, 'b', 'progress.json');
  store(real).update((p) => markRead(p, 'first', now));
  symlinkSync(real, link);
  symlinkSync('../a/progress.json', linkToLink); // Relative, as `ln -s` often makes them.
  return { real, link, linkToLink };
}

describe('two paths to one file', () => {
  it('share one lock, beside the real file: a writer through a link waits for a writer through the file', () => {
    const { real, link, linkToLink } = threePaths();
    const held = new FileLock(real, 10_000);
    held.lock(); // Another process is saving through the file's own path.
    try {
      for (const path of [link, linkToLink]) {
        expect(() => store(path, 300).update((p) => markRead(p, 'lost', now))).toThrow(/held its lock/);
      }
    } finally {
      held.unlock();
    }
    expect(readIds(real)).toEqual(['first']);
    expect(readdirSync(join(real, '..', '..', 'a'))).toEqual(['progress.json']); // No lock of its own beside the link.
  });

  it('every save through any path reaches the one file, and the links stay links', () => {
    const { real, link, linkToLink } = threePaths();
    store(link).update((p) => markRead(p, 'second', now));
    store(linkToLink).update((p) => markRead(p, 'third', now));
    expect(readIds(real)).toEqual(['first', 'second', 'third']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(linkToLink).isSymbolicLink()).toBe(true);
    expect(realFile(linkToLink)).toBe(real);
  });

  it('a broken file reached through a link is moved aside beside the real file; the link stays, and the next save fills it', () => {
    const { real, link } = threePaths();
    writeFileSync(real, '{"cut short');
    const s = store(link);
    expect(Object.keys(s.load().lessons)).toEqual([]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(real, '..')).some((n) => n.startsWith('progress.json.broken-'))).toBe(true);
    s.update((p) => markRead(p, 'again', now));
    expect(readIds(real)).toEqual(['again']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe('a dangling symlink', () => {
  it('has its target created, and stays a link', () => {
    const dir = tempDir();
    const target = join(dir, 'elsewhere', 'progress.json');
    mkdirSync(join(dir, 'elsewhere'));
    const link = join(dir, 'progress.json');
    symlinkSync(target, link);
    store(link).update((p) => markRead(p, 'soil', now));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readIds(target)).toEqual(['soil']);
  });

  it('to a link to a missing file: the last target is created, both links stay', () => {
    const dir = tempDir();
    const target = join(dir, 'real.json');
    symlinkSync('real.json', join(dir, 'middle.json'));
    symlinkSync('middle.json', join(dir, 'progress.json'));
    store(join(dir, 'progress.json')).update((p) => markRead(p, 'soil', now));
    expect(lstatSync(join(dir, 'progress.json')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'middle.json')).isSymbolicLink()).toBe(true);
    expect(readIds(target)).toEqual(['soil']);
  });

  it('in a loop is one clear error, not a hang', () => {
    const dir = tempDir();
    symlinkSync('b.json', join(dir, 'a.json'));
    symlinkSync('a.json', join(dir, 'b.json'));
    expect(() => store(join(dir, 'a.json')).update((p) => p)).toThrow(/cannot be followed to a file/);
  });
});

describe('the real file keeps what it had', () => {
  it('its mode (0644 stays 0644, not 0600)', () => {
    const { real, link } = threePaths();
    chmodSync(real, 0o644);
    store(link).update((p) => markRead(p, 'second', now));
    expect(statSync(real).mode & 0o777).toBe(0o644);
  });

  it.runIf(process.getuid?.() === 0)('its owner, where this process may set it (root saving a learner\'s file)', () => {
    const { real, link } = threePaths();
    chownSync(real, 4321, 4321);
    chmodSync(real, 0o640);
    store(link).update((p) => markRead(p, 'second', now));
    const st = statSync(real);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([4321, 4321, 0o640]);
    expect(existsSync(`${real}.lock`)).toBe(false);
  });
});
