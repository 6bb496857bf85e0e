// Nothing in a lesson or in a file name reaches the terminal as a control
// sequence: not in what is read, listed, quizzed or said in an error.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps } from '../helpers/run.js';
import { drivesTerminal, expectOneLineFailure, makeCourse, pm, STACK_TRACE } from '../helpers/hostile.js';

afterAll(cleanTemps);

describe('escape sequences in lessons never reach the terminal', () => {
  const ESC = '\u001b';
  const hostile = [
    '---',
    'title: "Calm \\e]0;owned\\a\\e[2JTitle\\x9b2J\\u202e"',
    'id: calm',
    '---',
    `# Calm Title ${ESC}]52;c;ZXZpbA==\u0007`,
    '',
    `Words ${ESC}[2J${ESC}[H with a bell\u0007, a C1 CSI \u009b31m, an override \u202e and references &#x1b;]0;x&#x7; &#27;[5m &#155;2J &#8238;.`,
    '',
    '- **Sowing &#x1b;[8m**: Putting seeds \u001b[31m into trays at the right depth, then labelling them.',
    '- **Thinning**: Pulling out the weaker seedlings so the strong ones have room &#x1b;]0;t&#x1b;\\.',
    '- **Staking**: Tying tall plants to canes so the wind cannot snap them.',
    '- **Netting**: Covering crops with mesh so birds and butterflies stay off them.',
    '',
    '| Kind &#x1b;[1m | Tools |',
    '|---|---|',
    '| Digging | spade &#x1b;[2J, fork, trowel |',
    '| Cutting | shears, loppers, knife |',
    '',
    '[https://good.example](https://evil.example)',
    '',
    '```quiz',
    '- question: "Which \\e]0;owned\\a tool digs? \\u202e"',
    '  choices: ["Spade \\e[2J", "Shears \\x9b31m", "Net"]',
    '  answer: "Spade \\e[2J"',
    '  explanation: "Because \\e]52;c;ZXZpbA==\\a it digs."',
    '```',
  ].join('\n');

  it.each([
    ['read, no colour', ['--no-color', 'read', 'calm']],
    ['read, colour forced', ['--color', 'read', 'calm']],
    ['list', ['list']],
    ['list, colour forced', ['--color', 'list']],
    ['the quiz preview', ['quiz', 'calm', '--preview']],
    ['the quiz preview as JSON', ['quiz', 'calm', '--preview', '--json']],
    ['lint', ['lint']],
    ['search', ['search', 'seedlings']],
    ['next', ['next']],
  ])('%s', async (_what, args) => {
    const dir = makeCourse({ 'calm.md': hostile, [`odd${ESC}]0;name\u0007.md`]: '---\ntitle: [broken\n---\n' });
    const r = await pm(dir, args);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(drivesTerminal(r.stdout), r.stdout).toBe(false);
    expect(drivesTerminal(r.stderr), r.stderr).toBe(false);
    if (!args.includes('lint') && !args.includes('--json')) expect(r.stdout).toContain('Calm');
    if (args.includes('--color') && !args.includes('lint')) expect(r.stdout).toContain(`${ESC}[`); // pm-guide's own styling still works
  });

  it('shows where a link really goes, not the address its text claims', async () => {
    const dir = makeCourse({ 'calm.md': hostile });
    const r = await pm(dir, ['read', 'calm']);
    expect(r.stdout).toContain('https://evil.example');
    expect(r.stdout).not.toContain('good.example');
  });

  it('neutralises a file name full of escapes in the error that names it', async () => {
    const dir = makeCourse({ [`odd${ESC}]0;name\u0007${ESC}[2J.md`]: '---\ntitle: [broken\n---\n' });
    const r = await pm(dir, ['read', join(dir, `odd${ESC}]0;name\u0007${ESC}[2J.md`)]);
    expectOneLineFailure(r, /odd.*\.md:2: front matter is not valid YAML/);
  });
});
