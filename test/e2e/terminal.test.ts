// The quiz and the pager in a real pseudo-terminal: keys, colours, width, Ctrl-C.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, run, tempDir } from '../helpers/run.js';
import { savedProgress } from '../helpers/progress-file.js';
import { keys, spawnPty } from '../helpers/pty.js';
import { makeCourse } from '../helpers/hostile.js';
import { sayHowSure, type PreviewQuestion } from '../helpers/answer-quiz.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

function preview(lesson: string, extra: string[] = []): PreviewQuestion[] {
  return JSON.parse(run(['--lessons', course, 'quiz', lesson, '--preview', '--json', ...extra]).stdout);
}

/** Waits until one of the pool's questions is fully drawn after the header (prompt and every choice), and returns it. */
async function waitForQuestion(session: ReturnType<typeof spawnPty>, header: string, pool: PreviewQuestion[]): Promise<PreviewQuestion> {
  let found: PreviewQuestion | undefined;
  await session.waitFor((screen) => {
    const shown = screen.slice(screen.lastIndexOf(header)).replace(/\s+/g, ' ');
    found = pool.find((p) => shown.includes(`? ${p.prompt.replace(/\s+/g, ' ')}`) && p.choices.every((c) => shown.includes(c)));
    if (found) {
      // The quiz shuffles the choices on every attempt: keys follow the order on screen.
      const body = shown.slice(shown.indexOf(`? ${found.prompt.replace(/\s+/g, ' ')}`) + found.prompt.length);
      found = { ...found, choices: [...found.choices].sort((a, b) => body.indexOf(a) - body.indexOf(b)) };
    }
    return found !== undefined;
  });
  return found!;
}

/** Keys that pick a choice in a list prompt, starting from the top. */
const pick = (choices: string[], choice: string): string => keys.down.repeat(choices.indexOf(choice)) + keys.enter;

describe('the quiz, answered with the keyboard', () => {
  it('asks again on an empty Enter, shows a hint for ?, and leaves on Esc with the answers kept', async () => {
    const progress = join(tempDir(), 'p.json');
    const dir = makeCourse({
      'sheds.md': `---\ntitle: Sheds\nid: sheds\n---\n# Sheds\n\n## Keeping tools\n\nA dry shed keeps tools from rusting.\n\n\`\`\`quiz\n- question: Which metal tool rusts fastest in a damp shed? Name the metal.\n  answer: Iron\n  source: Keeping tools\n- question: Which tool turns the soil before planting? Name the tool.\n  answer: Spade\n  source: Keeping tools\n\`\`\`\n`,
    });
    const session = spawnPty(['--lessons', dir, '--progress', progress, 'quiz', 'sheds', '--seed', '1']);
    await session.waitFor(/Name the (metal|tool)\.[\s\S]*\? for a hint/);
    const first = /Name the metal/.test(session.screen()) ? 'iron' : 'spade';
    session.write(keys.enter);
    await new Promise((r) => setTimeout(r, 300));
    expect(session.screen()).not.toMatch(/Not quite|Right\./);
    session.write(`?${keys.enter}`);
    await session.waitFor('Hint: the answer is in 1 Sheds › Keeping tools.');
    const from = session.screen().length;
    session.write(`${first}${keys.enter}`);
    await sayHowSure(session, from);
    await session.waitFor('✓ Right.');
    await session.waitFor(/Question 2 of 2[\s\S]*\? for a hint/);
    session.write(keys.esc);
    await session.waitFor('Left the quiz. 1 answer saved.');
    expect((await session.exited()).exitCode).toBe(0);
    expect(Object.keys(savedProgress(progress).items)).toHaveLength(1);
  });

  it('says right or wrong with the answer and its line, scores, and saves every answer', async () => {
    const progress = join(tempDir(), 'p.json');
    // Single-choice questions about tools, asked in a fixed order with a seed.
    const session = spawnPty(['--lessons', course, '--progress', progress, 'quiz', 'areas-and-tools', '--topic', 'tools', '--count', '2', '--seed', '5'], { cols: 200 });
    const pool = preview('areas-and-tools', ['--topic', 'tools']);
    const asked: Array<{ q: PreviewQuestion; right: boolean }> = [];
    for (let i = 0; i < 2; i++) {
      const q = await waitForQuestion(session, `Question ${i + 1} of 2`, pool);
      const right = i === 0;
      const from = session.screen().length;
      if (q.kind === 'text') session.write(`${right ? q.answer : 'nothing like it'}${keys.enter}`);
      else if (q.kind === 'multiple') {
        const answers = q.answer as string[];
        let seq = '';
        q.choices.forEach((c, idx) => {
          if (idx > 0) seq += keys.down;
          if (right ? answers.includes(c) : idx === q.choices.findIndex((x) => !answers.includes(x))) seq += keys.space;
        });
        session.write(seq + keys.enter);
      } else {
        const wrong = q.choices.find((c) => c !== q.answer)!;
        session.write(pick(q.choices, right ? (q.answer as string) : wrong));
      }
      asked.push({ q, right });
      await sayHowSure(session, from);
      await session.waitFor(right ? /✓ Right\./ : /✗ Not quite\. The answer: /);
    }
    // The missed question comes back once more at the end; Enter answers it either way.
    await session.waitFor(/Once more[\s\S]*\? /);
    session.write(keys.enter);
    await session.waitFor('Score: 1 of 2');
    // An answered question keeps a neutral mark: no tick beside the answer that was wrong.
    expect(session.screen()).not.toMatch(/✔/);
    expect(session.screen()).toMatch(/1\.2 Areas and Tools › /);
    expect(session.screen()).toMatch(/Missed \(each comes back for review tomorrow\)/);
    const exit = await session.exited();
    expect(exit.exitCode).toBe(0);
    const saved = savedProgress(progress);
    for (const { q, right } of asked) {
      expect(saved.items[q.id]).toMatchObject({ lesson: 'areas-and-tools', topic: 'tools', seen: 1, right: right ? 1 : 0 });
    }
    // Two questions are practice: too few to score the lesson.
    expect(saved.lessons['areas-and-tools']?.lastScore).toBeUndefined();
  });

  it('wraps a long question at spaces on a narrow terminal, never in the middle of a word', async () => {
    const cols = 40;
    const progress = join(tempDir(), 'p.json');
    const session = spawnPty(['--lessons', course, '--progress', progress, 'quiz', 'duties', '--topic', 'responsibilities', '--count', '1', '--seed', '2'], { cols });
    const pool = preview('duties', ['--topic', 'responsibilities']);
    const q = await waitForQuestion(session, 'Question 1 of 1', pool);
    expect(q.prompt.length).toBeGreaterThan(2 * cols);
    const lines = session.screen().slice(session.screen().lastIndexOf('Question 1 of 1')).split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(cols);
    for (const word of [...q.prompt.split(/\s+/), ...q.choices.flatMap((c) => c.split(/\s+/))]) {
      expect(lines.some((line) => line.includes(word)), `"${word}" is split across lines`).toBe(true);
    }
    session.kill();
  });

  it('keeps an answered question on screen with a long answer wrapped at spaces under it', async () => {
    const cols = 40;
    const progress = join(tempDir(), 'p.json');
    const long = makeCourse({
      'hedges.md': `---\ntitle: Hedges\nid: hedges\n---\n# Hedges\n\nA page about hedges.\n\n\`\`\`quiz\n- question: Which of these is the reason to cut a hedge in late winter?\n  choices:\n    - Birds have not yet started to build their nests in it, so none are disturbed\n    - The wood is softer then and the shears stay sharp for longer than in summer\n    - A hedge cut in late winter never needs cutting again for the rest of the year\n  answer: Birds have not yet started to build their nests in it, so none are disturbed\n\`\`\`\n`,
    });
    const session = spawnPty(['--lessons', long, '--progress', progress, 'quiz', 'hedges', '--seed', '3'], { cols });
    const q = await waitForQuestion(session, 'Question 1 of 1', JSON.parse(run(['--lessons', long, 'quiz', 'hedges', '--preview', '--json']).stdout));
    const longest = [...q.choices].sort((a, b) => b.length - a.length)[0]!;
    expect(longest.length).toBeGreaterThan(cols);
    session.write(pick(q.choices, longest));
    await sayHowSure(session, 0);
    await session.waitFor(/Right\.|Not quite\./);
    // The answered question is drawn over the live one: from its mark (›) to the step that asks how sure.
    const screen = session.screen();
    const howSure = screen.indexOf('How sure?');
    const done = screen.slice(screen.lastIndexOf('› ', howSure), howSure).split('\n');
    for (const line of done) expect([...line].length, line).toBeLessThanOrEqual(cols);
    for (const word of longest.split(/\s+/)) expect(done.some((line) => line.includes(word)), `"${word}" is split across lines`).toBe(true);
    session.kill();
  });

  it('keeps the answers given when Ctrl-C stops it, leaves the cursor visible and exits 130', async () => {
    const progress = join(tempDir(), 'p.json');
    const session = spawnPty(['--lessons', course, '--progress', progress, 'quiz', 'duties', '--count', '3', '--seed', '1'], { cols: 200 });
    const pool = preview('duties');
    const q = await waitForQuestion(session, 'Question 1 of 3', pool);
    if (q.kind === 'text') session.write(`${q.answer}${keys.enter}`);
    else session.write(pick(q.choices, Array.isArray(q.answer) ? q.answer[0]! : q.answer));
    await sayHowSure(session, 0);
    await session.waitFor('Question 2 of 3');
    await session.waitFor(/Question 2 of 3[\s\S]*\? /);
    session.write(keys.ctrlC);
    const exit = await session.exited();
    expect(exit.exitCode).toBe(130);
    expect(session.screen()).toMatch(/Stopped\. 1 answer saved\./);
    expect(session.output().lastIndexOf('\u001b[?25h')).toBeGreaterThan(session.output().lastIndexOf('\u001b[?25l'));
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(Object.keys(saved.items)).toEqual([q.id]);
    expect(saved.lessons.duties?.lastScore).toBeUndefined();
  });

  it('needs a terminal: piped stdin gets one line and a non-zero exit', () => {
    const r = run(['--lessons', course, 'quiz', 'duties']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/needs a terminal.*--preview/);
  });
});

describe('the quiz preview for authors', () => {
  it('prints every question with its answer as JSON, with the fields tools rely on', () => {
    const all = preview('areas-and-tools');
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const q of all) {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'topic', 'kind', 'prompt', 'choices', 'answer']));
      expect(['responsibilities', 'tools', 'examples']).toContain((q as unknown as { topic: string }).topic);
    }
    expect(new Set(all.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'text', 'boolean']));
  });
});

describe('reading in a terminal', () => {
  it('pages a long lesson through $PAGER with colours, fitted to the width', async () => {
    const dir = tempDir();
    const paged = join(dir, 'paged.txt');
    const pager = join(dir, 'pager.sh');
    writeFileSync(pager, `#!/bin/sh\ncat > "${paged}"\necho PAGER-DONE\n`, { mode: 0o755 });
    const session = spawnPty(['--lessons', course, '--progress', join(dir, 'p.json'), 'read', 'duties'], { env: { PAGER: pager }, cols: 60, rows: 10 });
    await session.waitFor('PAGER-DONE');
    expect((await session.exited()).exitCode).toBe(0);
    const text = readFileSync(paged, 'utf8');
    expect(text).toContain('\u001b[');
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toContain('Planning the Beds');
    for (const line of plain.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('prints a short lesson, or any lesson with --no-pager, straight to the terminal', async () => {
    const dir = tempDir();
    const marker = join(dir, 'pager-ran');
    const pager = join(dir, 'pager.sh');
    writeFileSync(pager, `#!/bin/sh\ntouch "${marker}"\ncat\n`, { mode: 0o755 });
    const short = spawnPty(['--lessons', course, '--progress', join(dir, 'p.json'), 'read', 'seasons'], { env: { PAGER: pager }, rows: 60 });
    await short.waitFor('The Gardening Year');
    await short.exited();
    const long = spawnPty(['--lessons', course, '--progress', join(dir, 'p.json'), 'read', 'duties', '--no-pager'], { env: { PAGER: pager }, rows: 10 });
    await long.waitFor('Keeping Records');
    await long.exited();
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps running while Ctrl-C goes to less, and ends cleanly when less quits', async () => {
    const dir = tempDir();
    const session = spawnPty(['--lessons', course, '--progress', join(dir, 'p.json'), 'read', 'duties'], { env: { PAGER: 'less -R' }, rows: 8 });
    await session.waitFor('Duties of a Gardener');
    session.write(keys.ctrlC);
    await new Promise((r) => setTimeout(r, 300));
    session.write('q');
    const exit = await session.exited();
    expect(exit.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')).lessons.duties.readAt).toBeTruthy();
  });
});
