// Stopping a quiz at the worst moments, in a real terminal: Ctrl-C just after
// Enter (while the answer is being saved), the terminal closed under it, and
// SIGTERM or SIGHUP during long work. Every answer shown on screen is in the
// file, and pm-guide ends with the signal's exit code, never a native trace.
import { progressWithAnswers } from '../helpers/progress-file.js';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pty from '@lydell/node-pty';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, binPath, cleanTemps, repoRoot, tempDir } from '../helpers/run.js';
import { keys, spawnPty, stripAnsiAll } from '../helpers/pty.js';
import { lesson, makeCourse, quizLesson, STACK_TRACE } from '../helpers/hostile.js';
import { HOW_SURE, sayHowSure } from '../helpers/answer-quiz.js';

afterAll(cleanTemps);

const twoQuestions = `---\ntitle: Two Questions\nid: two\n---\n# Two Questions\n\nA page.\n\n\`\`\`quiz\n- question: Which tool turns the soil?\n  choices: [Spade, Net, Hose]\n  answer: Spade\n- question: Which tool catches birds off the berries?\n  choices: [Net, Rake, Hoe]\n  answer: Net\n\`\`\`\n`;
const course = makeCourse({ 'two.md': twoQuestions });

const bigProgress = (items: number): string => progressWithAnswers(items, (i) => `r-old-${i.toString(36)}`, () => 'gone');

const answersFor = (file: string, lessonId: string): number =>
  existsSync(file) ? Object.values(JSON.parse(readFileSync(file, 'utf8')).items as Record<string, { lesson: string; seen: number }>).filter((i) => i.lesson === lessonId).reduce((n, i) => n + i.seen, 0) : 0;

describe('Ctrl-C just after Enter', () => {
  it('waits for the save: the answer shown is in the file, then "Stopped", exit 130', async () => {
    const progress = join(tempDir(), 'progress.json');
    writeFileSync(progress, bigProgress(30_000)); // About 10 MB: a save takes a good part of a second.
    const session = spawnPty(['--lessons', course, '--progress', progress, 'quiz', 'two', '--seed', '1']);
    await session.waitFor(/Question 1 of 2[\s\S]*\? /, 20_000);
    session.write(keys.enter);
    // The answer is saved once the learner has said how sure (Enter: think so).
    await sayHowSure(session, 0);
    // 50 ms on, the answer is on screen and the save of 10 MB under way. Ctrl-C now is
    // SIGINT (the prompt has left raw mode), which used to end pm-guide before the save did.
    await new Promise((r) => setTimeout(r, 50));
    session.write(keys.ctrlC);
    const exit = await session.exited(20_000);
    expect(session.screen()).toMatch(/› Which tool .*\? \w+/);
    expect(exit.exitCode).toBe(130);
    expect(session.screen()).toContain('Stopped. 1 answer saved.');
    expect(answersFor(progress, 'two')).toBe(1);
  });
});

describe('a terminal that goes away', () => {
  it('closed mid-quiz: the answers given are kept, exit 129, no native abort', async () => {
    const dir = tempDir();
    const progress = join(dir, 'progress.json');
    const term = pty.spawn(process.execPath, [binPath, '--lessons', course, '--progress', progress, 'quiz', 'two', '--seed', '1'], {
      cols: 80,
      rows: 30,
      cwd: repoRoot,
      env: baseEnv(dir),
    });
    let out = '';
    term.onData((d) => {
      out += d;
    });
    const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => term.onExit(resolve));
    const waitFor = async (pattern: RegExp): Promise<void> => {
      for (let i = 0; i < 400 && !pattern.test(stripAnsiAll(out)); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await waitFor(/Question 1 of 2[\s\S]*\? /);
    term.write(keys.enter);
    await waitFor(HOW_SURE);
    term.write(keys.enter);
    await waitFor(/Question 2 of 2[\s\S]*\? /);
    (term as unknown as { destroy(): void }).destroy(); // Closes the terminal's side, as closing the window does: SIGHUP, then EIO on every read and write.
    const ended = await exit;
    expect(ended).toEqual(expect.objectContaining({ exitCode: 129 }));
    expect(ended.signal ?? 0).toBe(0); // Not SIGABRT (6) or SIGSEGV (11) from Node's exit on a dead terminal.
    expect(answersFor(progress, 'two')).toBe(1);
  });
});

describe('signals during long work', () => {
  const big = makeCourse(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`l${String(i).padStart(5, '0')}.md`, i % 2 ? quizLesson(`Plot ${i}`, { id: `p${i}` }) : lesson(`Bed ${i}`, undefined, { id: `b${i}` })])));

  it.each(['SIGTERM', 'SIGHUP'] as const)('%s ends stats on a 3,000-lesson course within a second', async (signal) => {
    const dir = tempDir();
    const child = spawn(process.execPath, [binPath, '--lessons', big, '--progress', join(dir, 'p.json'), 'stats'], { env: baseEnv(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 400)); // Started, and busy loading the course.
    const sent = Date.now();
    child.kill(signal);
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(ended.signal === signal || ended.code === (signal === 'SIGTERM' ? 143 : 129)).toBe(true);
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});
