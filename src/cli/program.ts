// Commander wiring only: each command's options go to its run function, loaded
// on demand so a command pays start-up only for the code it uses.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Context } from '../commands/context.js';

declare const PM_GUIDE_VERSION: string;
const version = typeof PM_GUIDE_VERSION === 'string' ? PM_GUIDE_VERSION : '0.0.0-dev';

export interface GlobalOptions {
  lessons?: string;
  progress?: string;
  color?: boolean;
}

export type ContextFactory = (globals: GlobalOptions) => Context;

const examples = (lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of 1 or more.`);
    return n;
  };
}

export function buildProgram(makeContext: ContextFactory): Command {
  const program = new Command('pm-guide');
  const ctx = (): Context => makeContext(program.opts<GlobalOptions>());

  program
    .description('A terminal tutor for product management: read lessons, quiz yourself, review what you missed.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--lessons <dir>', 'the course folder (default: the shipped course, or $PM_GUIDE_LESSONS)')
    .option('--progress <file>', 'the progress file (default: $PM_GUIDE_PROGRESS, or the XDG data folder)')
    .option('--color', 'force colour on')
    .option('--no-color', 'no colour or styling (also: NO_COLOR=1)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      examples(['pm-guide next', 'pm-guide list', 'pm-guide read 1.2', 'pm-guide quiz core-responsibilities', 'pm-guide --lessons ./docs list']),
    );

  program
    .command('next')
    .description('do the one thing to do now: a quiz you owe, due reviews, or the next lesson')
    .option('--no-pager', 'print lessons straight to the terminal')
    .addHelpText('after', examples(['pm-guide next', 'pm-guide next | less']))
    .action(async (opts: { pager: boolean }) => (await import('../commands/next.js')).runNext(ctx(), opts));

  program
    .command('read')
    .description('read a lesson (by id, number like 2.1, part of its title, or a file path); default: the lesson you are on')
    .argument('[lesson]', 'lesson id, number, title words, or path of a Markdown file')
    .option('--no-pager', 'print straight to the terminal')
    .addHelpText('after', examples(['pm-guide read', 'pm-guide read 1.2', 'pm-guide read roadmaps', 'pm-guide read ./my-notes.md --no-pager']))
    .action(async (lesson: string | undefined, opts: { pager: boolean }) =>
      (await import('../commands/read.js')).runRead(ctx(), { lesson, pager: opts.pager }),
    );

  program
    .command('list')
    .description('show the course as a tree, with what you have read and your quiz scores')
    .option('--json', 'print the course and status as JSON')
    .addHelpText('after', examples(['pm-guide list', 'pm-guide list --json']))
    .action(async (opts: { json?: boolean }) => (await import('../commands/list.js')).runList(ctx(), { json: Boolean(opts.json) }));

  program
    .command('quiz')
    .description('quiz yourself on a lesson (default: the lesson you are on), or review what is due')
    .argument('[lesson]', 'lesson id, number or title words')
    .addOption(
      new Option('--topic <topic>', 'only ask about responsibilities, tools or examples (repeatable)').argParser((value: string, previous: string[] | undefined) => {
          if (!['responsibilities', 'tools', 'examples'].includes(value)) {
            throw new InvalidArgumentError('choose responsibilities, tools or examples.');
          }
          return [...(previous ?? []), value];
        }),
    )
    .option('--count <n>', 'how many questions', positiveInt('--count'))
    .option('--seed <n>', 'seed for a reproducible quiz', (v: string) => {
      if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError('--seed must be a whole number.');
      return Number(v);
    })
    .option('--review', 'review the questions due across the whole course')
    .option('--preview', 'print every question the lesson yields, with answers (for authors)')
    .option('--json', 'with --preview: print the questions as JSON')
    .addHelpText(
      'after',
      examples(['pm-guide quiz', 'pm-guide quiz 1.2 --topic tools', 'pm-guide quiz --review', 'pm-guide quiz roadmaps --preview --json']),
    )
    .action(async (lesson: string | undefined, opts: Record<string, unknown>) =>
      (await import('../commands/quiz.js')).runQuiz(ctx(), {
        lesson,
        topics: (opts.topic as string[] | undefined) ?? [],
        count: opts.count as number | undefined,
        seed: opts.seed as number | undefined,
        review: Boolean(opts.review),
        preview: Boolean(opts.preview),
        json: Boolean(opts.json),
      }),
    );

  program
    .command('lint')
    .description('check a lesson folder for authors: front matter, parents, ids, quiz blocks, questions')
    .argument('[dir]', 'the folder to check (default: the course in use)')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', examples(['pm-guide lint', 'pm-guide lint ./docs', 'pm-guide lint --json']))
    .action(async (dir: string | undefined, opts: { json?: boolean }) =>
      (await import('../commands/lint.js')).runLint(ctx(), { dir, json: Boolean(opts.json) }),
    );

  program
    .command('reset')
    .description('clear all progress (asks first)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples(['pm-guide reset', 'pm-guide reset --yes']))
    .action(async (opts: { yes?: boolean }) => (await import('../commands/reset.js')).runReset(ctx(), { yes: Boolean(opts.yes) }));

  // After an error: the usage line of the command that failed, and where to read more.
  for (const command of [program, ...program.commands]) {
    const name = command === program ? 'pm-guide' : `pm-guide ${command.name()}`;
    command.showHelpAfterError(`Usage: ${name} ${command.usage()}\n(run ${name} --help for details and examples)`);
  }
  return program;
}
