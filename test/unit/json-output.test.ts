// Control characters from a lesson or a file name never reach the terminal:
// in --json output they are \u escapes (a JSON reader gets the same string
// back), in messages they are removed, as in every other text pm-guide prints.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonText } from '../../src/ui/json-text.js';
import { runIn } from '../helpers/in-process.js';
import { cleanTemps, tempDir } from '../helpers/run.js';

afterAll(cleanTemps);

/** Anything a terminal acts on: C0 but newline, DEL, C1 (U+009B is a CSI), bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CSI = '\u009b';
const RLO = '\u202e';

function hostileCourse(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'beds'));
  const quiz = `\`\`\`quiz\n- question: Which tool turns the soil?\n  choices: [Spade, Net, Hose]\n  answer: Spade\n  ${CSI}31mkey: odd\n\`\`\`\n`;
  writeFileSync(join(dir, 'beds', `gate${RLO}dm.md`), `---\ntitle: "The Gate"\nid: gate\n---\n\n# The Gate\n\nA page about gates.\n\n${quiz}`);
  writeFileSync(join(dir, 'beds', `shed${CSI}2J.md`), `---\ntitle: "The Shed${CSI}2J"\nid: shed\n---\n\n# The Shed\n\nA page about sheds.\n`);
  return dir;
}

describe('jsonText', () => {
  it('escapes DEL, C1 controls and bidi overrides, and reads back as the same value', () => {
    const value = { name: `a${CSI}2Jb${RLO}c\u007f\u0085`, list: ['\u2066x\u2069'] };
    const text = jsonText(value, 2);
    expect(text).not.toMatch(UNSAFE);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('--json output of a course with hostile file names and keys', () => {
  const course = hostileCourse();
  it.each([['lint', course, '--json'], ['list', '--json'], ['search', 'gate', '--json'], ['stats', '--json']])('%s', async (...args) => {
    const argv = args[0] === 'lint' ? [...args] : ['--lessons', course, ...args];
    const r = await runIn(['--progress', join(tempDir(), 'p.json'), ...argv]);
    expect(r.stdout.length).toBeGreaterThan(2);
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    if (args[0] === 'lint' || args[0] === 'list') expect(r.stdout).toMatch(/\\u202e|\\u009b/);
  });
});

describe('messages naming a path', () => {
  it('export, import and "Saved in" print the path without its escapes', async () => {
    const dir = join(tempDir(), `d${CSI}2J\u001b]0;title\u0007${RLO}`);
    mkdirSync(dir);
    const progress = join(dir, 'progress.json');
    const course = hostileCourse();
    await runIn(['--lessons', course, '--progress', progress, 'read', 'gate', '--no-pager'], { tty: true });
    const file = join(dir, `out${CSI}31m.json`);
    const exported = await runIn(['--lessons', course, '--progress', progress, 'export', file]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Exported 1 lesson read/);
    const imported = await runIn(['--lessons', course, '--progress', progress, 'import', file]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Saved in /);
    for (const out of [exported.stdout, imported.stdout, exported.stderr, imported.stderr]) expect(out).not.toMatch(UNSAFE);
  });
});
