// Terminals vary, and people stop programs in every way they can. The built
// binary in a real pseudo-terminal (or piped, or with no terminal at all):
// every prompt stops cleanly on Ctrl-C, Ctrl-D, SIGTERM and SIGHUP with the
// answers so far saved and the cursor back, and output fits what it goes to.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, cleanTemps, run, tempDir } from '../helpers/run.js';
import { keys, spawnPty, stripAnsiAll, type PtySession } from '../helpers/pty.js';
import { drivesTerminal, lesson, makeCourse, STACK_TRACE } from '../helpers/hostile.js';
import { displayWidth } from '../../src/ui/ansi.js';
import { enterThroughReasks, sayHowSure } from '../helpers/answer-quiz.js';

afterAll(cleanTemps);

const quizOnly = (id: string, title: string, questions: string[]): string =>
  `---\ntitle: ${title}\nid: ${id}\n---\n# ${title}\n\nA short page about garden tools.\n\n\`\`\`quiz\n${questions.join('\n')}\n\`\`\`\n`;

const single = '- question: Which tool turns the soil?\n  choices: [Spade, Watering can, Net]\n  answer: Spade';
const course = makeCourse({
  'a-single.md': quizOnly('single', 'One Choice', [single]),
  'b-multiple.md': quizOnly('multiple', 'Many Choices', ['- question: Which of these dig?\n  choices: [Spade, Fork, Net, Hose]\n  answer: [Spade, Fork]']),
  'c-text.md': quizOnly('text', 'Typed Answer', ['- question: Name the tool with a flat blade for digging.\n  answer: Spade']),
  'd-boolean.md': quizOnly('boolean', 'True or False', ['- question: A hose carries water.\n  answer: true']),
  'e-two.md': quizOnly('two', 'Two Questions', [single, '- question: Which tool catches birds off the berries?\n  choices: [Net, Rake, Hoe]\n  answer: Net']),
  'f-long.md': lesson(
    'A Long Walk Round the Plot',
    [
      ...Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: the path runs past the beds, the shed and the water butt, and back to the gate again.`),
      '| Bed | Crop | Sown | Notes |',
      '|---|---|---|---|',
      '| North | Broad beans | March | Pinch out the tips when the first pods set |',
      '| South | Tomatoes | May | Feed weekly once the first truss flowers |',
    ].join('\n\n'),
    { id: 'long' },
  ),
});

function quiz(id: string, options: { progress?: string; env?: Record<string, string | undefined>; cols?: number; rows?: number } = {}): { session: PtySession; progress: string } {
  const progress = options.progress ?? join(tempDir(), 'progress.json');
  const session = spawnPty(['--lessons', course, '--progress', progress, 'quiz', id, '--seed', '1'], { env: options.env, cols: options.cols, rows: options.rows });
  return { session, progress };
}

/** The cursor is visible at the end: the last "hide cursor" is followed by a "show cursor". */
function cursorRestored(output: string): boolean {
  const hidden = output.lastIndexOf('\u001b[?25l');
  return hidden === -1 || output.lastIndexOf('\u001b[?25h') > hidden;
}

const savedAnswers = (progress: string): number => (existsSync(progress) ? Object.keys(JSON.parse(readFileSync(progress, 'utf8')).items).length : 0);

describe('stopping at every kind of prompt', () => {
  const prompts = [
    ['a single choice', 'single'],
    ['a multiple choice', 'multiple'],
    ['a typed answer', 'text'],
    ['true or false', 'boolean'],
  ] as const;
  const stops = [
    ['Ctrl-C', keys.ctrlC],
    ['Ctrl-D', keys.ctrlD],
  ] as const;
  for (const [kind, id] of prompts) {
    it.each(stops)(`%s at ${kind}: stops with nothing lost, the cursor back, exit 130`, async (_name, key) => {
      const { session, progress } = quiz(id);
      await session.waitFor(/Question 1 of 1[\s\S]*\? /);
      session.write(key);
      const exit = await session.exited();
      expect(exit.exitCode).toBe(130);
      expect(session.screen()).toContain('Stopped. 0 answers saved.');
      expect(session.screen()).not.toMatch(STACK_TRACE);
      expect(cursorRestored(session.output())).toBe(true);
      expect(savedAnswers(progress)).toBe(0);
    });
  }

  it.each(stops)('%s at the reset confirmation: nothing is reset, exit 130', async (_name, key) => {
    const progress = join(tempDir(), 'progress.json');
    writeFileSync(progress, '{"version":1,"lessons":{"single":{"readAt":"2026-01-05T10:00:00.000Z","reads":1}},"items":{},"days":{}}\n');
    const before = readFileSync(progress, 'utf8');
    const session = spawnPty(['--lessons', course, '--progress', progress, 'reset']);
    await session.waitFor(/\(y\/N\)/);
    session.write(key);
    expect((await session.exited()).exitCode).toBe(130);
    expect(readFileSync(progress, 'utf8')).toBe(before);
    expect(cursorRestored(session.output())).toBe(true);
  });

  it.each([
    ['Ctrl-C', keys.ctrlC, 130],
    ['Ctrl-D', keys.ctrlD, 130],
    ['SIGTERM', 'SIGTERM', 143],
  ] as const)('%s at the home menu: leaves with the cursor back, exit %i', async (_name, stop, code) => {
    const session = spawnPty(['--lessons', course, '--progress', join(tempDir(), 'p.json')]);
    await session.waitFor(/esc or q quit|type to filter/);
    if (stop === 'SIGTERM') process.kill(session.pid, stop);
    else session.write(stop);
    expect((await session.exited()).exitCode).toBe(code);
    expect(session.screen()).not.toMatch(STACK_TRACE);
    expect(cursorRestored(session.output())).toBe(true);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s mid-quiz: the answer already given is saved, the cursor is back, exit %i', async (signal, code) => {
    const { session, progress } = quiz('two');
    await session.waitFor(/Question 1 of 2[\s\S]*\? /);
    session.write(keys.enter);
    await sayHowSure(session, 0);
    await session.waitFor(/Question 2 of 2[\s\S]*\? /);
    process.kill(session.pid, signal);
    const exit = await session.exited();
    expect(exit.exitCode).toBe(code);
    expect(session.screen()).toContain('Stopped. 1 answer saved.');
    expect(cursorRestored(session.output())).toBe(true);
    expect(savedAnswers(progress)).toBe(1);
    expect(readFileSync(progress, 'utf8')).toMatch(/\}\n$/);
  });

  it('survives the terminal being resized mid-quiz, and still saves every answer', async () => {
    const { session, progress } = quiz('two', { cols: 80, rows: 24 });
    await session.waitFor(/Question 1 of 2[\s\S]*\? /);
    session.resize(24, 10);
    await new Promise((r) => setTimeout(r, 150));
    session.resize(160, 50);
    await new Promise((r) => setTimeout(r, 150));
    session.write(keys.enter);
    await sayHowSure(session, 0);
    await session.waitFor(/Question 2 of 2[\s\S]*\? /);
    session.resize(40, 12);
    await new Promise((r) => setTimeout(r, 150));
    const from = session.screen().length;
    session.write(keys.enter);
    await sayHowSure(session, from);
    await enterThroughReasks(session);
    expect((await session.exited()).exitCode).toBe(0);
    expect(savedAnswers(progress)).toBe(2);
  });
});

describe('no terminal, or not all of one', () => {
  it('the quiz needs a terminal: piped stdin and stdout get one line and exit 2', () => {
    const r = run(['--lessons', course, 'quiz', 'single']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/needs a terminal/);
  });

  it.runIf(spawnSync('script', ['--version']).status === 0)('the quiz needs a terminal on stdin too, even when stdout is one', () => {
    // script(1) gives the command a terminal; its stdin comes from /dev/null.
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${binPath}" --lessons "${course}" --progress "${join(tempDir(), 'p.json')}" quiz single < /dev/null`, '/dev/null'], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(2);
    expect(stripAnsiAll(r.stdout)).toMatch(/needs a terminal/);
  });

  it('reset does not ask without a terminal: it says to pass --yes, and changes nothing', () => {
    const progress = join(tempDir(), 'progress.json');
    writeFileSync(progress, '{"version":1,"lessons":{"single":{"readAt":"2026-01-05T10:00:00.000Z","reads":1}},"items":{},"days":{}}\n');
    const before = readFileSync(progress, 'utf8');
    const r = run(['--lessons', course, '--progress', progress, 'reset']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
    expect(readFileSync(progress, 'utf8')).toBe(before);
  });

  it.each([
    ['read', ['read', 'long']],
    ['list', ['list']],
    ['search', ['search', 'spade']],
    ['the quiz preview', ['quiz', 'two', '--preview']],
    ['read with colour forced', ['--color', 'read', 'long']],
    ['help', ['--help']],
  ])('%s piped into head -1 ends quietly (EPIPE), exit 0', (_what, args) => {
    const quoted = args.map((a) => `'${a}'`).join(' ');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${binPath}" --lessons "${course}" --progress "${join(tempDir(), 'p.json')}" ${quoted} | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.stdout).toBe('exit=0\n');
    expect(r.stderr).toBe('');
  });

  it.each([
    ['read', ['read', 'long']],
    ['list', ['list']],
  ])('%s to a full disk says so in one line, never a stack trace', (_what, args) => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${binPath}" --lessons "${course}" --progress "${join(tempDir(), 'p.json')}" ${args.join(' ')} > /dev/full`], { encoding: 'utf8', timeout: 15_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^pm-guide: cannot write its output \(ENOSPC\)/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('what the terminal is', () => {
  it.each([
    ['TERM=dumb', { TERM: 'dumb' }, false],
    ['NO_COLOR', { NO_COLOR: '1' }, false],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, false],
    ['an ordinary colour terminal', {}, true],
  ] as const)('%s in a terminal: colour %s', async (_what, env, colour) => {
    const session = spawnPty(['--lessons', course, '--progress', join(tempDir(), 'p.json'), 'read', 'single'], { env });
    await session.waitFor('One Choice');
    expect((await session.exited()).exitCode).toBe(0);
    expect(/\u001b\[[0-9;]*m/.test(session.output())).toBe(colour);
  });

  it.each([
    ['FORCE_COLOR=1 when piped', { FORCE_COLOR: '1' }, [], true],
    ['--color over NO_COLOR', { NO_COLOR: '1' }, ['--color'], true],
    ['--no-color over FORCE_COLOR', { FORCE_COLOR: '3' }, ['--no-color'], false],
    ['piped, by default', {}, [], false],
  ] as const)('%s: colour %s', (_what, env, flags, colour) => {
    for (const command of [['read', 'single'], ['list']]) {
      const r = run(['--lessons', course, '--progress', join(tempDir(), 'p.json'), ...flags, ...command], { env });
      expect(r.code).toBe(0);
      expect(/\u001b\[[0-9;]*m/.test(r.stdout)).toBe(colour);
      expect(drivesTerminal(r.stdout)).toBe(false);
    }
  });

  it.each([20, 300])('%i columns: every line of a lesson and of the list fits, and the list shows every page', async (cols) => {
    const read = spawnPty(['--lessons', course, '--progress', join(tempDir(), 'p.json'), 'read', 'long', '--no-pager'], { cols, rows: 500 });
    expect((await read.exited()).exitCode).toBe(0);
    const lines = stripAnsiAll(read.output()).split('\n');
    // (The lesson's first paragraph: node-pty can drop the last kilobytes written just before an exit;
    // that all of it is printed is checked in process, test/commands/pager.test.ts.)
    expect(lines.join(' ')).toMatch(/Paragraph 0/);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
    const list = spawnPty(['--lessons', course, '--progress', join(tempDir(), 'p.json'), 'list'], { cols, rows: 500 });
    expect((await list.exited()).exitCode).toBe(0);
    for (const title of ['One Choice', 'Two Questions', 'A Long Walk']) expect(list.screen().replace(/\s+/g, ' ')).toContain(title);
    for (const line of list.screen().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
  });

  it('20 columns: the quiz can still be answered', async () => {
    const { session, progress } = quiz('single', { cols: 20, rows: 20 });
    await session.waitFor(/Question 1 of 1[\s\S]*Spade/);
    session.write(keys.enter);
    await sayHowSure(session, 0);
    await enterThroughReasks(session);
    expect((await session.exited()).exitCode).toBe(0);
    expect(savedAnswers(progress)).toBe(1);
  });

  it('TERM=dumb: the quiz can still be answered', async () => {
    const { session, progress } = quiz('single', { env: { TERM: 'dumb' } });
    await session.waitFor(/Question 1 of 1[\s\S]*Spade/);
    session.write(keys.enter);
    await sayHowSure(session, 0);
    await enterThroughReasks(session);
    expect((await session.exited()).exitCode).toBe(0);
    expect(savedAnswers(progress)).toBe(1);
  });
});
