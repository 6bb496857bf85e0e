// The placement test in a real pseudo-terminal: its opening lines, a question
// on screen with "I don't know" but no hint, the verdict, a module stopped
// early, and the summary; then list says "tested out".
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion, previewQuestions } from '../helpers/answer-quiz.js';
import { spawnPty } from '../helpers/pty.js';
import { cleanTemps, fixturesDir, run, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

describe('pm-guide placement in a terminal', () => {
  it('asks, stops a module new to the learner, tests out the one they know, and says what next', async () => {
    const progress = join(tempDir(), 'p.json');
    const pool = [...previewQuestions(course, 'duties'), ...previewQuestions(course, 'areas-and-tools'), ...previewQuestions(course, 'seasons')];
    const session = spawnPty(['--lessons', course, '--progress', progress, 'placement'], { cols: 80, rows: 30 });
    await session.waitFor('Placement test · 3 lessons, at most 6 questions');
    await session.waitFor('1 Gardening Basics · 2 lessons to place');
    await session.waitFor("I don't know");
    expect(session.screen()).not.toMatch(/Show a hint/);
    for (let n = 1; n <= 3; n++) await answerQuestion(session, pool, n, 4, false, null);
    await session.waitFor('This module looks new to you');
    await session.waitFor('2 Beyond the Basics · 1 lesson to place');
    for (let n = 1; n <= 2; n++) await answerQuestion(session, pool, n, 2, true, null);
    await session.waitFor('Placement done: 2 of 5 answers right.');
    await session.waitFor(/Tested out \(1\): 2\.1 The Gardening Year/);
    await session.waitFor('Next: read 1 Gardening Basics.');
    expect((await session.exited()).exitCode).toBe(0);
    const list = run(['--lessons', course, '--progress', progress, 'list']).stdout;
    expect(list).toMatch(/2\.1 .*tested out/);
  });
});
