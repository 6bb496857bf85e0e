// Commander wiring only: each command's options go to its run function, loaded
// on demand so a command pays start-up only for the code it uses.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Context } from '../context.js';

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
      examples(['pm-guide', 'pm-guide next', 'pm-guide list', 'pm-guide read 1.2', 'pm-guide quiz core-responsibilities', 'pm-guide search roadmap', 'pm-guide --lessons ./docs list']),
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
    .option('--changes', 'show only what changed since you read it (paragraphs added and removed)')
    .addHelpText('after', examples(['pm-guide read', 'pm-guide read 1.2', 'pm-guide read roadmaps', 'pm-guide read 1.2 --changes', 'pm-guide read ./my-notes.md --no-pager']))
    .action(async (lesson: string | undefined, opts: { pager: boolean; changes?: boolean }) =>
      (await import('../commands/read.js')).runRead(ctx(), { lesson, pager: opts.pager, changes: opts.changes === true }),
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
    .command('placement')
    .description('a short test that marks the lessons you know already as tested out, so next skips them')
    .option('--undo <lesson>', 'put a tested-out lesson back on your path (id or number)')
    .addHelpText('after', examples(['pm-guide placement', 'pm-guide placement --undo 1.2']))
    .action(async (opts: { undo?: string }) => (await import('../commands/placement.js')).runPlacement(ctx(), { undo: opts.undo }));

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

  program
    .command('home')
    .description('the interactive home: progress, what to do next, and a menu (also: pm-guide with no command)')
    .addHelpText('after', examples(['pm-guide', 'pm-guide home', 'pm-guide home | cat']))
    .action(async () => (await import('../commands/home.js')).runHome(ctx()));

  program
    .command('search')
    .description('search the lessons: titles, headings and text, ranked, forgiving small typos')
    .argument('<terms...>', 'words to look for')
    .option('--json', 'print the results as JSON')
    .option('--limit <n>', 'how many lessons to show (default 10)', positiveInt('--limit'))
    .addHelpText('after', examples(['pm-guide search roadmap', 'pm-guide search user interviews', 'pm-guide search prioritsation --json']))
    .action(async (terms: string[], opts: { json?: boolean; limit?: number }) =>
      (await import('../commands/search.js')).runSearch(ctx(), { terms, json: Boolean(opts.json), limit: opts.limit }),
    );

  program
    .command('stats')
    .description('your progress as a picture: modules, quiz accuracy, weakest questions, reviews due, streak')
    .option('--json', 'print the same data as JSON')
    .addHelpText('after', examples(['pm-guide stats', 'pm-guide stats --json']))
    .action(async (opts: { json?: boolean }) => (await import('../commands/stats.js')).runStats(ctx(), { json: Boolean(opts.json) }));

  program
    .command('paths')
    .description('where the course, the progress file and the cache are')
    .option('--json', 'print them as JSON')
    .addHelpText('after', examples(['pm-guide paths', 'pm-guide --progress ./p.json paths --json']))
    .action(async (opts: { json?: boolean }) => (await import('../commands/paths.js')).runPaths(ctx(), { json: Boolean(opts.json) }));

  program
    .command('export')
    .description('write your progress as JSON, to take to another machine (default: to stdout)')
    .argument('[file]', 'the file to write')
    .option('-f, --force', 'replace the file if it exists')
    .addHelpText('after', examples(['pm-guide export progress.json', 'pm-guide export > progress.json', 'pm-guide export | ssh laptop pm-guide import -']))
    .action(async (file: string | undefined, opts: { force?: boolean }) =>
      (await import('../commands/export.js')).runExport(ctx(), { file, force: Boolean(opts.force) }),
    );

  program
    .command('import')
    .description('merge progress exported elsewhere into yours (answers from both are kept)')
    .argument('<file>', 'a file written by pm-guide export (- for stdin)')
    .addHelpText('after', examples(['pm-guide import progress.json', 'pm-guide import - < progress.json']))
    .action(async (file: string) => (await import('../commands/import.js')).runImport(ctx(), { file }));

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('[shell]', 'bash, zsh or fish (default: from $SHELL)')
    .addHelpText(
      'after',
      examples(['source <(pm-guide completion bash)', "echo 'source <(pm-guide completion bash)' >> ~/.bashrc", 'pm-guide completion fish > ~/.config/fish/completions/pm-guide.fish']),
    )
    .action(async (shell: string | undefined) => {
      const [completion, { completionSpec }] = await Promise.all([import('../commands/completion.js'), import('./completion-spec.js')]);
      return completion.runCompletion(ctx(), { shell, spec: completionSpec(program) });
    });

  program
    .command('__complete-lessons', { hidden: true })
    .option('--quizzable', 'only lessons with a quiz')
    .action(async (opts: { quizzable?: boolean }) =>
      (await import('../commands/completion.js')).runCompleteLessons(ctx(), { quizzable: Boolean(opts.quizzable) }),
    );

  // After an error: the usage line of the command that failed, and where to read more.
  for (const command of [program, ...program.commands]) {
    const name = command === program ? 'pm-guide' : `pm-guide ${command.name()}`;
    command.showHelpAfterError(`Usage: ${name} ${command.usage()}\n(run ${name} --help for details and examples)`);
  }
  return program;
}
