// read, list, next and reset, run as a user runs them: the built binary, piped.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIn } from '../helpers/in-process.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { binPath, cleanTemps, fixturesDir, hasEscapes, tempDir } from '../helpers/run.js';
import { haveSeeds, seedsDir } from '../helpers/seeds.js';

const course = join(fixturesDir, 'course');
let progress: string;
const pm = (args: string[], env: Record<string, string | undefined> = {}) => runIn(['--lessons', course, '--progress', progress, ...args], { env });
/** As on a terminal, where reading a lesson marks it read. */
const onTerminal = { tty: true };

beforeAll(async () => {
  progress = join(tempDir(), 'progress.json');
});
afterAll(cleanTemps);

describe('list', () => {
  it('shows the course as a numbered tree with status and a progress bar', async () => {
    const r = await pm(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 of 5 pages read/);
    expect(r.stdout).toMatch(/^1 {2}Gardening Basics/m);
    expect(r.stdout).toMatch(/^ {2}1\.1 +Duties of a Gardener +unread$/m);
    expect(r.stdout).toMatch(/^ {2}1\.2 +Areas and Tools +unread$/m);
    expect(r.stdout).toMatch(/^2 {2}Beyond the Basics/m);
    expect(hasEscapes(r.stdout)).toBe(false);
  });

  it('prints the same as JSON', async () => {
    const data = JSON.parse((await pm(['list', '--json'])).stdout);
    expect(data.lessons.map((l: { number: string; id: string }) => `${l.number} ${l.id}`)).toEqual(['1 basics', '1.1 duties', '1.2 areas-and-tools', '2 more', '2.1 seasons']);
    expect(data.lessons[1]).toMatchObject({ title: 'Duties of a Gardener', read: false, bestScore: null, module: false });
  });

  it('reports a lesson that cannot be loaded and still shows the rest', async () => {
    const dir = tempDir();
    copyFileSync(join(course, '01-basics', '01-duties.md'), join(dir, 'good.md'));
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: Broken\nnav_order: [oops\n---\nBody\n');
    const r = await runIn(['--lessons', dir, '--progress', join(dir, 'p.json'), 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Duties of a Gardener');
    expect(r.stderr).toMatch(/bad\.md:3: front matter is not valid YAML/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2); // the bad file, and the good one's missing parent
  });
});

describe('read', () => {
  it('renders a lesson as plain text when piped: no escape codes, no Jekyll markup, mojibake repaired', async () => {
    const r = await pm(['read', 'duties']);
    expect(r.code).toBe(0);
    expect(hasEscapes(r.stdout)).toBe(false);
    expect(r.stdout).toContain('Duties of a Gardener 🌱');
    expect(r.stdout).toMatch(/Example: Sketching a four-bed rotation/);
    expect(r.stdout).not.toMatch(/\*\*|ðŸ|nav-buttons|<a |<div|\{:/);
  });

  it('styles bold labels inside list items and headings when colour is on', async () => {
    const r = await pm(['--color', 'read', 'duties']);
    expect(r.stdout).toContain('\u001b[1mExample\u001b[');
    expect(r.stdout).not.toContain('**Example**');
  });

  it('honours NO_COLOR, and --color overrides it', async () => {
    expect(hasEscapes((await pm(['read', 'duties'], { NO_COLOR: '1', FORCE_COLOR: undefined })).stdout)).toBe(false);
    expect(hasEscapes((await pm(['--color', 'read', 'duties'], { NO_COLOR: '1' })).stdout)).toBe(true);
    expect(hasEscapes((await pm(['--no-color', 'read', 'duties'], { FORCE_COLOR: '1' })).stdout)).toBe(false);
  });

  it('ends with a footer saying where you are and what comes next, and marks the lesson read on a terminal', async () => {
    const r = await runIn(['--lessons', course, '--progress', progress, 'read', '1.1', '--no-pager'], onTerminal);
    expect(r.stdout).toMatch(/1\.1 Duties of a Gardener +· page 2 of 5 · Gardening Basics/);
    expect(r.stdout).toMatch(/Next: 1\.2 Areas and Tools/);
    expect(r.stdout).toMatch(/Check yourself: pm-guide quiz duties/);
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(saved.lessons.duties.readAt).toBeTruthy();
    expect(saved.current).toBe('duties');
  });

  it('finds a lesson by number, id or part of the title, and reads the current one by default', async () => {
    const read = async (...args: string[]) => (await runIn(['--lessons', course, '--progress', progress, 'read', ...args, '--no-pager'], onTerminal)).stdout;
    expect(await read('2.1')).toContain('The Gardening Year');
    expect(await read('gardening year')).toContain('Every season asks');
    expect(await read()).toContain('The Gardening Year');
  });

  it('suggests close names for an unknown lesson on one stderr line, and nothing more', async () => {
    const r = await pm(['read', 'dutise']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no lesson matches "dutise".*did you mean "duties"/);
  });

  it('reads the path of a single Markdown file, whatever its extension', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '---\ntitle: Loose Notes\n---\n# Loose Notes\n\nA page on its own.\n');
    const r = await pm(['read', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A page on its own.');
    expect(r.stdout).toContain('not part of the course');
  });

  it('ends quietly when piped into head (EPIPE)', async () => {
    // Long enough that head closes the pipe while pm-guide is still writing.
    const dir = tempDir();
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} says the same calm thing about compost, mulch and patience.`);
    writeFileSync(join(dir, 'long.md'), `---\ntitle: Long\n---\n# Long\n\n${paragraphs.join('\n\n')}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${binPath}" --lessons "${dir}" --progress "${join(dir, 'p.json')}" read long | head -1; echo "exit=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toBe('Long\nexit=0\n');
    expect(r.stderr).toBe('');
  });
});

describe.runIf(haveSeeds)('the reference seeds', async () => {
  it.each(['000_4348e7e7ffd4f11a.txt', '001_e722478c7e9ee6e3.txt'])('%s loads and renders cleanly', async (name) => {
    const dir = tempDir();
    copyFileSync(join(seedsDir, name), join(dir, name));
    const r = await pm(['read', join(dir, name)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Core Responsibilities/);
    expect(r.stdout).not.toMatch(/ðŸ|â€|<div|<a |\{%|\{\{|\*\*/);
  });
});

describe('next', () => {
  it('reads the next unread page, saying so on its first line, then asks for the quiz owed', async () => {
    const p = join(tempDir(), 'p.json');
    const step = () => runIn(['--lessons', course, '--progress', p, 'next', '--no-pager'], onTerminal);
    const first = await step();
    expect(first.stdout.split('\n')[0]).toBe('Next: reading 1 Gardening Basics');
    const second = await step();
    expect(second.stdout.split('\n')[0]).toBe('Next: reading 1.1 Duties of a Gardener');
    // Not on a terminal, it says how to take the quiz instead of asking.
    const third = await runIn(['--lessons', course, '--progress', p, 'next']);
    expect(third.code).toBe(0);
    expect(third.stdout.split('\n')[0]).toMatch(/^Next: the quiz on 1\.1 Duties of a Gardener.*pm-guide quiz duties$/);
  });
});

describe('reset', () => {
  it('clears progress with --yes, and refuses to ask without a terminal', async () => {
    const p = join(tempDir(), 'p.json');
    await runIn(['--lessons', course, '--progress', p, 'read', 'duties', '--no-pager'], onTerminal);
    const refused = await runIn(['--lessons', course, '--progress', p, 'reset']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/reset --yes/);
    expect(JSON.parse(readFileSync(p, 'utf8')).lessons.duties).toBeTruthy();
    const done = await runIn(['--lessons', course, '--progress', p, 'reset', '--yes']);
    expect(done.code).toBe(0);
    expect(JSON.parse(readFileSync(p, 'utf8')).lessons).toEqual({});
  });
});

describe('the progress file', () => {
  it('is created in the XDG data folder by default, one file per course', async () => {
    const home = tempDir();
    await runIn(['--lessons', course, 'read', 'duties', '--no-pager'], { env: { HOME: home, XDG_DATA_HOME: join(home, 'xdg') }, tty: true });
    expect(readdirSync(join(home, 'xdg', 'pm-guide', 'courses')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('moves a broken file aside with a warning naming both paths, and goes on', async () => {
    const dir = tempDir();
    const p = join(dir, 'progress.json');
    writeFileSync(p, '{"version":1,"lessons":{');
    const r = await runIn(['--lessons', course, '--progress', p, 'read', 'duties', '--no-pager'], onTerminal);
    expect(r.code).toBe(0);
    const aside = readdirSync(dir).find((f) => f.startsWith('progress.json.broken-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version":1,"lessons":{');
    expect(r.stderr).toContain(p);
    expect(r.stderr).toContain(aside);
    expect(JSON.parse(readFileSync(p, 'utf8')).lessons.duties).toBeTruthy();
  });

  it('leaves a file from a newer version untouched and says to update pm-guide', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const p = join(dir, 'progress.json');
    const newer = '{"version":99,"lessons":{},"items":{}}';
    writeFileSync(p, newer);
    const r = await runIn(['--lessons', course, '--progress', p, 'read', 'duties']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/newer pm-guide.*update pm-guide/);
    expect(readFileSync(p, 'utf8')).toBe(newer);
  });
});
