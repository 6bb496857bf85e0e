// Where the pager is not used, or cannot start, the whole lesson is printed
// straight to the terminal (in process: the terminal adds nothing here).
import { afterAll, describe, expect, it } from 'vitest';
import { runIn } from '../helpers/in-process.js';
import { lesson, makeCourse } from '../helpers/hostile.js';
import { cleanTemps } from '../helpers/run.js';

afterAll(cleanTemps);

const course = makeCourse({
  'long.md': lesson('A Long Walk Round the Plot', Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: the path runs past the beds and back.`).join('\n\n'), { id: 'long' }),
});

describe('a long lesson on a terminal', () => {
  it.each([
    ['a pager that cannot be started', { PAGER: 'no-such-pager-anywhere' }],
    ['a dumb terminal, where less cannot work', { PAGER: 'less', TERM: 'dumb' }],
  ])('with %s: printed whole, first line to last', async (_what, env) => {
    const r = await runIn(['--lessons', course, 'read', 'long'], { tty: true, rows: 10, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Paragraph 0:');
    expect(r.stdout).toContain('Paragraph 59:');
    expect(r.stderr).toBe('');
  });
});
