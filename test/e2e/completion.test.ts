// pm-guide completion: the scripts, loaded into a real shell, complete
// commands, flags, and the lessons of the course in use.
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, binPath, cleanTemps, fixturesDir, run, tempDir } from '../helpers/run.js';

const course = join(fixturesDir, 'course');
afterAll(cleanTemps);

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** A folder with `pm-guide` on it, as after npm install -g. */
function pathWithPmGuide(): string {
  const dir = tempDir();
  symlinkSync(binPath, join(dir, 'pm-guide'));
  return `${dir}:${process.env.PATH}`;
}

/** Runs a bash script with the completion loaded; returns stdout. */
function bash(script: string): { stdout: string; stderr: string; code: number | null } {
  const home = tempDir();
  const env = { ...baseEnv(home), PATH: pathWithPmGuide() };
  const file = join(home, 'test.sh');
  writeFileSync(file, `source <(pm-guide completion bash)\n${script}\n`);
  const r = spawnSync('bash', ['--norc', '--noprofile', file], { env, encoding: 'utf8', timeout: 15_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/** What bash offers for a command line; the last word is the one being completed. */
const complete = (...words: string[]) =>
  `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _pm_guide; printf '%s\\n' "\${COMPREPLY[@]}"; echo ---`;

function offers(...lines: string[]): string[][] {
  const r = bash(lines.join('\n'));
  expect(r.stderr).toBe('');
  return r.stdout.split('---\n').slice(0, -1).map((block) => block.split('\n').filter(Boolean));
}

describe('bash completion', () => {
  it('registers itself for pm-guide', () => {
    const r = bash('complete -p pm-guide');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('complete -F _pm_guide pm-guide');
  });

  it('completes commands, global flags and flags of each command', () => {
    const [commands, partial, globals, quizFlags, topics] = offers(
      complete('pm-guide', ''),
      complete('pm-guide', 'st'),
      complete('pm-guide', '--'),
      complete('pm-guide', 'quiz', '--'),
      complete('pm-guide', 'quiz', '--topic', ''),
    );
    expect(commands).toEqual(expect.arrayContaining(['next', 'read', 'quiz', 'list', 'search', 'stats', 'paths', 'export', 'import', 'completion', 'home']));
    expect(commands!.some((c) => c.startsWith('__'))).toBe(false);
    expect(partial).toEqual(['stats']);
    expect(globals).toEqual(expect.arrayContaining(['--lessons', '--progress', '--no-color', '--help', '--version']));
    expect(quizFlags).toEqual(expect.arrayContaining(['--topic', '--count', '--seed', '--review', '--preview']));
    expect(topics).toEqual(['responsibilities', 'tools', 'examples']);
  });

  it('completes lesson ids and numbers from the course given with --lessons; quiz leaves out module pages', () => {
    const [read, quiz, numbers, byId] = offers(
      complete('pm-guide', '--lessons', course, 'read', ''),
      complete('pm-guide', '--lessons', course, 'quiz', ''),
      complete('pm-guide', '--lessons', course, 'read', '1.'),
      complete('pm-guide', '--lessons', course, 'quiz', 'se'),
    );
    expect(read!.sort()).toEqual(['1', '1.1', '1.2', '2', '2.1', 'areas-and-tools', 'basics', 'duties', 'more', 'seasons']);
    expect(quiz!.sort()).toEqual(['1.1', '1.2', '2.1', 'areas-and-tools', 'duties', 'seasons']);
    expect(numbers).toEqual(['1.1', '1.2']);
    expect(byId).toEqual(['seasons']);
  });

  it('completes the shipped course when no --lessons is given', () => {
    const [read] = offers(complete('pm-guide', 'read', ''));
    const ids = run(['list', '--json']).stdout;
    expect(read!.length).toBeGreaterThan(3);
    for (const id of read!.filter((x) => !/^\d/.test(x))) expect(ids).toContain(`"id": "${id}"`);
  });
});

describe('the other shells', () => {
  it.each(['zsh', 'fish'])('%s: a script that names every command and asks pm-guide for the lessons', (shell) => {
    const r = run(['completion', shell]);
    expect(r.code).toBe(0);
    for (const name of ['next', 'read', 'quiz', 'search', 'stats', 'export', 'import']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('__complete-lessons');
  });

  it.skipIf(!has('zsh'))('zsh: the script parses', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '_pm-guide'), run(['completion', 'zsh']).stdout);
    const r = spawnSync('zsh', ['-n', join(dir, '_pm-guide')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!has('zsh'))('zsh: offers commands, and lessons with their titles, from the course given with --lessons', () => {
    const home = tempDir();
    const script = join(home, '_pm-guide');
    writeFileSync(script, run(['completion', 'zsh']).stdout);
    // zsh's completion system wants a live terminal; stand-ins for its builtins print what would be offered.
    const harness = [
      'compdef() {}',
      '_describe() { local name=${@[-1]}; print -rl -- ${(P)name} }',
      'compadd() { print -rl -- ${@:#--} }',
      '_files() { print FILES }',
      '_directories() { print DIRS }',
      `source ${script}`,
      't() { words=("$@"); CURRENT=${#words}; PREFIX=${words[-1]}; _pm_guide; print -- --- }',
      "t pm-guide ''",
      `t pm-guide --lessons ${course} quiz ''`,
      "t pm-guide lint ''",
    ].join('\n');
    const r = spawnSync('zsh', ['-f', '-c', harness], { encoding: 'utf8', env: { ...baseEnv(home), PATH: pathWithPmGuide() } });
    expect(r.stderr).toBe('');
    const [commands, quiz, lint] = r.stdout.split('---\n').map((b) => b.split('\n').filter(Boolean));
    expect(commands).toEqual(expect.arrayContaining(['stats:your progress as a picture: modules, quiz accuracy, weakest questions, reviews due, streak']));
    expect(quiz).toEqual(['duties:1.1 Duties of a Gardener', 'areas-and-tools:1.2 Areas and Tools', 'seasons:2.1 The Gardening Year', '1.1:Duties of a Gardener', '1.2:Areas and Tools', '2.1:The Gardening Year']);
    expect(lint).toEqual(['DIRS']);
  });

  it.skipIf(!has('fish'))('fish: the script loads and completes lessons', () => {
    const home = tempDir();
    const script = join(home, 'pm-guide.fish');
    writeFileSync(script, run(['completion', 'fish']).stdout);
    const r = spawnSync('fish', ['--no-config', '-c', `source ${script}; complete -C 'pm-guide --lessons ${course} quiz '`], {
      encoding: 'utf8',
      env: { ...baseEnv(home), PATH: pathWithPmGuide() },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^duties\t1\.1 Duties of a Gardener$/m);
    expect(r.stdout).not.toMatch(/^basics\t/m);
  });

  it('refuses a shell it does not know, with the ones it does', () => {
    const r = run(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bash, zsh and fish/);
  });

  it('the hidden helper is quiet when the course cannot be loaded', () => {
    const r = run(['--lessons', join(tempDir(), 'missing'), '__complete-lessons']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });
});
