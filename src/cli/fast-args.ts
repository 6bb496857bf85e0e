// The command lines pm-guide runs most (read, list and next, with their own
// options and the global ones), recognised without commander: building the
// program costs more than the rest of a read. Anything else, or anything in
// doubt (an option twice, a value that looks like an option, help), is left to
// commander (cli/program.ts), which then parses and reports as always.
// test/unit/fast-args.test.ts holds the result equal to commander's for the
// same command line; a new option for these commands is left to commander
// until it is added here too.
import type { GlobalOptions } from './program.js';

export type FastCommand =
  | { name: 'read'; globals: GlobalOptions; lesson: string | undefined; pager: boolean }
  | { name: 'list'; globals: GlobalOptions; json: boolean }
  | { name: 'next'; globals: GlobalOptions; pager: boolean };

const FLAGS = { read: ['--no-pager'], list: ['--json'], next: ['--no-pager'] } as const;
type Name = keyof typeof FLAGS;
const isName = (arg: string): arg is Name => arg === 'read' || arg === 'list' || arg === 'next';

/** The command `args` (argv without node and the script) asks for, when it is one of the simple ones; else undefined. */
export function fastCommand(args: readonly string[]): FastCommand | undefined {
  const globals: GlobalOptions = {};
  const seen = new Set<string>();
  const positionals: string[] = [];
  let name: Name | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--color' || arg === '--no-color') {
      if (seen.has('color')) return undefined;
      seen.add('color');
      globals.color = arg === '--color';
      continue;
    }
    const option = /^--(lessons|progress)(?:=(.*))?$/s.exec(arg);
    if (option) {
      const key = option[1] as 'lessons' | 'progress';
      const value = option[2] ?? args[++i];
      if (value === undefined || value === '' || value.startsWith('-') || seen.has(key)) return undefined;
      seen.add(key);
      globals[key] = value;
      continue;
    }
    if (name === undefined) {
      if (!isName(arg)) return undefined;
      name = arg;
      continue;
    }
    if (arg.startsWith('-')) {
      if (!(FLAGS[name] as readonly string[]).includes(arg) || seen.has(arg)) return undefined;
      seen.add(arg);
      continue;
    }
    if (arg === '') return undefined;
    positionals.push(arg);
  }
  switch (name) {
    case 'read':
      return positionals.length <= 1 ? { name, globals, lesson: positionals[0], pager: !seen.has('--no-pager') } : undefined;
    case 'list':
      return positionals.length === 0 ? { name, globals, json: seen.has('--json') } : undefined;
    case 'next':
      return positionals.length === 0 ? { name, globals, pager: !seen.has('--no-pager') } : undefined;
    default:
      return undefined;
  }
}
