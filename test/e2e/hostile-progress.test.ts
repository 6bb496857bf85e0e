// The progress file is never lost, truncated or polluted: broken files are kept
// aside, newer ones left alone, concurrent writers all keep their changes, and a
// process killed at any moment leaves either the old file or the new one.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIn } from '../helpers/in-process.js';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, binPath, cleanTemps, tempDir } from '../helpers/run.js';
import { keys, spawnPty } from '../helpers/pty.js';
import { HOW_SURE } from '../helpers/answer-quiz.js';
import { progressWithAnswers, savedProgress } from '../helpers/progress-file.js';
import { expectCleanSuccess, expectOneLineFailure, lesson, makeCourse } from '../helpers/hostile.js';

afterAll(cleanTemps);

const DEAD_PID = 2 ** 22 + 4242;
const ids = ['beds', 'frames', 'shed', 'pond', 'hedge', 'orchard', 'compost', 'greenhouse'];
const course = makeCourse(Object.fromEntries(ids.map((id, i) => [`${i}-${id}.md`, lesson(`The ${id[0]!.toUpperCase()}${id.slice(1)}`, undefined, { id, nav_order: i + 1 })])));
const quizCourse = makeCourse({
  'quiz.md': `---\ntitle: One Question\nid: one\n---\n# One Question\n\nA page.\n\n\`\`\`quiz\n- question: Which tool turns the soil?\n  choices: [Spade, Net, Hose]\n  answer: Spade\n\`\`\`\n`,
});

/** In process, as on a terminal: a lesson read there is marked read (piped, it would not be). */
const pmAt = (progress: string, args: string[]) => runIn(['--lessons', course, '--progress', progress, ...args, ...(args[0] === 'read' ? ['--no-pager'] : [])], { tty: true });
/** An export that says one lesson was read: importing it is a save that any process can make without a terminal. */
function readingExport(id: string): string {
  const file = join(tempDir(), `${id}.json`);
  writeFileSync(file, JSON.stringify({ version: 1, lessons: { [id]: { readAt: '2026-01-05T10:00:00.000Z', reads: 1 } }, items: {}, days: {} }));
  return file;
}
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** A valid progress file with many answers, so that writing it takes a while. */
const bigProgress = (items: number): string => progressWithAnswers(items, (i) => `r-desc-${i.toString(36)}`, (i) => ids[i % ids.length]!);

function spawnPm(progress: string, args: string[], lessons = course): ChildProcess {
  const home = tempDir();
  return spawn(process.execPath, [binPath, '--lessons', lessons, '--progress', progress, ...args], { env: baseEnv(home), stdio: 'ignore' });
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise(async (resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

describe('processes at the same moment', () => {
  it('eight processes saving at once all keep their change, also when they start with a stale lock to break', async () => {
    for (const staleLock of [false, true]) {
      const file = join(tempDir(), 'progress.json');
      writeFileSync(file, bigProgress(300));
      if (staleLock) writeFileSync(`${file}.lock`, `${DEAD_PID} left-by-a-crash\n`);
      const children = ids.map((id) => spawnPm(file, ['import', readingExport(id)]));
      const codes = await Promise.all(children.map(exited));
      expect(codes).toEqual(ids.map(() => 0));
      const saved = readJson(file);
      expect(Object.keys(saved.lessons).sort()).toEqual([...ids].sort());
      expect(Object.keys(saved.items)).toHaveLength(300);
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
  });

  it('two terminals answering at the same moment both keep their answer', async () => {
    const file = join(tempDir(), 'progress.json');
    const a = spawnPty(['--lessons', quizCourse, '--progress', file, 'quiz', 'one']);
    const b = spawnPty(['--lessons', quizCourse, '--progress', file, 'quiz', 'one']);
    await Promise.all([a.waitFor(/Spade/), b.waitFor(/Spade/)]);
    a.write(keys.enter);
    b.write(keys.enter);
    // Each answer is saved once its learner says how sure: both press Enter ("think so") at the same moment.
    await Promise.all([a, b].map((s) => s.waitFor(HOW_SURE)));
    a.write(keys.enter);
    b.write(keys.enter);
    // Choices come in a shuffled order: a wrong first answer is asked once more, at the end (practice, not saved).
    await Promise.all([a, b].map(async (s) => {
      await s.waitFor(/Score: \d of 1|Once more/);
      if (/Once more/.test(s.screen())) s.write(keys.enter);
    }));
    const exits = await Promise.all([a.exited(), b.exited()]);
    expect(exits.map((e) => e.exitCode)).toEqual([0, 0]);
    const items = Object.values(savedProgress(file).items);
    expect(items).toHaveLength(1);
    expect(items[0]!.seen).toBe(2);
  });
});

describe('a process killed while it saves', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('%s at any moment leaves the old file or the new one, never a broken one; the next run tidies up', async (signal) => {
    const dir = tempDir();
    const file = join(dir, 'progress.json');
    const original = bigProgress(3000); // About a megabyte: writing it takes long enough to be caught in the middle.
    writeFileSync(file, original);
    for (let round = 0; round < 16; round++) {
      const child = spawnPm(file, ['import', readingExport(ids[round % ids.length]!)]);
      await new Promise((r) => setTimeout(r, 60 + ((round * 37) % 140)));
      child.kill(signal);
      const code = await exited(child);
      if (signal === 'SIGTERM') expect([0, 143, null]).toContain(code);
      const text = readFileSync(file, 'utf8');
      expect(() => JSON.parse(text), `round ${round}`).not.toThrow();
      expect(Object.keys(JSON.parse(text).items)).toHaveLength(3000);
    }
    // The next run takes over any lock a killed process left, removes its temp files, and saves.
    const r = await pmAt(file, ['read', 'shed']);
    expectCleanSuccess(r);
    expect(r.stderr).toBe('');
    expect(readJson(file).lessons.shed.readAt).toBeTruthy();
    expect(readdirSync(dir).filter((n) => n !== 'progress.json')).toEqual([]);
  });

  it('temp files and a lock left by a killed process are cleaned up by the next run, at once', async () => {
    const dir = tempDir();
    const file = join(dir, 'progress.json');
    writeFileSync(file, bigProgress(10));
    writeFileSync(join(dir, `progress.json.${DEAD_PID}.k1ll3d.tmp`), '{"version":1,"less');
    writeFileSync(`${file}.lock`, `${DEAD_PID} gone\n`);
    const start = Date.now();
    const r = await pmAt(file, ['read', 'pond']);
    expectCleanSuccess(r);
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(readdirSync(dir)).toEqual(['progress.json']);
    expect(readJson(file).lessons.pond.readAt).toBeTruthy();
  });

  it('a lock held by a process that is still running is reported after a wait, never a hang', async () => {
    const file = join(tempDir(), 'progress.json');
    const holder = spawn('sleep', ['30']);
    try {
      const lock = `${holder.pid} still-working\n`;
      writeFileSync(`${file}.lock`, lock);
      const start = Date.now();
      const r = await pmAt(file, ['read', 'hedge']);
      expect(Date.now() - start).toBeLessThan(8_000);
      expect(r.stdout).toContain('The Hedge');
      expectOneLineFailure(r, /held its lock .*progress\.json\.lock.*(finish or close|delete the lock)/, 1);
      expect(readFileSync(`${file}.lock`, 'utf8')).toBe(lock);
    } finally {
      holder.kill();
    }
  }, 30_000);
});
