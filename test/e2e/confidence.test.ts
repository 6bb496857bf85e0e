// How sure, in a real terminal: after an answer one key says how sure, and the
// choice stays on screen above the feedback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, fixturesDir, tempDir } from '../helpers/run.js';
import { keys, spawnPty } from '../helpers/pty.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

describe('how sure, on screen', () => {
  it('asks with one key after the answer, shows the choice, and Enter means "think so"', async () => {
    const progress = join(tempDir(), 'p.json');
    const session = spawnPty(['--lessons', course, '--progress', progress, 'quiz', 'duties', '--count', '2', '--seed', '7', '--topic', 'examples'], { cols: 90, rows: 40 });
    await session.waitFor('Question 1 of 2');
    session.write(keys.enter); // Whatever is first: right or wrong, it is an answer.
    await session.waitFor('How sure? s sure · t think so (⏎) · g guess');
    session.write('g');
    await session.waitFor('How sure: guess');
    await session.waitFor(/✓ Right\.|✗ Not quite\./);
    await session.waitFor('Question 2 of 2');
    session.write(keys.enter);
    await session.waitFor((s) => s.split('How sure?').length > 2);
    session.write(keys.enter);
    await session.waitFor('How sure: think so');
    session.write(keys.esc); // Leaves at the missed question's second asking, or after the summary.
    await session.exited();
    const items = Object.values((JSON.parse(readFileSync(progress, 'utf8')) as { items: Record<string, { cal: number[] }> }).items).map((i) => i.cal);
    expect(items).toHaveLength(2);
    expect(items.map((c) => c[4])).toContain(1);
    expect(items.map((c) => c[2])).toContain(1);
  });
});
