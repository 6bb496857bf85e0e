// The progress store's lock and file handling, in-process with temp folders:
// the interleavings that processes racing each other would produce, made
// deterministic. (The end-to-end suite races real processes.)
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ProgressFileError } from '../../src/core/errors.js';
import { emptyProgress, markRead } from '../../src/core/progress.js';
import { ProgressStore } from '../../src/io/progress-store.js';
import { cleanTemps, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

const DEAD_PID = 2 ** 22 + 12345; // Above Linux's pid_max default range: never a live process.
const now = new Date('2026-03-01T10:00:00Z');

function setup(): { dir: string; file: string; lock: string; warnings: string[]; store: (timeoutMs?: number) => ProgressStore } {
  const dir = tempDir();
  const file = join(dir, 'progress.json');
  const warnings: string[] = [];
  return {
    dir,
    file,
    lock: `${file}.lock`,
    warnings,
    store: (lockTimeoutMs = 2_000) => new ProgressStore({ file, warn: (m) => warnings.push(m), lockTimeoutMs, now: () => now }),
  };
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const markReadNow = (id: string) => (p: ReturnType<typeof emptyProgress>) => markRead(p, id, now);

describe('the lock', () => {
  it('is taken at once from a process that died holding it, in either lock format', () => {
    for (const content of [`${DEAD_PID} abc123\n`, `${DEAD_PID}\n`]) {
      const { file, lock, store } = setup();
      writeFileSync(lock, content);
      const start = Date.now();
      store().update(markReadNow('soil'));
      expect(Date.now() - start).toBeLessThan(1_000);
      expect(read(file).lessons.soil.readAt).toBeTruthy();
      expect(existsSync(lock)).toBe(false);
    }
  });

  it('is reported, not waited on for ever, while a live process holds it, and left in place', () => {
    const { file, lock, store } = setup();
    const held = `${process.pid} someone-else\n`;
    writeFileSync(lock, held);
    const start = Date.now();
    expect(() => store(300).update(markReadNow('soil'))).toThrow(/held its lock .* for over 0 s|held its lock/);
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(readFileSync(lock, 'utf8')).toBe(held);
    expect(existsSync(file)).toBe(false);
  });

  it('with no owner in it is waited out while fresh, and broken once old', () => {
    const { file, lock, store } = setup();
    writeFileSync(lock, '');
    expect(() => store(300).update(markReadNow('soil'))).toThrow(ProgressFileError);
    const past = new Date(Date.now() - 10_000);
    utimesSync(lock, past, past);
    store(300).update(markReadNow('soil'));
    expect(read(file).lessons.soil).toBeTruthy();
  });

  it('held by a live pid but untouched for minutes is taken over (the pid was reused)', () => {
    const { file, lock, store } = setup();
    writeFileSync(lock, `${process.pid} long-ago\n`);
    const past = new Date(Date.now() - 5 * 60_000);
    utimesSync(lock, past, past);
    store(300).update(markReadNow('soil'));
    expect(read(file).lessons.soil).toBeTruthy();
  });

  it('judged stale by two processes at once is broken by one only: the second leaves the first one its new lock', () => {
    const { lock, store } = setup();
    const stale = `${DEAD_PID} stale-token\n`;
    writeFileSync(lock, stale);
    // B reads the stale lock ...
    const b = store(300);
    const seen = { content: stale, age: 0 };
    // ... A breaks it and takes the lock for itself ...
    const a = store(300);
    let duringA = '';
    let bBroke: boolean | undefined;
    a.update((p) => {
      duringA = readFileSync(lock, 'utf8');
      // ... and only now does B act on what it read.
      const bLock = (b as never as { fileLock: { readLock: () => unknown; breakStaleLock: () => boolean } }).fileLock;
      vi.spyOn(bLock, 'readLock').mockReturnValueOnce(seen);
      bBroke = bLock.breakStaleLock();
      expect(readFileSync(lock, 'utf8')).toBe(duringA);
      return markRead(p, 'soil', now);
    });
    expect(duringA).toMatch(new RegExp(`^${process.pid} \\S+\\n$`));
    expect(bBroke).toBe(true); // B may try again, and then waits on A's lock.
    expect(existsSync(lock)).toBe(false); // A released its own lock.
  });

  it('is not released by a process whose lock was broken and taken by another', () => {
    const { lock, store } = setup();
    const theirs = `${process.pid} their-token\n`;
    store().update((p) => {
      writeFileSync(lock, theirs); // Another process broke ours and took it.
      return p;
    });
    expect(readFileSync(lock, 'utf8')).toBe(theirs);
  });

  it('removes an abandoned break marker, then breaks the stale lock', () => {
    const { file, lock, store } = setup();
    writeFileSync(lock, `${DEAD_PID} x\n`);
    writeFileSync(`${lock}.break`, `${DEAD_PID}\n`);
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${lock}.break`, past, past);
    store(2_000).update(markReadNow('soil'));
    expect(read(file).lessons.soil).toBeTruthy();
    expect(existsSync(`${lock}.break`)).toBe(false);
  });
});

describe('the file', () => {
  it('removes temp files that killed processes left, and keeps a live process’s', () => {
    const { dir, file, store } = setup();
    const strays = [`progress.json.${DEAD_PID}.ab12cd.tmp`, `progress.json.lock.${DEAD_PID}.ef34gh.tmp`];
    const live = `progress.json.${process.pid}.live01.tmp`;
    for (const name of [...strays, live]) writeFileSync(join(dir, name), '{"version":1,"less');
    store().update(markReadNow('soil'));
    const left = readdirSync(dir);
    for (const name of strays) expect(left).not.toContain(name);
    expect(left).toContain(live);
    expect(read(file).lessons.soil).toBeTruthy();
  });

  it('that is a symlink stays one: its target gets the progress', () => {
    const { dir, file, store } = setup();
    mkdirSync(join(dir, 'dotfiles'));
    const target = join(dir, 'dotfiles', 'pm-progress.json');
    writeFileSync(target, JSON.stringify(emptyProgress()));
    symlinkSync(target, file);
    store().update(markReadNow('soil'));
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(read(target).lessons.soil).toBeTruthy();
  });

  it('moved aside by another process between reading and moving is not an error', () => {
    const { file, store, warnings } = setup();
    writeFileSync(file, '{"version":1,"lessons":{');
    const a = store();
    const b = store();
    vi.spyOn(b as never as { readText: () => unknown }, 'readText').mockReturnValueOnce('{"version":1,"lessons":{');
    a.load(); // A moves it aside first ...
    expect(b.load()).toEqual(emptyProgress()); // ... B finds it gone and starts fresh, without an error.
    expect(warnings).toHaveLength(1);
  });

  it('keeps two broken files moved aside in the same millisecond apart', () => {
    const { dir, file, store } = setup();
    writeFileSync(file, 'first broken');
    store().load();
    writeFileSync(file, 'second broken');
    store().load();
    const aside = readdirSync(dir).filter((n) => n.includes('.broken-'));
    expect(aside).toHaveLength(2);
    expect(aside.map((n) => readFileSync(join(dir, n), 'utf8')).sort()).toEqual(['first broken', 'second broken']);
  });

  it('far larger than progress could be is moved aside without being read', () => {
    const { dir, file, store, warnings } = setup();
    writeFileSync(file, '');
    truncateSync(file, 200 * 1024 * 1024);
    expect(store().load()).toEqual(emptyProgress());
    expect(warnings[0]).toMatch(/200 MB/);
    expect(readdirSync(dir).some((n) => n.includes('.broken-'))).toBe(true);
  });

  it('that is a FIFO is refused at once, not waited on', () => {
    const { file, store } = setup();
    spawnSync('mkfifo', [file]);
    expect(() => store().load()).toThrow(/not a regular file/);
  });

  it('with escape sequences in its keys gives a warning without them', () => {
    const { file, store, warnings } = setup();
    writeFileSync(file, JSON.stringify({ version: 1, lessons: { '\u001b]0;owned\u0007\u001b[2J': { readAt: 5 } }, items: {} }));
    store().load();
    expect(warnings[0]).toMatch(/could not be used/);
    expect(warnings[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
