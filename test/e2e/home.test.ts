// pm-guide with no command, in a real pseudo-terminal: the overview, the menu
// driven by arrow keys and typing, reading and coming back, search, a quiz
// stopped with Ctrl-C, and leaving with q, Esc or Ctrl-C.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion, previewQuestions } from '../helpers/answer-quiz.js';
import { keys, spawnPty, type PtySession } from '../helpers/pty.js';
import { cleanTemps, fixturesDir, hasEscapes, run, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
/** Progress with 1.1 read (reading it piped would not mark it read). */
const READ_DUTIES = '{"version":1,"current":"duties","lessons":{"duties":{"readAt":"2026-01-05T10:00:00.000Z","reads":1}},"items":{},"days":{}}\n';

afterAll(cleanTemps);

const MENU = 'What would you like to do?';
/** The overview's first line: drawn once each time the home screen is shown (the menu line is redrawn on every key). */
const HOME = 'pm-guide  course';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Waits until `part` has been shown `n` times in all. */
async function waitForNth(session: PtySession, part: string, n: number, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (count(session.screen(), part) < n) {
    if (Date.now() - start > timeoutMs) throw new Error(`"${part}" shown ${count(session.screen(), part)} times, not ${n}. Screen:\n${session.screen().slice(-2500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What was drawn since the last time `part` was shown. */
const since = (session: PtySession, part: string): string => session.screen().slice(session.screen().lastIndexOf(part));

/** Waits until the screen has been quiet for a moment (a prompt has finished drawing). */
async function settle(session: PtySession, quietMs = 150): Promise<void> {
  let last = session.output().length;
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = session.output().length;
    if (now === last) return;
    last = now;
  }
}

function home(progress: string, env: Record<string, string> = {}, rows = 40): PtySession {
  return spawnPty(['--lessons', course, '--progress', progress], { env: { PAGER: 'cat', ...env }, rows, cols: 90 });
}

const cursorVisibleAtEnd = (session: PtySession): boolean => session.output().lastIndexOf('\u001b[?25h') > session.output().lastIndexOf('\u001b[?25l');

describe('the home screen', () => {
  it('shows the course and a menu; arrow keys open a lesson; any key comes back; q leaves', async () => {
    const progress = join(tempDir(), 'p.json');
    const session = home(progress);
    await waitForNth(session, MENU, 1);
    const first = session.screen();
    expect(first).toMatch(/0 of 5 pages read · 0 of 3 lessons mastered/);
    expect(first).toMatch(/1 {2}Gardening Basics +░+ +0 of 2 read/);
    expect(first).toMatch(/Next +read 1 Gardening Basics/);
    expect(first).toMatch(/❯ Continue: read 1 Gardening Basics/);

    await settle(session);
    session.write(keys.down + keys.enter); // "Read a lesson"
    await session.waitFor('Which lesson?');
    await settle(session);
    // The list starts on the first page; two down is 1.2.
    session.write(keys.down + keys.down);
    await settle(session);
    expect(since(session, 'Which lesson?')).toMatch(/❯\s+1\.2 {2}Areas and Tools/);
    session.write(keys.enter);
    await session.waitFor('Press any key for the menu');
    expect(session.screen()).toContain('Tools of the Trade');
    session.write(' ');
    await waitForNth(session, HOME, 2);
    await session.waitFor(/Continue: quiz yourself on 1\.2 Areas and Tools/);
    expect(since(session, HOME)).toMatch(/1 of 5 pages read/);
    await settle(session);
    session.write('q');
    expect((await session.exited()).exitCode).toBe(0);
    expect(session.screen()).toContain('See you next time');
    expect(cursorVisibleAtEnd(session)).toBe(true);
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(saved.lessons['areas-and-tools'].readAt).toBeTruthy();
    expect(saved.current).toBe('areas-and-tools');
  });

  it('narrows the menu as you type, shows stats, and Esc leaves', async () => {
    const session = home(join(tempDir(), 'p.json'));
    await waitForNth(session, MENU, 1);
    await settle(session);
    session.write('stat');
    await settle(session);
    const filtered = since(session, `${MENU} stat`);
    expect(filtered).toContain('❯ Your stats');
    expect(filtered).not.toContain('Read a lesson');
    session.write(keys.enter);
    await session.waitFor('Your progress');
    await session.waitFor('Press any key for the menu');
    expect(session.screen()).toContain('Quiz accuracy by topic');
    session.write(keys.enter);
    await waitForNth(session, HOME, 2);
    await settle(session);
    session.write(keys.esc);
    expect((await session.exited()).exitCode).toBe(0);
  });

  it('goes straight back to the menu after a lesson read in the pager', async () => {
    const dir = tempDir();
    const paged = join(dir, 'paged.txt');
    const pager = join(dir, 'pager.sh');
    writeFileSync(pager, `#!/bin/sh\ncat > "${paged}"\necho PAGER-DONE\n`, { mode: 0o755 });
    const session = home(join(dir, 'p.json'), { PAGER: pager }, 12);
    await waitForNth(session, MENU, 1);
    await settle(session);
    session.write('lesson');
    await settle(session);
    expect(since(session, `${MENU} lesson`)).toContain('❯ Read a lesson');
    session.write(keys.enter);
    await session.waitFor('Which lesson?');
    await settle(session);
    session.write('duties');
    await settle(session);
    expect(since(session, 'Which lesson? duties')).toMatch(/❯\s+1\.1 {2}Duties of a Gardener/);
    session.write(keys.enter);
    await session.waitFor('PAGER-DONE');
    await waitForNth(session, HOME, 2);
    await settle(session);
    expect(session.screen()).not.toContain('Press any key');
    expect(readFileSync(paged, 'utf8')).toContain('Keeping Records');
    await settle(session);
    session.write('q');
    expect((await session.exited()).exitCode).toBe(0);
  });

  it('searches as you type, forgiving a typo, and opens the lesson chosen', async () => {
    const session = home(join(tempDir(), 'p.json'));
    await waitForNth(session, MENU, 1);
    await settle(session);
    session.write('search');
    await settle(session);
    session.write(keys.enter);
    await session.waitFor('Search:');
    await settle(session);
    session.write('slug patrl');
    await settle(session, 300);
    const results = since(session, 'Search: slug patrl');
    expect(results).toMatch(/❯ 1\.2 {2}Areas and Tools +areas-and-tools/);
    expect(results).toMatch(/line \d+: Slug Patrol: Going out after rain/);
    session.write(keys.enter);
    await session.waitFor('Press any key for the menu');
    expect(session.screen()).toContain('Tools of the Trade');
    session.write('q'); // q at the pause leaves too
    expect((await session.exited()).exitCode).toBe(0);
  });

  it('quizzes from the menu; Ctrl-C mid-quiz leaves with the answers given saved', async () => {
    const progress = join(tempDir(), 'p.json');
    writeFileSync(progress, READ_DUTIES);
    const session = home(progress);
    await waitForNth(session, MENU, 1);
    expect(session.screen()).toMatch(/❯ Continue: quiz yourself on 1\.1 Duties of a Gardener/);
    await settle(session);
    session.write(keys.enter);
    await session.waitFor(/Question 1 of (\d+)/);
    const total = Number(/Question 1 of (\d+)/.exec(session.screen())![1]);
    expect(total).toBeGreaterThan(1);
    const answered = await answerQuestion(session, previewQuestions(course, 'duties'), 1, total, true);
    await session.waitFor(new RegExp(`Question 2 of ${total}[\\s\\S]*\\? `));
    await settle(session);
    session.write(keys.ctrlC);
    const exit = await session.exited();
    expect(exit.exitCode).toBe(130);
    expect(session.screen()).toMatch(/Stopped\. 1 answer saved\./);
    expect(cursorVisibleAtEnd(session)).toBe(true);
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(Object.keys(saved.items)).toEqual([answered.id]);
  });

  it('Ctrl-C at the menu leaves at once, with the cursor back', async () => {
    const session = home(join(tempDir(), 'p.json'));
    await waitForNth(session, MENU, 1);
    await settle(session);
    session.write(keys.ctrlC);
    expect((await session.exited()).exitCode).toBe(130);
    expect(session.screen()).toContain('Stopped. Your progress is saved.');
    expect(cursorVisibleAtEnd(session)).toBe(true);
  });
});

describe('pm-guide with no command, not on a terminal', () => {
  it('prints the overview as plain text and exits 0', () => {
    const progress = join(tempDir(), 'p.json');
    writeFileSync(progress, READ_DUTIES);
    const r = run(['--lessons', course, '--progress', progress]);
    expect(r.code).toBe(0);
    expect(hasEscapes(r.stdout)).toBe(false);
    expect(r.stdout).toMatch(/1 of 5 pages read · 0 of 3 lessons mastered/);
    expect(r.stdout).toMatch(/1 {2}Gardening Basics +▓+░+ +1 of 2 read/);
    expect(r.stdout).toMatch(/Next +the quiz on 1\.1 Duties of a Gardener/);
    expect(r.stdout).toContain('Run pm-guide in a terminal for the menu.');
    expect(run(['--lessons', course, '--progress', progress, 'home']).stdout).toBe(r.stdout);
  });

  it('still treats anything else as a command', () => {
    const r = run(['--lessons', course, 'stast']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'stast'[\s\S]*stats/);
  });
});
