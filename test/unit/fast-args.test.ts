// cli/fast-args.ts recognises read, list and next without commander; whatever
// it recognises, commander (the real program of cli/program.ts) must read the
// same way, and whatever it declines is left to commander.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCommand, type FastCommand } from '../../src/cli/fast-args.js';
import { buildProgram, type GlobalOptions } from '../../src/cli/program.js';
import type { Context } from '../../src/commands/context.js';

/** What commander makes of a command line: the command and its options, or undefined when it is not read, list or next, or is an error. */
function byCommander(args: string[]): FastCommand | undefined {
  let result: FastCommand | undefined;
  const program = buildProgram(() => ({}) as Context);
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  }
  const command = (name: string) => program.commands.find((c) => c.name() === name)!;
  command('read').action((lesson: string | undefined, opts: { pager: boolean }) => {
    result = { name: 'read', globals: program.opts<GlobalOptions>(), lesson, pager: opts.pager };
  });
  command('list').action((opts: { json?: boolean }) => {
    result = { name: 'list', globals: program.opts<GlobalOptions>(), json: Boolean(opts.json) };
  });
  command('next').action((opts: { pager: boolean }) => {
    result = { name: 'next', globals: program.opts<GlobalOptions>(), pager: opts.pager };
  });
  try {
    program.parse(args, { from: 'user' });
  } catch {
    return undefined;
  }
  return result;
}

/** Drops keys whose value is undefined, as commander's opts() has none. */
const tidy = (c: FastCommand | undefined) => (c === undefined ? undefined : JSON.parse(JSON.stringify(c)) as unknown);

describe('fastCommand', () => {
  it.each([
    [['read']],
    [['read', '1.2']],
    [['read', 'roadmaps', '--no-pager']],
    [['read', '--no-pager', 'roadmaps']],
    [['--no-color', 'read', 'list']],
    [['read', 'x', '--lessons', './docs', '--progress=/tmp/p.json']],
    [['--lessons=./docs', 'list']],
    [['list', '--json', '--color']],
    [['list', '--no-color']],
    [['next']],
    [['next', '--no-pager', '--progress', 'p.json']],
    [['--color', '--lessons', 'read', 'next']],
  ])('reads %j as commander does', (args) => {
    const fast = fastCommand(args);
    expect(fast).toBeDefined();
    expect(tidy(fast)).toEqual(tidy(byCommander(args)));
  });

  it.each([
    [[]],
    [['--help']],
    [['read', '--help']],
    [['list', '-h']],
    [['read', 'a', 'b']],
    [['list', 'extra']],
    [['next', '--json']],
    [['list', '--lessons']],
    [['--lessons', '--color', 'list']],
    [['--color', '--no-color', 'list']],
    [['list', '--lessons', 'a', '--lessons', 'b']],
    [['read', '--', 'x']],
    [['quiz']],
    [['read', '']],
    [['-V']],
  ])('leaves %j to commander', (args) => {
    expect(fastCommand(args)).toBeUndefined();
  });

  it('agrees with commander on arbitrary command lines', () => {
    const token = fc.constantFrom('read', 'list', 'next', 'quiz', '--no-pager', '--json', '--color', '--no-color', '--lessons', '--progress', '--lessons=d', '--progress=', 'x', '1.2', '-h', '--', '', '-x');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (args) => {
        const fast = fastCommand(args);
        if (fast !== undefined) expect(tidy(fast)).toEqual(tidy(byCommander(args)));
      }),
      { numRuns: 3000 },
    );
  });
});
